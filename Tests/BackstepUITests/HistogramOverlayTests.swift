import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The histogram overlay at a projector's size and a big screen's, with NaN and ∞ counted apart.
@Suite("The histogram overlay")
struct HistogramOverlayTests {
  @Test(arguments: [(80, 24), (120, 36)])
  func snapshots(_ width: Int, _ height: Int) throws {
    var state = try InsideFixture.state(activation: .relu)
    state.update(.cycleHistograms)
    state.update(.cycleHistograms)
    for (name, context) in [("colour", InsideFixture.colour), ("mono", InsideFixture.mono)] {
      expectSnapshot(Screen.render(state, width: width, height: height, context: context), named: "histograms-dW-\(width)x\(height)-\(name)")
    }
  }

  /// Eight layers at 80×24: four panels fit, and the other four are named as hidden; at 250×70
  /// every layer has its panel with its count.
  @Test func aProjectorNamesTheHiddenLayersAndABigScreenShowsThemAll() throws {
    var state = try InsideFixture.state(layers: [6, 6, 6, 6, 6, 6, 6])
    state.update(.cycleHistograms)
    let small = InsideFixture.text(state, 80, 24)
    #expect(small.contains("W₄") && !small.contains("W₅"))
    #expect(small.contains("L5–L8 hidden"))
    let big = InsideFixture.text(state, 250, 70)
    #expect(!big.contains("hidden"))
    let histograms = try #require(state.readings.histograms)
    for entry in histograms.layers {
      #expect(big.contains(MathGlyphs.unicode.name("W", entry.layer) + "  \(entry.rows)×\(entry.columns)"))
    }
    #expect(big.components(separatedBy: "n 36, top bin").count - 1 == 6)
    // The panels reach across the screen: the last of a row ends near its right edge.
    let rows = big.split(separator: "\n")
    #expect(rows.contains { $0.hasSuffix("┐ │") || $0.hasSuffix("┐  │") })
  }

  /// A network that has blown up: the NaN among its gradients are counted beside the bars.
  @Test func nonFiniteValuesAreCountedApart() throws {
    var state = try AppState(config: ExtremeValueTests.exploding())
    state.stepper.run(iterations: 3)
    state.update(.cycleHistograms)
    state.update(.cycleHistograms)
    let histograms = try #require(state.readings.histograms)
    let bad = histograms.layers.filter { $0.histogram.nonFinite > 0 }
    #expect(!bad.isEmpty)
    let text = InsideFixture.text(state, 250, 70)
    for entry in bad where entry.histogram.nan > 0 {
      #expect(text.contains("\(entry.histogram.nan) NaN"))
    }
  }
}
