import Foundation
import TermGrid
import Testing

@testable import BackstepCore
@testable import BackstepUI

/// On a big terminal the network panel uses its room: example columns line up across the maps
/// whose columns are examples, and wide layers are pooled only when they must be.
@Suite("Big terminals")
struct BigTerminalTests {
  static func state(layers: [Int] = [4, 4]) throws -> AppState {
    var config = RunConfiguration()
    config.layers = layers
    var state = try AppState(config: config)
    state.stepper.run(iterations: 2)
    for _ in 0..<6 { state.update(.step) }
    return state
  }

  /// The x of every drawn element in `line` between `from` and `to`, by its shade glyph.
  static func starts(_ line: [Character], _ range: Range<Int>, shades: [Character]) -> [Int] {
    range.filter { line[$0] != " " && shades.contains(line[$0]) }
  }

  /// In monochrome at 200×60 each example takes the same number of cells in the z map and in
  /// the δ map, so example j sits at the same offset from each map's left edge (f′(z), sized to
  /// its examples, keeps a width of its own).
  @Test func exampleColumnsHaveOneWidthAcrossTheMaps() throws {
    var state = try Self.state()
    state.update(.cycleQuantity)
    let context = RenderContext(level: .none, unicode: true)
    let lines = Screen.render(state, width: 200, height: 60, context: context).plainText.split(separator: "\n").map(Array.init)
    let heading = try #require(lines.first { String($0).hasPrefix("│layer ") })
    let text = String(heading)
    let zx = try #require(text.range(of: "z = ").map { text.distance(from: text.startIndex, to: $0.lowerBound) })
    let dx = try #require(text.range(of: "δ = ").map { text.distance(from: text.startIndex, to: $0.lowerBound) })
    let wx = try #require(text.range(of: "dW").map { text.distance(from: text.startIndex, to: $0.lowerBound) })
    // f′(z), when drawn, stands between z and δ in a column of its own width.
    let fx = text.range(of: "f′(z)").map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? dx
    let row = try #require(lines.first { String($0).hasPrefix("│L1 ") })
    let shades = context.glyphs.shades.filter { $0 != " " }
    let z = Self.starts(row, zx..<fx, shades: shades), delta = Self.starts(row, dx..<wx, shades: shades)
    let examples = state.stepper.record.input.rows
    #expect(z.count == examples && delta.count == examples, "\(z) \(delta)")
    let zSteps = Set(zip(z, z.dropFirst()).map { $1 - $0 }), deltaSteps = Set(zip(delta, delta.dropFirst()).map { $1 - $0 })
    #expect(zSteps.count == 1 && zSteps == deltaSteps, "z steps \(zSteps), δ steps \(deltaSteps)")
    #expect((zSteps.first ?? 0) >= 2)
  }

  /// A 64-unit layer gets a row for every two units at 200×60 in colour, so it is not pooled.
  @Test func aWideLayerIsNotPooledWhenItFits() throws {
    let state = try Self.state(layers: [64, 8])
    let context = RenderContext(level: .xterm256, unicode: true)
    var frame = Frame(width: 200, height: 60)
    let layout = try #require(ScreenLayout(width: 200, height: 60, depth: state.stepper.network.depth, showSurface: true))
    let geometries = NetworkTable(shown: state.shown).render(in: layout.network, into: &frame, context: context)
    let wide = try #require(geometries.first { $0.layer == 1 && $0.map == state.view.quantity.map }?.geometry)
    #expect(wide.poolRows == 1 && wide.shownRows == 64)
  }

  @Test func bandsGetTheRowsTheirUnitsNeedWhenAllFit() {
    let inner = Rect(x: 0, y: 0, width: 100, height: 60)
    let bands = NetworkTable.bands(in: inner, units: [64, 8, 1])
    let heights = Dictionary(uniqueKeysWithValues: bands.map { ($0.layer, $0.quantity.height) })
    #expect((heights[1] ?? 0) * 2 >= 64 && (heights[2] ?? 0) * 2 >= 8)
    // Too little room: the proportional split, capped, keeps every band.
    let small = NetworkTable.bands(in: Rect(x: 0, y: 0, width: 100, height: 20), units: [64, 8, 1])
    #expect(small.count == 3 && small.allSatisfy { $0.quantity.height >= 1 })
  }
}

