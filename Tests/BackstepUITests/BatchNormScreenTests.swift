import BackstepCore
import Foundation
import TermGrid
import Testing

@testable import BackstepUI

/// A batchnorm layer on screen: its stages in the strip, and captions whose numbers are the
/// ones its stages kept (μ, σ², x̂, z; the three terms of dL/dx and their sum).
@Suite("Batch normalisation on screen")
struct BatchNormScreenTests {
  static func state() throws -> AppState {
    var config = RunConfiguration()
    config.layers = [4, 3]
    config.batchNorm = true
    config.activation = .sigmoid
    return try AppState(config: config)
  }

  static func text(_ state: AppState) -> String {
    Screen.render(state, width: 200, height: 60, context: RenderContext(level: .none, unicode: true)).plainText
      .replacingOccurrences(of: "\n ", with: " ")
  }

  @Test func theForwardCaptionGivesTheStatisticsOfTheStage() throws {
    var state = try Self.state()
    #expect(state.stepper.stages.count == 5 + 1 + 5 + 1)
    state.handle(.character(" "))
    state.handle(.character(" "))  // forward(2): the first batchnorm layer
    let stats = try #require(state.stepper.record.layers[1].batchNorm)
    let z = state.stepper.record.layers[1].z
    let text = Self.text(state)
    #expect(text.contains("forward(2) batchnorm"))
    #expect(text.contains("μ = \(Format.short(stats.mean[0], digits: 4))"))
    #expect(text.contains("σ² = \(Format.short(stats.variance[0], digits: 4))"))
    #expect(text.contains("= \(Format.short(stats.xhat[0, 0], digits: 4)), z = "))
    #expect(text.contains("= \(Format.short(z[0, 0], digits: 4))."))
  }

  @Test func theBackwardCaptionGivesTheThreeTermsOfTheInputGradient() throws {
    var state = try Self.state()
    // F1…F5, loss, B5, B4: the second batchnorm layer's backward stage.
    for _ in 0..<8 { state.handle(.character(" ")) }
    #expect(state.stepper.lastStage == .backward(4))
    let rec = state.stepper.record.layers[3]
    let stats = try #require(rec.batchNorm)
    let text = Self.text(state)
    #expect(text.contains("backward(4) batchnorm"))
    #expect(text.contains("\(Format.short(stats.dxDirect[0, 0], digits: 4)) directly"))
    #expect(text.contains("through the variance = \(Format.short(rec.dAPrev[0, 0], digits: 4))"))
    // The three terms are the parts of the gradient passed down.
    let sum = stats.dxDirect[0, 0] + stats.dxThroughMean[0, 0] + stats.dxThroughVariance[0, 0]
    #expect(abs(sum - rec.dAPrev[0, 0]) <= 1e-15 * max(1, abs(sum)))
    // The dense layer below reads its upstream gradient from the batchnorm layer, not from a W.
    state.handle(.character(" "))
    #expect(Self.text(state).contains("dL/dx of batchnorm(4)"))
  }

  /// With v on W, a batchnorm layer's cell is γ of one unit: one column, named γ, with its dγ.
  @Test func theInspectorNamesGammaOnABatchNormLayer() throws {
    var state = try Self.state()
    state.handle(.character("n"))
    while state.view.quantity != .weights { state.handle(.character("v")) }
    while state.cursor.layer != 2 { state.handle(.tab) }
    #expect(state.cursor.map == .weights && state.cursor.column == 0)
    let gamma = try #require(state.stepper.network.layers[1].batchNorm?.gamma)
    let text = Self.text(state)
    #expect(text.contains("inspect γ₂[\(state.cursor.row + 1)] = "))
    #expect(text.contains("→ \(MathGlyphs.unicode.exact(gamma[state.cursor.row])): −lr·g = "))
    // γ has one column: the next one to the right is x̂'s first, after x̂'s examples f′(z)'s, then δ's.
    state.handle(.right)
    #expect(state.cursor.map == .xhat && state.cursor.column == 0)
    let xhat = try #require(state.stepper.record.layers[1].batchNorm?.xhat)
    #expect(Self.text(state).contains("inspect x̂₂[\(state.cursor.row + 1), ex 1] = (x₂[\(state.cursor.row + 1), ex 1] − μ₂[\(state.cursor.row + 1)])"))
    #expect(Self.text(state).contains(" = \(MathGlyphs.unicode.exact(xhat[0, state.cursor.row]))"))
    for _ in 0..<state.batchExamples { state.handle(.right) }
    #expect(state.cursor.map == .fPrime && state.cursor.column == 0)
    for _ in 0..<state.batchExamples { state.handle(.right) }
    #expect(state.cursor.map == .delta && state.cursor.column == 0)
  }
}
