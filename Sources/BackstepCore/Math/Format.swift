import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Compact number formatting shared by headers, captions and tables.
public enum Format {
  /// The C locale, so that a number reads 0.5 whatever LC_NUMERIC the terminal's locale set.
  nonisolated(unsafe) private static let cLocale = newlocale(0, "C", nil)

  /// `x` printed by the C library's vsnprintf with a one-number format such as "%.4g": what
  /// `String(format:)` prints, in the C locale, for a fraction of its cost (a frame prints a few
  /// hundred numbers; Foundation's formatting took a seventh of its instructions).
  public static func printed(_ format: String, _ x: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
      guard let base = buffer.baseAddress, let locale = cLocale else { return String(format: format, x) }
      let previous = uselocale(locale)
      defer { uselocale(previous) }
      let count = withVaList([x]) { vsnprintf(base, buffer.count, format, $0) }
      return count >= 0 && count < buffer.count ? String(cString: base) : String(format: format, x)
    }
  }

  /// A short, readable form: 0.03, 1.5e-05, 120, nan, inf.
  public static func short(_ x: Double, digits: Int = 4) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == 0 { return "0" }
    let m = abs(x)
    if m >= 1e-3 && m < 1e5 {
      var s = printed("%.\(digits)g", x)
      if s.contains("e") { s = printed("%.\(max(0, digits - 1))f", x) }
      return s
    }
    return printed("%.\(max(1, digits - 2))e", x)
  }
}
