import BackstepCore
import Testing

/// A recurrent layer of H = 2 relu units over T = 3 steps of one feature, then one identity
/// output with mse, on one sequence x = (1, 2, −1) with target 1. Every number is a short binary
/// fraction, so each is exact:
///
///     W_ih = [[1], [−1]], b_ih = [0, 1.5], W_hh = [[0.5, 0.25], [0, 0.5]], b_hh = [0.5, 0]
///     W = [[1, −2]], b = [0]
///
///     t = 1: z₁ = [1, −1] + [0, 1.5] + [0, 0] + [0.5, 0]                 = [1.5, 0.5],    h₁ = [1.5, 0.5]
///     t = 2: z₂ = [2, −2] + [0, 1.5] + [0.75 + 0.125, 0.25] + [0.5, 0]   = [3.375, −0.25], h₂ = [3.375, 0]
///     t = 3: z₃ = [−1, 1] + [0, 1.5] + [1.6875, 0] + [0.5, 0]            = [1.1875, 2.5], h₃ = [1.1875, 2.5]
///     a = 1.1875 − 2·2.5 = −3.8125,  L = ½(a − 1)² = ½·4.8125² = 11.580078125
///
///     δ_out = a − 1 = −4.8125,  dL/dh₃ = δ_out·W = [−4.8125, 9.625]
///     δ₃ = dL/dh₃ ⊙ relu′(z₃) = [−4.8125, 9.625]
///     δ₂ = (δ₃·W_hh) ⊙ relu′(z₂) = [−2.40625, 3.609375] ⊙ [1, 0] = [−2.40625, 0]
///     δ₁ = (δ₂·W_hh) ⊙ relu′(z₁) = [−1.203125, −0.6015625]
///     dW_ih = δ₁ᵀ·1 + δ₂ᵀ·2 + δ₃ᵀ·(−1) = [[−1.203125], [−10.2265625]]
///     dW_hh = δ₂ᵀ h₁ + δ₃ᵀ h₂ = [[−3.609375, −1.203125], [0, 0]] + [[−16.2421875, 0], [32.484375, 0]]
///           = [[−19.8515625, −1.203125], [32.484375, 0]]
///     db_ih = db_hh = δ₁ + δ₂ + δ₃ = [−8.421875, 9.0234375]
@Suite("A recurrent layer worked out by hand (H = 2, T = 3)")
struct RecurrentHandWorkedTests {
  static func stepper(lr: Double = 0.5) throws -> Stepper {
    let rnn = RecurrentLayer(
      weightsIH: Matrix([[1], [-1]])!, weightsHH: Matrix([[0.5, 0.25], [0, 0.5]])!, biasIH: [0, 1.5], biasHH: [0.5, 0], activation: .relu)
    let network = try Network(
      inputs: 1, layers: [.recurrent(rnn), .dense(DenseLayer(weights: Matrix([[1, -2]])!, bias: [0], activation: .identity))], loss: .mse)
    let data = Dataset(name: "hand", inputs: Matrix([[1, 2, -1]])!, targets: Matrix([[1]])!, problem: .regression, steps: 3)
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: lr))
    settings.shuffle = false
    return try Stepper(network: network, data: DataSplit(train: data, test: data.subset([])), settings: settings)
  }

  @Test func forwardOneTimeStepPerStage() throws {
    var s = try Self.stepper()
    let z: [[Double]] = [[1.5, 0.5], [3.375, -0.25], [1.1875, 2.5]]
    let h: [[Double]] = [[1.5, 0.5], [3.375, 0], [1.1875, 2.5]]
    for t in 1...3 {
      #expect(s.advance() == .forwardStep(1, t: t))
      #expect(s.record.layers[0].z.storage == z[t - 1], "z\(t)")
      #expect(s.record.layers[0].a.storage == h[t - 1], "h\(t)")
      #expect(s.shownTimeStep(layer: 1) == t)
    }
    #expect(s.advance() == .forward(2))
    #expect(s.record.layers[1].a.storage == [-3.8125])
    #expect(s.advance() == .loss)
    #expect(s.record.loss == 11.580078125)
  }

  @Test func backpropagationThroughTime() throws {
    var s = try Self.stepper()
    for _ in 0..<6 { s.advance() }
    #expect(s.lastStage == .backward(2))
    #expect(s.record.layers[1].dAPrev.storage == [-4.8125, 9.625])
    let deltas: [Int: [Double]] = [3: [-4.8125, 9.625], 2: [-2.40625, 0], 1: [-1.203125, -0.6015625]]
    for t in [3, 2, 1] {
      #expect(s.advance() == .backwardStep(1, t: t))
      #expect(s.record.layers[0].delta.storage == deltas[t], "δ\(t)")
      #expect(s.record.layers[0].recurrent?.delta[t - 1].storage == deltas[t])
    }
    let layer = s.network.layers[0]
    let rec = s.record.layers[0]
    #expect(layer.gradient(of: .weightsIH, in: rec) == [-1.203125, -10.2265625])
    #expect(layer.gradient(of: .weightsHH, in: rec) == [-19.8515625, -1.203125, 32.484375, 0])
    #expect(layer.gradient(of: .biasIH, in: rec) == [-8.421875, 9.0234375])
    #expect(layer.gradient(of: .biasHH, in: rec) == [-8.421875, 9.0234375])
    let norms = try #require(s.deltaThroughTime[0])
    #expect(norms == [1, 2, 3].map { deltas[$0]!.reduce(0) { $0 + $1 * $1 }.squareRoot() })
    #expect(s.deltaThroughTime[1] == nil)
  }

  @Test func sgdMovesEachOfTheFourParameters() throws {
    var s = try Self.stepper(lr: 0.5)
    s.finishIteration()
    // θ − 0.5·dθ for each tensor, in optimizer order.
    let rnn = try #require(s.network.layers[0].recurrent)
    #expect(rnn.weightsIH.storage == [1 + 0.6015625, -1 + 5.11328125])
    #expect(rnn.weightsHH.storage == [0.5 + 9.92578125, 0.25 + 0.6015625, -16.2421875, 0.5])
    #expect(rnn.biasIH == [4.2109375, 1.5 - 4.51171875])
    #expect(rnn.biasHH == [0.5 + 4.2109375, -4.51171875])
    #expect(s.network.parameters.map(\.key.name) == [.weightsIH, .weightsHH, .biasIH, .biasHH, .weights, .biases])
  }
}
