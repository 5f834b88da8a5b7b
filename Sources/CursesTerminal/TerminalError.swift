/// Why the visualizer could not start, with what to do instead.
public enum TerminalError: Error, CustomStringConvertible, Equatable, Sendable {
  case notATerminal
  case noTermVariable
  case unknownTerm(String)
  /// TERM names a terminal that cannot place the cursor (dumb, hardcopy): no screen to draw.
  case cannotPlaceCursor(String)
  case tooSmallToStart

  public var description: String {
    let alternative = "For output without a terminal, use `backstep render` (a frame as text) or `backstep train`."
    switch self {
    case .notATerminal:
      return "no terminal: standard input or output is not a TTY, and the visualizer needs one. \(alternative)"
    case .noTermVariable:
      return "no terminal type: the TERM variable is not set (try TERM=xterm-256color). \(alternative)"
    case .unknownTerm(let term):
      return "unknown terminal type TERM=\(term) (try TERM=xterm-256color). \(alternative)"
    case .cannotPlaceCursor(let term):
      return "no usable terminal: TERM=\(term) cannot place the cursor (try TERM=xterm-256color). \(alternative)"
    case .tooSmallToStart:
      return "the terminal reports no size. \(alternative)"
    }
  }
}
