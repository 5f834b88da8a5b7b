import Foundation
import Testing

@testable import BackstepCore

/// Numbers printed by the C library print as Foundation's `String(format:)` prints them.
@Suite("Format")
struct FormatTests {
  static let values: [Double] = [
    0, -0.0, 1, -1, 0.5, 1.0 / 3, -2.0 / 3, 0.037, 777, 1234.5678, 99_999.5, 1e-5, -8e-5, 4.2e3, 6.02e23, -1.6e-19,
    .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity, .nan,
  ]

  @Test(arguments: ["%.4g", "%.3g", "%.1g", "%.10g", "%.2e", "%.0e", "%.3f", "%.0f"])
  func printedIsStringFormat(_ format: String) {
    for x in Self.values {
      #expect(Format.printed(format, x) == String(format: format, x), "\(format) of \(x)")
    }
  }

  /// A number too long for the buffer is still printed whole.
  @Test func aLongNumberIsPrintedWhole() {
    let text = Format.printed("%.3f", 1e300)
    #expect(text == String(format: "%.3f", 1e300) && text.count > 300)
  }
}
