import Foundation

/// Compact number formatting shared by headers, captions and tables.
public enum Format {
  /// A short, readable form: 0.03, 1.5e-05, 120, nan, inf.
  public static func short(_ x: Double, digits: Int = 4) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == 0 { return "0" }
    let m = abs(x)
    if m >= 1e-3 && m < 1e5 {
      var s = String(format: "%.\(digits)g", x)
      if s.contains("e") { s = String(format: "%.\(max(0, digits - 1))f", x) }
      return s
    }
    return String(format: "%.\(max(1, digits - 2))e", x)
  }
}
