import TermGrid
import Testing

@testable import BackstepCore
@testable import BackstepUI

/// Every heat map's scale carries numbers the core measured: the legend the ends of the scale
/// of the map under the cursor (or of its column when the scale is shared), and each map its
/// own largest |x|.
@Suite("Scales with numbers")
struct ScaleNumberTests {
  static let context = RenderContext(level: .xterm256, unicode: true)

  /// A default network after one whole iteration and the forward pass of the next, so that
  /// every map has values, showing z (whose scale is measured: tanh's a runs over its range).
  static func state() throws -> AppState {
    var state = try AppState(config: RunConfiguration())
    state.stepper.run(iterations: 1)
    for _ in 0..<3 { state.update(.step) }
    state.update(.cycleQuantity)
    return state
  }

  static func lines(_ state: AppState, _ size: (Int, Int) = (120, 36)) -> [String] {
    Screen.render(state, width: size.0, height: size.1, context: context).plainText.split(separator: "\n").map(String.init)
  }

  /// The line that starts the legend, inside the network panel.
  static func legend(_ lines: [String], startingWith name: String) -> String? {
    lines.first { $0.hasPrefix("│" + name + " ") }
  }

  @Test func theLegendGivesTheCursorMapsLimitAtBothEnds() throws {
    var state = try Self.state()
    for layer in 1...state.stepper.network.depth {
      state.cursor.layer = layer
      let top = state.stepper.scale(of: .z, layer: layer).limit
      let line = try #require(Self.legend(Self.lines(state), startingWith: "z" + Subscript.of(layer, unicode: true)))
      #expect(line.contains("−" + Magnitude.text(top) + " "), "no −\(Magnitude.text(top)) in \(line)")
      #expect(line.contains(" +" + Magnitude.text(top)), "no +\(Magnitude.text(top)) in \(line)")
      #expect(line.contains("per map") && line.contains("linear"))
    }
  }

  @Test func aSharedLegendGivesTheColumnsLimitAndSaysShared() throws {
    var state = try Self.state()
    state.update(.toggleSharedScale)
    let top = state.stepper.sharedScale(of: .z).limit
    let line = try #require(Self.legend(Self.lines(state), startingWith: "z, all layers"))
    #expect(line.contains("+" + Magnitude.text(top)))
    #expect(line.contains("shared"))
  }

  @Test func aLogLegendRunsOverSixDecadesBelowTheLimit() throws {
    var state = try Self.state()
    state.update(.toggleLogScale)
    let top = state.stepper.scale(of: .z, layer: 1).limit
    let line = try #require(Self.legend(Self.lines(state), startingWith: "|z₁|"))
    #expect(line.hasPrefix("│|z₁| " + Magnitude.text(top * 1e-6) + " "))
    #expect(line.contains(" " + Magnitude.text(top) + " ") && line.contains("log"))
  }

  /// Each map's own largest |x| shows beside it, whatever the scale mode, so that a vanishing
  /// δ reads small even when its colours are as strong as the output layer's.
  @Test func eachMapCarriesItsOwnLargest() throws {
    for shared in [false, true] {
      var state = try Self.state()
      if shared { state.update(.toggleSharedScale) }
      let text = Self.lines(state).joined(separator: "\n")
      for layer in 1...state.stepper.network.depth {
        for map in [ShownMap.z, .delta, .dW] {
          let size = Magnitude.text(state.stepper.scale(of: map, layer: layer).shown)
          #expect(text.contains("max|x| " + size), "no max|x| \(size) for \(map) of layer \(layer)")
        }
      }
    }
  }

  @Test func signedEndsUseTheMinusOfTheGlyphs() {
    #expect(Magnitude.signed(-0.83, minus: "−") == "−0.83")
    #expect(Magnitude.signed(0.83, minus: "−") == "+0.83")
    #expect(Magnitude.signed(-4242, minus: "-") == "-4.2e3")
  }
}

/// Quantities that cannot be negative are drawn on a sequential scale from zero; signed ones
/// on a diverging scale centred on zero.
@Suite("Sequential and diverging scales")
struct SequentialScaleTests {
  static let mono = RenderContext(level: .none, unicode: true)
  static let colour = RenderContext(level: .xterm256, unicode: false)

  static func map(_ values: [Double], _ activation: Activation) -> HeatMap {
    var map = HeatMap(values: values, rows: 1, cols: values.count)
    map.scale(ColourSpan(MapScale(of: values), within: ShownMap.a.range(activation: activation)))
    return map
  }

  static func frame(_ map: HeatMap, _ context: RenderContext) -> Frame {
    var frame = Frame(width: 2 * map.cols, height: 1)
    map.render(in: Rect(x: 0, y: 0, width: 2 * map.cols, height: 1), into: &frame, context: context)
    return frame
  }

