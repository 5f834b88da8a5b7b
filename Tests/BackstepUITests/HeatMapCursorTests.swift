import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The cursor marks one element, once, however many cell rows that element covers.
@Suite("Heat-map cursor")
struct HeatMapCursorTests {
  /// How many cells of a `rows × 2` map drawn `height` cells tall carry the cursor's glyph.
  static func marks(rows: Int, height: Int, selected: (row: Int, col: Int), context: RenderContext) -> Int {
    var map = HeatMap(values: (0..<(rows * 2)).map { Double($0) / 10 - 0.3 }, rows: rows, cols: 2)
    map.numbers = false
    map.selected = selected
    var frame = Frame(width: 8, height: height)
    map.render(in: Rect(x: 0, y: 0, width: 8, height: height), into: &frame, context: context)
    let mark: Character = context.glyphs.isUnicode ? context.glyphs.pointThird : "+"
    return frame.plainText.filter { $0 == mark }.count
  }

  /// Elements 2, 3 and 4 pixels tall (half blocks) and 2 rows tall (whole cells) each carry one mark.
  @Test(arguments: [(4, 4), (4, 6), (4, 8), (2, 8), (3, 7)])
  func oneMarkPerCursor(rows: Int, height: Int) {
    for unicode in [true, false] {
      let context = RenderContext(level: .xterm256, unicode: unicode)
      for row in 0..<rows {
        #expect(Self.marks(rows: rows, height: height, selected: (row, 1), context: context) == 1, "row \(row), \(rows) rows in \(height), unicode \(unicode)")
      }
    }
  }
}
