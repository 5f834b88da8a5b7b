import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// A cell exactly as wide as a number (4 cells: `0.52`, `-.08`, `4e-3`) carries it when the
/// element is two cell rows tall: neighbouring columns write on alternate rows, so no two
/// numbers touch.
@Suite("Numbers in four-wide cells")
struct NarrowCellNumberTests {
  static let values = [0.52, -0.081, 0.0042, -0.3, 0.25, -0.06]

  /// One row of `values` drawn 4 cells an element, `height` cells tall, as text lines.
  static func lines(height: Int, level: ColorLevel = .xterm256) -> [String] {
    var map = HeatMap(values: values, rows: 1, cols: values.count)
    map.limit = MapScale(of: values).limit
    var frame = Frame(width: 4 * values.count, height: height)
    map.render(in: Rect(x: 0, y: 0, width: 4 * values.count, height: height), into: &frame, context: RenderContext(level: level, unicode: true))
    return frame.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func everyValueIsWrittenAndNoTwoTouch() throws {
    let lines = Self.lines(height: 2)
    for (i, v) in Self.values.enumerated() {
      let text = try #require(HeatMap.cellText(v, width: 4))
      // Element i's cells, on the row its column writes on.
      let row = Array(lines[i % 2])
      #expect(String(row[(4 * i)..<(4 * i + 4)]).hasSuffix(text), "\(v) in \(lines)")
    }
    // On each row, a number is followed by a cell that is not a digit.
    for line in lines {
      let cells = Array(line)
      for x in 0..<(cells.count - 1) where cells[x].isNumber && x % 4 == 3 {
        #expect(!cells[x + 1].isNumber && cells[x + 1] != "-" && cells[x + 1] != ".", "touching at \(x): \(line)")
      }
    }
  }

  @Test func oneRowTallOrMonochromeElementsShowNoDigits() {
    for text in [Self.lines(height: 1), Self.lines(height: 2, level: .none)].map({ $0.joined() }) {
      #expect(!text.contains { $0.isNumber }, "\(text)")
    }
  }
}
