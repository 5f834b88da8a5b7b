/// A key press or terminal event, as the backend reports it and the UI consumes it.
///
/// Pure: the backend translates ncurses codes into these, and tests build them directly.
public enum Key: Hashable, Sendable {
  /// A printable character (including space).
  case character(Character)
  /// A control character, by its letter: Ctrl-C is `.control("c")`.
  case control(Character)
  case enter, escape, tab, backTab, backspace, delete
  case up, down, left, right, home, end, pageUp, pageDown
  /// A function key, F1 = `.function(1)`.
  case function(Int)
  /// The terminal was resized; the new size is read from the backend.
  case resize
  /// A mouse button press at a cell (0-based column and row).
  case mouse(x: Int, y: Int)
}
