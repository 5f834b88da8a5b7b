import BackstepUI
import TermGrid

/// A terminal for the bench: a fixed size, every frame encoded as 256-colour ANSI text and
/// counted instead of written, no key until the time is up, then q.
final class BenchTerminal: Terminal {
  let colorLevel = ColorLevel.xterm256
  let unicode = true
  let note: String? = nil
  let size: (width: Int, height: Int)
  let hasSignal = false
  let clock: SystemClock
  let end: Double
  /// When each frame was done, in the clock's seconds.
  private(set) var drawn: [Double] = []
  private(set) var bytes = 0

  init(width: Int, height: Int, clock: SystemClock, seconds: Double) {
    size = (width, height)
    self.clock = clock
    end = clock.now() + seconds
  }

  func draw(_ frame: Frame) {
    bytes &+= frame.ansi(level: colorLevel).utf8.count
    drawn.append(clock.now())
  }

  func readKey(timeout: Int) -> Key? { timeout < 0 || clock.now() >= end ? .character("q") : nil }

  func invalidate() {}
  func takeSignal() -> TerminalSignal? { nil }
  func suspend() {}
}
