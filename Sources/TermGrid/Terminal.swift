/// What the interactive loop needs of a terminal: its abilities, found once at start; its size;
/// drawing a frame; keys read with a timeout; and the signals that reached the program.
///
/// The ncurses session implements it for a person at a terminal; tests implement it with
/// scripted keys and a recording of the frames drawn, so that the loop runs without one.
public protocol Terminal: AnyObject {
  /// The colour level the terminal shows (NO_COLOR and monochrome terminals give `.none`).
  var colorLevel: ColorLevel { get }
  /// Whether to draw with the UTF-8 glyph table; otherwise the ASCII one.
  var unicode: Bool { get }
  /// A line for the status bar at start, when the terminal cannot show everything: why, and
  /// how to change that.
  var note: String? { get }
  /// The size in cells, read afresh after a ``Key/resize``.
  var size: (width: Int, height: Int) { get }

  /// Shows a frame of `size`.
  func draw(_ frame: Frame)
  /// Forgets what is on the screen, so that the next draw repaints every cell.
  func invalidate()
  /// The next key, waiting at most `timeout` milliseconds (−1 waits for ever); nil on timeout
  /// or when a signal interrupted the wait.
  func readKey(timeout: Int) -> Key?
  /// Whether a signal is pending, without taking it.
  var hasSignal: Bool { get }
  /// The most urgent pending signal, taken (so it is reported once).
  func takeSignal() -> TerminalSignal?
  /// Gives the terminal back to the shell and stops the program, as Ctrl-Z asks; returns once
  /// the program is continued (`fg`). The caller then invalidates and redraws.
  func suspend()
}

/// The signals a terminal session answers itself rather than dying of them.
public enum TerminalSignal: Equatable, Sendable {
  /// SIGINT (Ctrl-C when the terminal sends it as a signal): a quit, like q.
  case interrupt
  /// SIGTERM: end, with the shell's status 128 + 15.
  case terminate
  /// SIGHUP, the terminal went away: end, with the shell's status 128 + 1.
  case hangUp
  /// SIGTSTP (Ctrl-Z): put the terminal back and stop until continued.
  case suspend
  /// SIGCONT: continued after a stop the program did not ask for; the screen is redrawn.
  case resume
}