  /// Sigmoid outputs near 0.5 are half way up 0…1: not the top shade, and no sign.
  @Test func sigmoidOutputsNearAHalfAreNotDrawnSaturated() {
    let text = Self.frame(Self.map([0.5, 0.52, 0.48], .sigmoid), Self.mono).plainText
    let shades = RenderContext(level: .none, unicode: true).glyphs.shades
    #expect(!text.contains("+") && !text.contains("-"))
    #expect(!text.contains(shades[shades.count - 1]), "0.5 of 0…1 drawn with the top shade: \(text)")
    #expect(text.contains(shades[shades.count / 2]) || text.contains(shades[(shades.count - 1) / 2]))
  }

  @Test func aReluOutputTakesTheSequentialPaletteAndATanhOutputTheDivergingOne() {
    let relu = Self.frame(Self.map([0, 2, 4], .relu), Self.colour)
    for (i, v) in [0.0, 2, 4].enumerated() {
      #expect(relu[2 * i, 0].background == Palette.sequential(v / 4, level: .xterm256))
    }
    let tanh = Self.frame(Self.map([-0.5, 0, 0.5], .tanh), Self.colour)
    for (i, v) in [-0.5, 0, 0.5].enumerated() {
      #expect(tanh[2 * i, 0].background == Palette.blueOrange.diverging(v, level: .xterm256))
    }
  }

  /// On screen: a relu network's a map and its legend run from 0, a sigmoid layer's over 0…1.
  @Test func theLegendOfAnOutputThatCannotBeNegativeStartsAtZero() throws {
    var config = RunConfiguration()
    config.activation = .relu
    var state = try AppState(config: config)
    state.stepper.run(iterations: 1)
    for _ in 0..<3 { state.update(.step) }
    let top = state.stepper.scale(of: .a, layer: 1).limit
    let relu = try #require(ScaleNumberTests.legend(ScaleNumberTests.lines(state), startingWith: "a₁"))
    #expect(relu.hasPrefix("│a₁ 0 ") && relu.contains(" " + Magnitude.text(top) + " ") && relu.contains("per map"))
    state.cursor.layer = state.stepper.network.depth
    let sigmoid = try #require(ScaleNumberTests.legend(ScaleNumberTests.lines(state), startingWith: "a₃"))
    #expect(sigmoid.hasPrefix("│a₃ 0 ") && sigmoid.contains(" 1 ") && sigmoid.contains("sigmoid's range"))
  }
}

/// `c` names the palette it changes to, and the maps then use that palette.
@Suite("Palette names")
struct PaletteNameTests {
  @Test func cNamesEachPaletteInTurnAndTheMapsUseIt() throws {
    var state = try ScaleNumberTests.state()
    let context = RenderContext(level: .xterm256, unicode: true)
    for i in 1...Palette.allCases.count {
      state.handle(.character("c"))
      let palette = Palette.allCases[i % Palette.allCases.count]
      let message = try #require(state.message)
      #expect(message.contains("palette \(palette.name)") && message.contains(Palette.sequentialName), "\(message)")
      // The legend's swatch (z is signed) runs over the named palette's diverging colours.
      let frame = Screen.render(state, width: 120, height: 36, context: context)
      let lines = frame.plainText.split(separator: "\n", omittingEmptySubsequences: false)
      let y = try #require(lines.firstIndex { $0.hasPrefix("│z₁ ") })
      let start = try #require(lines[y].firstIndex(of: " ").map { lines[y].distance(from: lines[y].startIndex, to: $0) })
      // "│z₁ −0.576 " and then the swatch, whose first cell is the palette's −1.
      let low = try #require(lines[y].split(separator: " ").dropFirst().first).count
      let left = start + 1 + low + 1
      #expect(frame[left, y].background == palette.diverging(-1, level: .xterm256), "swatch at \(left) in \(lines[y])")
    }
  }
}

/// A lesson's `view:` settings are how the visualizer opens; `s` and `l` still switch them.
@Suite("View settings")
struct ViewSettingsStateTests {
  @Test func theVisualizerOpensWithTheLessonsScaleMode() throws {
    var config = RunConfiguration()
    config.view = ViewSettings(scale: .shared, log: true)
    var state = try AppState(config: config)
    #expect(state.view.sharedScale && state.view.logScale)
    state.update(.toggleSharedScale)
    state.update(.toggleLogScale)
    #expect(!state.view.sharedScale && !state.view.logScale)
    let plain = try AppState(config: RunConfiguration())
    #expect(!plain.view.sharedScale && !plain.view.logScale)
  }
}
