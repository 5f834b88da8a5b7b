import Testing

@testable import TermGrid

/// Drawing turns values into columns, rows and glyph indices; none of them may trap.
@Suite("Clamped conversions")
struct ClampTests {
  static let extremes: [Double] = [.nan, .infinity, -.infinity, 1e308, -1e308, 1e-308, -1e-308, -0.0, .greatestFiniteMagnitude, 9.3e18, -9.3e18]

  @Test(arguments: extremes)
  func everyValueLandsInsideTheRange(_ value: Double) {
    for range in [0...0, 0...9, -5...5, Int.min...Int.max] {
      let n = Clamp.int(value, in: range)
      #expect(range.contains(n), "\(value) gave \(n), outside \(range)")
    }
    for count in [1, 2, 5, 512] {
      #expect((0..<count).contains(Clamp.slot(value, count: count)))
    }
  }

  @Test func valuesInsideTheRangeTruncateAsIntDoes() {
    for value in [0.0, 0.4, 0.99, 1.0, 2.5, -2.5, 7.999, -0.7] {
      #expect(Clamp.int(value, in: -10...10) == Int(value))
    }
    #expect(Clamp.int(4.6e15) == Int(4.6e15))
  }

  @Test func theEndsTakeTheBoundsAndNaNTakesWhatItIsGiven() {
    #expect(Clamp.int(.infinity, in: 0...9) == 9)
    #expect(Clamp.int(1e308, in: 0...9) == 9)
    #expect(Clamp.int(-.infinity, in: 0...9) == 0)
    #expect(Clamp.int(-1e308, in: 3...9) == 3)
    #expect(Clamp.int(.infinity) == Int.max)
    #expect(Clamp.int(-.infinity) == Int.min)
    #expect(Clamp.int(.nan, in: 3...9) == 3)
    #expect(Clamp.int(.nan, in: 3...9, nan: 5) == 5)
    #expect(Clamp.int(.nan, in: 3...9, nan: 50) == 9)
  }

  @Test func slotsRoundToTheNearestOfCount() {
    #expect(Clamp.slot(0, count: 5) == 0)
    #expect(Clamp.slot(1, count: 5) == 4)
    #expect(Clamp.slot(0.5, count: 5) == 2)
    #expect(Clamp.slot(0.6, count: 5) == 2)
    #expect(Clamp.slot(0.65, count: 5) == 3)
    #expect(Clamp.slot(.nan, count: 5) == 0)
    #expect(Clamp.slot(2, count: 5) == 4)
    #expect(Clamp.slot(-2, count: 5) == 0)
  }

  /// The palettes and the layout take values straight from the network.
  @Test(arguments: extremes)
  func palettesAndLayoutTakeAnyValue(_ value: Double) {
    for level in ColorLevel.allCases {
      for palette in Palette.allCases {
        _ = palette.diverging(value, level: level)
        _ = palette.diverging(value, level: level, dimmed: true)
      }
      _ = Palette.sequential(value, level: level)
    }
    _ = Palette.interpolate(Palette.viridis, value)
    _ = Palette.color((value, value, value), level: .truecolor)
    let rows = Rect(x: 0, y: 0, width: 4, height: 10).rows(weighted: [value, 1, value])
    #expect(rows.count == 3)
  }
}
