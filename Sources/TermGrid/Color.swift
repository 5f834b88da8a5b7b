/// A colour as a terminal can show it, at any capability level.
///
/// An application's widgets name what a cell means and its theme picks the colour; the backend then downgrades whatever arrives to what the terminal supports.
public enum Color: Hashable, Sendable {
  /// The terminal's own default foreground or background.
  case `default`
  /// One of the 256 xterm palette entries (0–15 are the ANSI colours).
  case indexed(UInt8)
  /// 24-bit colour.
  case rgb(UInt8, UInt8, UInt8)

  /// The eight basic ANSI colours, by their conventional indices.
  public static let black = Color.indexed(0)
  public static let red = Color.indexed(1)
  public static let green = Color.indexed(2)
  public static let yellow = Color.indexed(3)
  public static let blue = Color.indexed(4)
  public static let magenta = Color.indexed(5)
  public static let cyan = Color.indexed(6)
  public static let white = Color.indexed(7)
}

/// How many colours the output can show. Ordered from least to most.
public enum ColorLevel: Int, Comparable, CaseIterable, Sendable {
  case none = 0
  case ansi8 = 8
  case ansi16 = 16
  case xterm256 = 256
  case truecolor = 16_777_216

  public static func < (lhs: ColorLevel, rhs: ColorLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
