import CursesTerminal
import Foundation

/// What run mode sends to the terminal, which over SSH is what the connection carries: the
/// default network run at the default speed, as `backstep` then `p` does, its frames drawn by
/// ncurses as `xterm-256color` on a pseudo-terminal that counts the bytes; then the last frame
/// drawn again and again, as a paused screen is.
enum BenchTraffic {
  struct Result {
    var bytesPerSecond: Double
    var framesPerSecond: Double
    var bytesPerFrame: Double { bytesPerSecond / framesPerSecond }
    /// Bytes sent for the last frame drawn again `idleDraws` times: nothing changed.
    var idleBytes: Int
  }

  static let idleDraws = 30

  /// Nil when the system gives no pseudo-terminal, or ncurses does not know `xterm-256color`.
  static func measure(seconds: Double, width: Int = 120, height: Int = 36) throws -> Result? {
    guard let pty = PseudoTerminal(width: width, height: height) else { return nil }
    defer { pty.close() }
    // ncurses writes the glyphs as UTF-8 only under a UTF-8 locale, as a person's session has.
    let unicode = setlocale(LC_CTYPE, "C.UTF-8") != nil
    guard let session = try? TerminalSession.start(on: pty, term: "xterm-256color", unicode: unicode) else {
      return nil
    }
    defer { session.close() }
    let run = try BenchRunMode.measure(seconds: seconds, width: width, height: height, work: .asStarted, output: .session(session, pty))
    let before = pty.bytesSent()
    if let last = run.terminal.last {
      for _ in 0..<idleDraws { session.draw(last) }
    }
    return Result(bytesPerSecond: run.bytesPerSecond, framesPerSecond: run.framesPerSecond, idleBytes: pty.bytesSent() - before)
  }
}
