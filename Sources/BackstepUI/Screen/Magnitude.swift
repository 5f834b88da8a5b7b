import BackstepCore

/// A size printed in a few characters, for the numbers beside colour scales: the strips of a
/// batchnorm band, the largest |x| under a map and the ends of the legend.
enum Magnitude {
  /// The most characters ``text(_:)`` uses.
  static let width = 5

  /// A size in at most `width` characters (``width`` unless told): three significant digits between 0.01 and
  /// 1000 when they fit ("777", "0.625", "0.037"), else a compact exponent ("4.2e3", "4e-3", "8e-5").
  static func text(_ x: Double, width: Int = width) -> String {
    guard x.isFinite else { return Format.short(x) }
    guard x != 0 else { return "0" }
    let m = abs(x)
    if m >= 0.01 && m < 1000 {
      for digits in [3, 2, 1] {
        let s = Format.printed("%.\(digits)g", x)
        if s.count <= width { return s }
      }
    }
    for digits in [1, 0] {
      // "4.2e+03" → "4.2e3", "8e-05" → "8e-5".
      let parts = Format.printed("%.\(digits)e", x).split(separator: "e")
      let exponent = Int(parts.last ?? "0") ?? 0
      let s = String(parts.first ?? "") + "e" + String(exponent)
      if s.count <= width || digits == 0 { return s }
    }
    return Format.short(x, digits: 1)
  }

  /// A signed end of a diverging scale: "−0.83", "+0.83", with the minus of the glyph set.
  static func signed(_ x: Double, minus: String) -> String {
    (x < 0 ? minus : "+") + text(abs(x))
  }
}
