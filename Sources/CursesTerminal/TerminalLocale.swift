import CNcursesw
import Foundation

enum TerminalLocale {
  /// Sets the locale from the environment, falls back to C.UTF-8 when that is not UTF-8, and
  /// says whether UTF-8 output is possible at all.
  static func prepareUTF8() -> Bool {
    setlocale(LC_ALL, "")
    if isUTF8 { return true }
    setlocale(LC_ALL, "C.UTF-8")
    if isUTF8 { return true }
    setlocale(LC_ALL, "")
    return false
  }

  static var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }
}
