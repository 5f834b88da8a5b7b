import Foundation
import TermGrid
import Testing

@testable import BackstepCore
@testable import BackstepUI

/// A batchnorm layer's band: the μ, σ², γ, β strips read the record and the layer, the parts
/// fit the column they share, and clicks land on the map of the chosen quantity only.
@Suite("Batchnorm band")
struct BatchNormBandTests {
  /// Layers 2-4-bn-3-bn-1 after F1 and F2: the first batchnorm layer has its statistics.
  static func state() throws -> AppState {
    var state = try BatchNormScreenTests.state()
    state.update(.step)
    state.update(.step)
    return state
  }

  static func lines(_ state: AppState, width: Int = 250, height: Int = 70) -> [String] {
    Screen.render(state, width: width, height: height, context: RenderContext(level: .none, unicode: true)).plainText
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The strips as drawn alone, fed their values and the scale of each.
  static func stripLines(_ strips: [BatchNormBand.Strip]) -> [String] {
    var frame = Frame(width: 40, height: strips.count)
    BatchNormBand.render(strips, in: frame.bounds, palette: .blueOrange, stage: "F2", into: &frame, context: RenderContext(level: .none, unicode: true))
    return frame.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  @Test func theStripsShowTheRecordsStatisticsAndTheLayersParameters() throws {
    let state = try Self.state()
    var rec = try #require(state.stepper.record.layers[1].batchNorm)
    var bn = try #require(state.stepper.network.layers[1].batchNorm)
    // Values no statistic of the batch could give: the strips must read them from where they are kept.
    try #require(rec.mean.count == 4 && bn.units == 4)
    rec.mean[2] = 777
    rec.variance[3] = 4242
    bn.gamma[1] = -31
    bn.beta[0] = 0.625
    let scales: [ShownMap: MapScale] = [
      .mean: MapScale(of: rec.mean), .variance: MapScale(of: rec.variance), .weights: MapScale(of: bn.gamma), .beta: MapScale(of: bn.beta),
    ]
    let strips = BatchNormBand.strips(layer: bn, record: rec, scale: { scales[$0] ?? MapScale() }, forwardFresh: true)
    #expect(strips.map(\.name) == ["μ", "σ²", "γ", "β"])
    #expect(strips.map(\.values) == [rec.mean, rec.variance, bn.gamma, bn.beta])
    let lines = Self.stripLines(strips)
    for (name, label) in [("μ", "777"), ("σ²", "4.2e3"), ("γ", "31"), ("β", "0.625")] {
      #expect(lines.contains { $0.hasPrefix(name) && $0.hasSuffix(" \(label)") }, "no \(name) strip labelled \(label)")
    }
  }

  /// On screen, each strip's size is the one the core measured at the layer's forward stage
  /// (μ, σ²) or at the last change of the weights (γ, β).
  @Test func theScreensStripsReadTheCoresScales() throws {
    let state = try Self.state()
    let lines = Self.lines(state)
    for (name, map) in [("μ", ShownMap.mean), ("σ²", .variance), ("γ", .weights), ("β", .beta)] {
      let label = Magnitude.text(state.stepper.scale(of: map, layer: 2).shown)
      #expect(lines.contains { $0.contains(" \(name) ") && $0.contains(" \(label) ") }, "no \(name) strip labelled \(label)")
    }
  }

  @Test func magnitudesFitTheirColumnAndKeepTheirSize() {
    let cases: [(Double, String)] = [
      (0, "0"), (0.037, "0.037"), (0.1402, "0.14"), (1, "1"), (999.4, "999"), (4242, "4.2e3"), (8.3e-5, "8e-5"), (0.0042, "4e-3"), (1.2e-12, "1e-12"),
    ]
    for (x, text) in cases { #expect(Magnitude.text(x) == text) }
    #expect(cases.allSatisfy { Magnitude.text($0.0).count <= Magnitude.width })
  }

  @Test func aNonFiniteValueIsNamedInTheStripsLabel() throws {
    let state = try Self.state()
    var rec = try #require(state.stepper.record.layers[1].batchNorm)
    let bn = try #require(state.stepper.network.layers[1].batchNorm)
    rec.variance[1] = .nan
    rec.mean[3] = -.infinity
    let strips = BatchNormBand.strips(
      layer: bn, record: rec, scale: { $0 == .mean ? MapScale(of: rec.mean) : MapScale(of: rec.variance) }, forwardFresh: true)
    let lines = Self.stripLines(Array(strips.prefix(2)))
    #expect(lines.contains { $0.hasPrefix("σ²") && $0.hasSuffix(" nan") })
    #expect(lines.contains { $0.hasPrefix("μ") && $0.hasSuffix(" -inf") })
  }

  @Test func statisticsFromAnEarlierStageAreDimmedAndParametersAreNot() throws {
    let state = try Self.state()
    let bn = try #require(state.stepper.network.layers[1].batchNorm)
    let strips = BatchNormBand.strips(
      layer: bn, record: state.stepper.record.layers[1].batchNorm, scale: { state.stepper.scale(of: $0, layer: 2) }, forwardFresh: false)
    #expect(strips.map(\.dimmed) == [true, true, false, false])
  }

  @Test(arguments: [(80, 13), (120, 23), (250, 52)])
  func thePartsFitTheColumnInOrderOfUse(width: Int, columnWidth: Int) {
    let rect = Rect(x: 10, y: 3, width: columnWidth, height: 5)
    let parts = BatchNormBand.parts(of: rect)
    let all = [parts.main] + [parts.xhat, parts.strips].compactMap { $0 }
    // Side by side, left to right, inside the column, never overlapping.
    for (left, right) in zip(all, all.dropFirst()) { #expect(left.maxX < right.x) }
    #expect(all.allSatisfy { $0.x >= rect.x && $0.maxX <= rect.maxX && $0.width > 0 })
    #expect(parts.main.width >= BatchNormBand.minimumMap)
    // The strips come before x̂ as the column widens.
    if parts.xhat != nil { #expect(parts.strips != nil) }
    #expect((parts.strips != nil) == (columnWidth >= BatchNormBand.minimumMap + 1 + BatchNormBand.stripsWidth))
  }

  @Test func inASCIIEveryPartIsASCII() throws {
    let state = try Self.state()
    for (width, height) in [(120, 36), (250, 70)] {
      let frame = Screen.render(state, width: width, height: height, context: RenderContext(level: .none, unicode: false))
      #expect(frame.plainText.unicodeScalars.allSatisfy { $0.isASCII }, "ASCII mode drew a non-ASCII character at \(width)×\(height)")
    }
  }

  @Test func clicksLandOnTheChosenQuantityAndXHatNotOnTheStrips() throws {
    let state = try Self.state()
    let regions = Screen.draw(state, width: 250, height: 70, context: RenderContext(level: .xterm256, unicode: true)).regions
    let layout = try #require(ScreenLayout(width: 250, height: 70, depth: state.stepper.network.depth, showSurface: true))
    let bands = NetworkTable.bands(in: layout.network.inset(dx: 1, dy: 1), units: state.stepper.network.layers.map(\.units))
    let band = try #require(bands.first { $0.layer == 2 })
    let parts = BatchNormBand.parts(of: band.quantity)
    let strips = try #require(parts.strips)
    let xhat = try #require(parts.xhat)
    #expect(regions.cursor(x: strips.x + 4, y: strips.y) == nil)
    // x̂'s columns are the examples: a click there is on x̂.
    #expect(regions.cursor(x: xhat.x, y: xhat.y) == Cursor(layer: 2, row: 0, column: 0, map: .xhat))
    let hit = try #require(regions.cursor(x: parts.main.x, y: parts.main.y))
    #expect(hit.layer == 2 && hit.row == 0 && hit.column == 0)
  }
}
