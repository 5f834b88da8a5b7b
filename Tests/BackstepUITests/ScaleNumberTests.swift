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
  /// every map has values.
  static func state() throws -> AppState {
    var state = try AppState(config: RunConfiguration())
    state.stepper.run(iterations: 1)
    for _ in 0..<3 { state.update(.step) }
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
      let top = state.stepper.scale(of: .a, layer: layer).limit
      let line = try #require(Self.legend(Self.lines(state), startingWith: "a" + Subscript.of(layer, unicode: true)))
      #expect(line.contains("−" + Magnitude.text(top) + " "), "no −\(Magnitude.text(top)) in \(line)")
      #expect(line.contains(" +" + Magnitude.text(top)), "no +\(Magnitude.text(top)) in \(line)")
      #expect(line.contains("per map") && line.contains("linear"))
    }
  }

  @Test func aSharedLegendGivesTheColumnsLimitAndSaysShared() throws {
    var state = try Self.state()
    state.update(.toggleSharedScale)
    let top = state.stepper.sharedScale(of: .a).limit
    let line = try #require(Self.legend(Self.lines(state), startingWith: "a, all layers"))
    #expect(line.contains("+" + Magnitude.text(top)))
    #expect(line.contains("shared"))
  }

  @Test func aLogLegendRunsOverSixDecadesBelowTheLimit() throws {
    var state = try Self.state()
    state.update(.toggleLogScale)
    let top = state.stepper.scale(of: .a, layer: 1).limit
    let line = try #require(Self.legend(Self.lines(state), startingWith: "|a₁|"))
    #expect(line.hasPrefix("│|a₁| " + Magnitude.text(top * 1e-6) + " "))
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
        for map in [ShownMap.a, .delta, .dW] {
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
