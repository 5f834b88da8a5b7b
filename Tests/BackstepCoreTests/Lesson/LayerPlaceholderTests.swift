import Foundation
import Testing

@testable import BackstepCore

/// The placeholders that read inside a layer: a batchnorm layer's μ, σ², x̂, γ and β, the
/// largest f′(z), two layers' gradients against each other, and clipping's factor, on a
/// 1-2-[2 bn]-1 network whose numbers can be worked by hand:
///
///     x = [1, 3, 5], W₁ = [[1], [2]] (identity, no bias) → z₁ = [[1, 2], [3, 6], [5, 10]]
///     μ₂ = [3, 6], σ²₂ = [8/3, 32/3], x̂₂ = (z₁ − μ₂)/√(σ²₂ + ε), z₂ = γ·x̂₂ + β
///
/// with γ = [2, 0.5] and β = [0.1, −0.3]: the second example sits at the mean, x̂ = 0, and its
/// z₂ is exactly β.
@Suite("Lesson placeholders inside a layer")
struct LayerPlaceholderTests {
  static let gamma = [2.0, 0.5]
  static let beta = [0.1, -0.3]

  static func stepper(clipNorm: Double? = nil) throws -> Stepper {
    let network = try Network(
      inputs: 1,
      layers: [
        .dense(DenseLayer(weights: Matrix([[1], [2]])!, bias: [0, 0], activation: .identity, hasBias: false)),
        .batchNorm(
          BatchNormLayer(gamma: gamma, beta: beta, runningMean: [0, 0], runningVar: [1, 1], momentum: 0.1, eps: 1e-5, activation: .sigmoid)),
        .dense(DenseLayer(weights: Matrix([[0.7, -0.6]])!, bias: [0.2], activation: .sigmoid)),
      ], loss: .bce)
    let data = Dataset(
      name: "hand", inputs: Matrix([[1], [3], [5]])!, targets: Matrix([[1], [0], [1]])!, labels: [1, 0, 1], problem: .classification)
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: 0.5), clipping: Clipping(maxNorm: clipNorm))
    settings.shuffle = false
    return try Stepper(network: network, data: DataSplit(train: data, test: data.subset([])), settings: settings)
  }

  func number(_ text: String, _ s: Stepper) throws -> Double {
    try #require(try Placeholder(parsing: text).value(in: s).number)
  }

  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-14 * max(1, abs(b)) }

  @Test func aBatchnormLayerShowsItsStatisticsAndParameters() throws {
    var s = try Self.stepper()
    s.advance()
    #expect(throws: LessonValueMissing.self) { try number("mu 2 1", s) }  // forward(2) has not run
    s.advance()
    #expect(try number("mu 2 1", s) == 3)
    #expect(try number("mu 2 2", s) == 6)
    #expect(Self.close(try number("var 2 1", s), 8.0 / 3))
    #expect(Self.close(try number("var 2 2", s), 32.0 / 3))
    #expect(Self.close(try number("xhat 2 1 1", s), -2 / (8.0 / 3 + 1e-5).squareRoot()))
    #expect(try number("xhat 2 2 2", s) == 0)
    #expect(Self.close(try number("xhat 2 3 2", s), 4 / (32.0 / 3 + 1e-5).squareRoot()))
    #expect(try number("gamma 2 1", s) == 2 && (try number("beta 2 2", s)) == -0.3)
    // The second example sits at the mean: z = γ·0 + β.
    #expect(try number("z 2 2 1", s) == 0.1)
    // A dense layer has none of these; a unit past the layer's width has no value.
    #expect(throws: LessonValueMissing.self) { try number("mu 1 1", s) }
    #expect(throws: LessonValueMissing.self) { try number("gamma 3 1", s) }
    #expect(throws: LessonValueMissing.self) { try number("var 2 3", s) }
    #expect(throws: LessonValueMissing.self) { try number("xhat 2 4 1", s) }
    // After the update γ has moved against its gradient dγ = Σ δ⊙x̂ (the record's dW slot).
    s.finishIteration()
    let dGamma = s.record.layers[1].dW.storage[0]
    #expect(dGamma != 0)
    #expect(Self.close(try number("gamma 2 1", s), 2 - 0.5 * dGamma))
  }

  @Test func theLargestFPrimeOfALayer() throws {
    var s = try Self.stepper()
    s.finishIteration()
    // Sigmoid: f′ = a(1 − a) is largest where z is nearest 0, the second example's z = 0.1.
    let p = 1 / (1 + exp(-0.1))
    #expect(Self.close(try number("max fprime 2", s), p * (1 - p)))
    #expect(try number("max fprime 2", s) <= 0.25)
    #expect(try number("max fprime 1", s) == 1)  // identity
    // The output's δ comes straight from the logit (sigmoid with bce): no f′ to read.
    #expect(throws: LessonValueMissing.self) { try number("max fprime 3", s) }
  }

  @Test func twoLayersGradientsAgainstEachOther() throws {
    var s = try Self.stepper()
    for _ in 0..<5 { s.advance() }  // F1 F2 F3 loss B3
    #expect(throws: LessonValueMissing.self) { try number("ratio dW 2 3", s) }  // backward(2) has not run
    s.advance()
    s.advance()
    func norm(_ m: Matrix) -> Double { m.storage.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    let layers = s.record.layers
    #expect(Self.close(try number("ratio dW 1 3", s), norm(layers[0].dW) / norm(layers[2].dW)))
    #expect(Self.close(try number("ratio delta 1 2", s), norm(layers[0].delta) / norm(layers[1].delta)))
    #expect(try number("ratio dW 3 3", s) == 1)
  }

  @Test func clippingsFactorComesFromTheUpdate() throws {
    var s = try Self.stepper(clipNorm: 0.01)
    for _ in 0..<(s.stages.count - 1) { s.advance() }
    #expect(throws: LessonValueMissing.self) { try number("clip-coef", s) }
    s.advance()
    let norm = try number("grad-norm", s)
    #expect(norm > 0.01)
    // clip_grad_norm_: coef = max/(norm + 1e−6), below 1, so it acted.
    #expect(try number("clip-coef", s) == 0.01 / (norm + 1e-6))
    var free = try Self.stepper()
    free.finishIteration()
    #expect(try number("clip-coef", free) == 1)
  }
}
