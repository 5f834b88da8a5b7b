import BackstepUI
import TermGrid

/// Virtual time for the run loop: it moves only when read, by `secondsPerReading` (the work
/// done between two readings), and when a ``RecordingTerminal`` waits for a key.
final class VirtualClock: RunClock {
  private(set) var time = 0.0
  let secondsPerReading: Double

  init(secondsPerReading: Double = 0.0005) {
    self.secondsPerReading = secondsPerReading
  }

  func now() -> Double {
    time += secondsPerReading
    return time
  }

  /// Waits until `moment`, if it is still to come.
  func wait(until moment: Double) { time = max(time, moment) }
}

/// A terminal for tests: keys, resizes and signals scripted at virtual times, and a record of
/// what the loop asked of it. Waiting for a key moves the clock to the next scripted event or
/// to the timeout, whichever comes first; once the script is spent, a wait for ever is a
/// hang-up, as when a real terminal goes away.
final class RecordingTerminal: Terminal {
  enum Event {
    case key(Key)
    case resize(width: Int, height: Int)
    case signal(TerminalSignal)
  }

  let clock: VirtualClock
  private var script: [(time: Double, event: Event)]
  var colorLevel = ColorLevel.none
  var unicode = true
  var note: String?
  private(set) var size: (width: Int, height: Int)

  /// Every frame drawn, in order.
  private(set) var frames: [Frame] = []
  /// The timeout of every key read, in milliseconds (−1: for ever).
  private(set) var reads: [Int] = []
  /// Every key handed to the loop, with the virtual time it was read at.
  private(set) var delivered: [(key: Key, time: Double)] = []
  private(set) var invalidations = 0
  private(set) var suspensions = 0
  private var pending: [TerminalSignal] = []

  /// `script` in order of time.
  init(width: Int = 120, height: Int = 36, clock: VirtualClock, script: [(Double, Event)]) {
    size = (width, height)
    self.clock = clock
    self.script = script.map { (time: $0.0, event: $0.1) }
  }

  /// The signals scripted up to now have arrived.
  private func receiveSignals() {
    while let first = script.first, first.time <= clock.time, case .signal(let signal) = first.event {
      pending.append(signal)
      script.removeFirst()
    }
  }

  func draw(_ frame: Frame) { frames.append(frame) }

  func invalidate() { invalidations += 1 }

  func readKey(timeout: Int) -> Key? {
    reads.append(timeout)
    receiveSignals()
    guard pending.isEmpty else { return nil }
    let limit = timeout < 0 ? Double.infinity : clock.time + Double(timeout) / 1000
    guard let next = script.first else {
      if timeout < 0 { pending.append(.hangUp) } else { clock.wait(until: limit) }
      return nil
    }
    guard next.time <= limit else {
      clock.wait(until: limit)
      return nil
    }
    clock.wait(until: next.time)
    script.removeFirst()
    switch next.event {
    case .key(let key):
      delivered.append((key, clock.time))
      return key
    case .resize(let width, let height):
      size = (width, height)
      return .resize
    case .signal(let signal):
      pending.append(signal)
      return nil
    }
  }

  var hasSignal: Bool {
    receiveSignals()
    return !pending.isEmpty
  }

  func takeSignal() -> TerminalSignal? {
    receiveSignals()
    return pending.isEmpty ? nil : pending.removeFirst()
  }

  func suspend() { suspensions += 1 }
}
