import CNcursesw
import Foundation

/// A pseudo-terminal whose far side is counted, not shown: a session draws on its terminal
/// side as on a person's, and a thread reads and counts everything that arrives on the
/// controller side, where an SSH connection or a terminal emulator would read it.
/// `backstep bench` measures with it what ncurses sends.
public final class PseudoTerminal: @unchecked Sendable {
  /// The terminal side, for a session to write to and read keys from.
  let output: UnsafeMutablePointer<FILE>
  let input: UnsafeMutablePointer<FILE>
  private let controller: Int32
  private let lock = NSLock()
  private var count = 0
  private let finished = DispatchSemaphore(value: 0)
  private var open = true

  /// Opens one of the given size, in cells; nil when the system has none to give.
  public init?(width: Int, height: Int) {
    var controller: Int32 = -1
    var terminal: Int32 = -1
    guard backstep_open_pty(&controller, &terminal, Int32(clamping: height), Int32(clamping: width)) == 0 else { return nil }
    guard let output = fdopen(terminal, "w"), let input = fdopen(dup(terminal), "r") else {
      Glibc.close(controller)
      Glibc.close(terminal)
      return nil
    }
    self.controller = controller
    self.output = output
    self.input = input
    Thread.detachNewThread { [self] in readUntilClosed() }
  }

  deinit { close() }

  /// Reads until the terminal side is closed (the read then fails with EIO).
  private func readUntilClosed() {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
      if n > 0 {
        lock.withLock { count += n }
      } else if n == 0 || errno != EINTR {
        break
      }
    }
    finished.signal()
  }

  /// The bytes sent so far, counted once everything written has arrived: nothing is waiting
  /// to be read and the count has not moved for a moment.
  public func bytesSent() -> Int {
    var last = -1
    while true {
      let now = lock.withLock { count }
      if backstep_bytes_waiting(controller) <= 0 && now == last { return now }
      last = now
      Thread.sleep(forTimeInterval: 0.02)
    }
  }

  /// Closes both sides, once no session draws on it any more. Safe to call more than once.
  public func close() {
    guard open else { return }
    open = false
    fclose(output)
    fclose(input)
    finished.wait()
    Glibc.close(controller)
  }
}
