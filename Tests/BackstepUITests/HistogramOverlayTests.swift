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

/// Both overlays draw only inside the rectangle they are given, at any size, and fold to ASCII.
@Suite("The inside overlays' bounds")
struct InsideOverlayBoundsTests {
  @Test(arguments: [(3, 1), (20, 4), (40, 12), (90, 30)])
  func overlaysStayInsideTheirRectangle(_ width: Int, _ height: Int) throws {
    var state = try InsideFixture.state(layers: [6, 6, 6])
    state.update(.toggleOptimizer)
    let optimizer = try #require(state.readings.optimizer)
    state.update(.cycleHistograms)
    let histograms = try #require(state.readings.histograms)
    let inner = Rect(x: 2, y: 1, width: width, height: height)
    let widgets: [any Widget<RenderContext>] = [OptimizerOverlay(reading: optimizer, key: "O"), HistogramOverlay(histograms: histograms, key: "H")]
    for widget in widgets {
      var frame = Frame(width: width + 4, height: height + 2)
      widget.render(in: inner, into: &frame, context: InsideFixture.colour)
      #expect(!frame.touchesOutside(inner), "\(type(of: widget)) drew outside its rectangle at \(width)×\(height)")
    }
  }

  @Test func anASCIIScreenHasOnlyASCII() throws {
    var state = try InsideFixture.state()
    let ascii = RenderContext(level: .none, unicode: false)
    for action in [Action.toggleOptimizer, .cycleHistograms, .cycleHistograms] {
      state.update(action)
      let text = Screen.render(state, width: 100, height: 30, context: ascii).plainText
      #expect(text.allSatisfy { $0.isASCII }, "\(state.overlay)")
      #expect(text.contains(state.overlay == .optimizer ? "mhat [" : "n 16, top bin"))
    }
  }
}
