import BackstepUI
import CursesTerminal
import Foundation
import TermGrid

/// A terminal for the bench: a fixed size, every frame either encoded as 256-colour ANSI text
/// and counted instead of written, or drawn by ncurses on a pseudo-terminal
/// (``CursesTerminal/PseudoTerminal``) that counts what ncurses sends; no key until the time is up,
/// then q.
final class BenchTerminal: Terminal {
  /// Where the frames go.
  enum Output {
    /// Encoded whole as 256-colour ANSI text and counted in ``BenchTerminal/bytes``.
    case ansi
    /// Drawn by a session on the pseudo-terminal, which sends only what changed.
    case session(TerminalSession, PseudoTerminal)
  }

  /// 256 colours, or what the session found (none under NO_COLOR).
  let colorLevel: ColorLevel
  let unicode = true
  let note: String? = nil
  let size: (width: Int, height: Int)
  let hasSignal = false
  let clock: SystemClock
  let end: Double
  let output: Output
  /// When each frame was done, in the clock's seconds.
  private(set) var drawn: [Double] = []
  /// The bytes sent once the first frame was on screen: the ANSI text of every frame
  /// (``Output/ansi``), or what the session sent (``Output/session(_:_:)``).
  var bytes: Int {
    switch output {
    case .ansi: ansiBytes
    case .session(_, let pty): pty.bytesSent() - firstFrameBytes
    }
  }
  private var ansiBytes = 0
  private var firstFrameBytes = 0
  /// The last frame drawn.
  private(set) var last: Frame?

  init(width: Int, height: Int, clock: SystemClock, seconds: Double, output: Output = .ansi) {
    size = (width, height)
    self.clock = clock
    self.output = output
    if case .session(let session, _) = output { colorLevel = session.colorLevel } else { colorLevel = .xterm256 }
    end = clock.now() + seconds
  }

  func draw(_ frame: Frame) {
    switch output {
    case .ansi:
      let count = frame.ansi(level: colorLevel).utf8.count
      if !drawn.isEmpty { ansiBytes &+= count }
    case .session(let session, let pty):
      session.draw(frame)
      if drawn.isEmpty { firstFrameBytes = pty.bytesSent() }
    }
    last = frame
    drawn.append(clock.now())
  }

  /// q once the time is up (or when asked to wait for ever); until then no key, after the
  /// wait asked for, as a person's terminal makes a finite speed wait out its frame.
  func readKey(timeout: Int) -> Key? {
    if timeout < 0 || clock.now() >= end { return .character("q") }
    if timeout > 0 { Thread.sleep(forTimeInterval: min(Double(timeout) / 1000, max(0, end - clock.now()))) }
    return nil
  }

  func invalidate() {}
  func takeSignal() -> TerminalSignal? { nil }
  func suspend() {}
}
