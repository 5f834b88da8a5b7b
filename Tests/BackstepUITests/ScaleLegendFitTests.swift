import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The heat-map legend shortens itself by what matters least, and never cuts a number or a
/// glyph's name.
@Suite("Scale legend fit")
struct ScaleLegendFitTests {
  static let legends = [
    ScaleLegend(name: "a₂", span: ColourSpan(top: 0.8312), rangeOf: "tanh", shared: false, log: false, palette: .blueOrange),
    ScaleLegend(name: "δ, all layers", span: ColourSpan(top: 1.3e-4), rangeOf: "tanh", shared: true, log: true, palette: .blueOrange),
    ScaleLegend(name: "a₁", span: ColourSpan(top: 1, isRange: true), rangeOf: "tanh", shared: false, log: false, palette: .blueOrange),
    ScaleLegend(name: "a₃", span: ColourSpan(fromZero: true, top: 0.698), rangeOf: "relu", shared: false, log: false, palette: .blueOrange),
  ]

  static func text(_ legend: ScaleLegend, width: Int, context: RenderContext) -> String {
    var frame = Frame(width: width, height: 1)
    legend.render(in: Rect(x: 0, y: 0, width: width, height: 1), into: &frame, context: context)
    return frame.plainText
  }

  @Test(arguments: [true, false])
  func nothingIsCutAtAnyWidth(colour: Bool) {
    let context = RenderContext(level: colour ? .xterm256 : .none, unicode: true)
    for legend in Self.legends {
      let (low, high) = legend.ends(minus: context.math.minus)
      var widest = ""
      for width in 12...100 {
        let text = Self.text(legend, width: width, context: context)
        // The two ends come together, each whole, or neither.
        if text.contains(" " + low + " ") { #expect(text.hasWhole(high), "\(width): \(text)") }
        #expect(!text.contains(context.glyphs.posInfinity) || text.contains("\(context.glyphs.posInfinity) inf"), "\(width): \(text)")
        #expect(!text.contains("NaN") || text.contains("\(context.glyphs.nan) NaN"), "\(width): \(text)")
        if text.count > widest.count { widest = text }
      }
      // With room, every part is there.
      #expect(widest.contains("(l)") && widest.contains("NaN") && widest.contains(high), "\(widest)")
    }
  }
}

extension String {
  /// Whether `number` is written whole in this line: followed by a blank or the line's end.
  fileprivate func hasWhole(_ number: String) -> Bool {
    let trimmed = Substring(self).reversed().drop { $0 == " " }
    let line = String(trimmed.reversed())
    return line.hasSuffix(number) || line.contains(number + " ")
  }
}
