import CNcursesw
import Foundation

/// The character encoding the screen may use, decided by the locale, which is the only word a
/// program has on what the terminal can show.
enum TerminalLocale {
  /// Sets the locale from the environment and says whether it is UTF-8. When it is not (LANG
  /// unset, `C`, `POSIX`, or a Latin-1 locale), the terminal may not show UTF-8 either, so the
  /// screen is drawn in ASCII rather than risk a screenful of mojibake; ``note`` says how to
  /// get the full picture.
  static func prepare() -> Bool {
    setlocale(LC_ALL, "")
    return isUTF8
  }

  static var isUTF8: Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).uppercased()
    return name == "UTF-8" || name == "UTF8"
  }

  /// What to tell a person whose locale is not UTF-8.
  static var note: String {
    let env = ProcessInfo.processInfo.environment
    let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { key in env[key].flatMap { $0.isEmpty ? nil : "\(key)=\($0)" } }.first
    return "ASCII screen: locale \(name ?? "unset") is not UTF-8 (try LANG=C.UTF-8)"
  }
}
