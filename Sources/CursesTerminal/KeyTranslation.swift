import CNcursesw
import TermGrid

/// ncurses key codes to ``Key``s.
enum KeyTranslation {
  static func character(_ code: UInt32) -> Key? {
    switch code {
    case 27: return .escape
    case 10, 13: return .enter
    case 9: return .tab
    case 8, 127: return .backspace
    case 1...26: return Unicode.Scalar(code + 96).map { .control(Character($0)) }
    default: return Unicode.Scalar(code).map { .character(Character($0)) }
    }
  }

  static func functionKey(_ code: Int32) -> Key? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_HOME: return .home
    case KEY_END: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_RESIZE: return .resize
    default:
      for n in 1...12 where code == backstep_key_f(Int32(n)) { return .function(n) }
      return nil
    }
  }
}