/// A heat-map element wide enough carries its own value; a narrow, pooled or monochrome one
/// does not, and the colour (or shade) tells alone.
@Suite("Numbers inside cells")
struct CellNumberTests {
  static func text(_ values: [Double], width: Int, level: ColorLevel, unicode: Bool = true) -> String {
    var map = HeatMap(values: values, rows: 1, cols: values.count)
    map.limit = MapScale(of: values).limit
    var frame = Frame(width: width, height: 1)
    map.render(in: Rect(x: 0, y: 0, width: width, height: 1), into: &frame, context: RenderContext(level: level, unicode: unicode))
    return frame.plainText
  }

  @Test func aWideElementShowsItsValue() {
    let values = [0.52, -0.081, 0.0042]
    let text = Self.text(values, width: 18, level: .xterm256)
    for v in values { #expect(text.contains(Magnitude.text(v)), "no \(Magnitude.text(v)) in \(text)") }
    #expect(text.contains("0.52") && text.contains("-0.08") && text.contains("4e-3"))
  }

  @Test func narrowPooledOrMonochromeElementsShowNoDigits() {
    let values = [0.52, -0.081, 0.0042]
    let digits = CharacterSet.decimalDigits
    for text in [
      Self.text(values, width: 12, level: .xterm256), Self.text(values, width: 18, level: .none),
      Self.text(Array(repeating: 0.5, count: 40), width: 20, level: .xterm256),
    ] {
      #expect(!text.unicodeScalars.contains { digits.contains($0) }, "\(text)")
    }
  }

  @Test func aNumberDropsItsLeadingZeroToFitOrGivesWay() {
    #expect(HeatMap.cellText(-0.081, width: 4) == "-.08")
    #expect(HeatMap.cellText(0.52, width: 4) == "0.52")
    #expect(HeatMap.cellText(-0.0042, width: 4) == nil)
    #expect(HeatMap.cellText(-0.0042, width: 5) == "-4e-3")
    // Only a leading zero is dropped: a zero inside a number stays, or the number gives way.
    for v in [10.5, -10.5, 100.25, 20.04, -0.305] {
      guard let text = HeatMap.cellText(v, width: 3) else { continue }
      let read = Double(text.hasPrefix("-.") ? "-0" + text.dropFirst() : text.hasPrefix(".") ? "0" + text : text)
      #expect(read.map { abs($0 - v) <= 0.5 * abs(v) } == true, "\(v) drawn as \(text)")
    }
  }
}

extension CellNumberTests {
  /// One value that cannot be written in the cell leaves the whole map to its colours.
  @Test func aMapIsNumberedWholeOrNotAtAll() {
    let some = Self.text([0.52, -0.0042, 0.25], width: 15, level: .xterm256)
    #expect(!some.contains("0.52") && !some.contains("0.25"), "\(some)")
    let all = Self.text([0.52, -0.042, 0.25], width: 15, level: .xterm256)
    #expect(all.contains("0.52") && all.contains("-.04") && all.contains("0.25"), "\(all)")
  }
}

extension BigTerminalTests {
  /// With rows to spare, each example's number stands over its column in the δ map (and the
  /// a map), 1-based, so example j can be followed across the maps.
  @Test func exampleIndicesStandOverTheirColumns() throws {
    let state = try Self.state()
    let context = RenderContext(level: .none, unicode: true)
    let lines = Screen.render(state, width: 200, height: 60, context: context).plainText.split(separator: "\n").map(Array.init)
    let headingY = try #require(lines.firstIndex { String($0).hasPrefix("│layer ") })
    let heading = String(lines[headingY]), indices = lines[headingY + 1]
    let dx = try #require(heading.range(of: "δ = ").map { heading.distance(from: heading.startIndex, to: $0.lowerBound) })
    let wx = try #require(heading.range(of: "dW").map { heading.distance(from: heading.startIndex, to: $0.lowerBound) })
    let numbers = String(indices[dx..<wx]).split(separator: " ").compactMap { Int($0) }
    let examples = state.stepper.record.input.rows
    #expect(numbers == Array(1...examples))
    // Each number starts where its example's shade stands in the output layer's δ map.
    let row = lines[headingY + 2]
    let shades = Self.starts(row, dx..<wx, shades: context.glyphs.shades)
    let starts = (dx..<wx).filter { indices[$0] != " " && ($0 == dx || indices[$0 - 1] == " ") }
    #expect(starts == shades, "indices at \(starts), shades at \(shades)")
  }
}
