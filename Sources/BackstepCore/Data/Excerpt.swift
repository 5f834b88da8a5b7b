/// Text from an input file made safe to print in a message: at most ``limit`` characters, in
/// double quotes, with control and format characters written as `\u{1B}` rather than sent raw.
///
/// A file's bytes reach the user's terminal through error messages; an escape sequence in a
/// field would otherwise change the terminal's colours or title, and a 1 MB field would fill
/// the screen.
public enum Excerpt {
  /// How many characters of a value a message quotes.
  public static let limit = 60

  /// `"abc"`, `"\u{1B}]0;title"`, or the first ``limit`` characters and `…`.
  public static func quoted(_ text: some StringProtocol) -> String {
    "\"" + escaped(text) + "\""
  }

  /// The text without quotes, shortened and escaped as ``quoted(_:)`` does.
  public static func escaped(_ text: some StringProtocol) -> String {
    var out = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == limit {
        out += "…"
        break
      }
      count += 1
      if needsEscape(scalar) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Names joined by commas, each escaped, at most 12 of them: "a, b, c, … (40 in all)".
  public static func list(_ names: [String]) -> String {
    let shown = names.prefix(12).map { escaped($0) }.joined(separator: ", ")
    return names.count > 12 ? shown + ", … (\(names.count) in all)" : shown
  }

  /// Controls (C0, DEL, C1), invisible format characters (bidi overrides, zero widths) and
  /// line or paragraph separators: anything a terminal might act on rather than show.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: true
    default: false
    }
  }
}
