import BackstepCore
import Testing

@Suite("Diagnostics see vanishing and exploding gradients")
struct DiagnosticsTests {
  @Test func deepSigmoidNetworkVanishesTowardTheInput() throws {
    let specs = Array(repeating: LayerSpec(units: 8, activation: .sigmoid), count: 7) + [LayerSpec(units: 1, activation: .sigmoid)]
    let network = try Network(inputs: 2, specs: specs, loss: .bce, initializer: .xavierUniform, seed: 3)
    var s = try Stepper(
      network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 32, loss: .bce, seed: 3),
      settings: TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: 0.1)))
    s.finishIteration()
    let layers = try #require(s.history.latest).layers
    #expect(layers.count == 8)
    for l in 0..<7 {
      #expect(layers[l].normDW < layers[l + 1].normDW, "‖dW\(l + 1)‖ should be below ‖dW\(l + 2)‖")
    }
    #expect(layers[0].verdict == .vanishing)
    #expect(layers[7].verdict == .healthy)
  }

  @Test func reluWithLargeWeightsExplodesGoingBackward() throws {
    let specs = Array(repeating: LayerSpec(units: 16, activation: .relu), count: 7) + [LayerSpec(units: 1, activation: .identity)]
    let network = try Network(inputs: 2, specs: specs, loss: .mse, initializer: .normal(2.0), seed: 4)
    var s = try Stepper(
      network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 32, loss: .mse, seed: 4),
      settings: TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: 0.01)))
    s.finishIteration()
    let layers = try #require(s.history.latest).layers
    for l in 0..<7 {
      #expect(layers[l].normDelta > layers[l + 1].normDelta, "‖δ\(l + 1)‖ should exceed ‖δ\(l + 2)‖")
    }
    #expect(layers[0].verdict == .exploding)
  }

  @Test(arguments: [nil, 1e-3])
  func theGradientIsKeptBeforeAndAfterClipping(_ maxNorm: Double?) throws {
    let network = try Network(
      inputs: 2, specs: [LayerSpec(units: 4, activation: .tanh), LayerSpec(units: 1, activation: .sigmoid)], loss: .bce, initializer: .xavierUniform,
      seed: 2)
    var s = try Stepper(
      network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 16, loss: .bce, seed: 2),
      settings: TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: 0.1), clipping: Clipping(maxNorm: maxNorm)))
    s.finishIteration()
    let layers = try #require(s.history.latest).layers
    for (l, d) in layers.enumerated() {
      let record = s.record.layers[l]
      #expect(d.normDW == record.dW.frobeniusNorm)
      #expect(d.normAppliedDW == record.appliedDW.frobeniusNorm)
      if maxNorm == nil {
        #expect(!d.wasClipped && d.normAppliedDW == d.normDW)
      } else {
        // One global coefficient scales every layer's gradient alike.
        #expect(d.wasClipped)
        #expect(abs(d.normAppliedDW / d.normDW - s.record.clipCoefficient) < 1e-9)
      }
    }
  }

  @Test func theFirstNonFiniteValueIsNamed() throws {
    let network = try Network(
      inputs: 2, specs: [LayerSpec(units: 4, activation: .relu), LayerSpec(units: 1, activation: .identity)],
      loss: .mse, initializer: .normal(3), seed: 1)
    var s = try Stepper(
      network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 16, loss: .mse, seed: 1),
      settings: TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: 50)))
    var steps = 0
    while s.firstNonFinite == nil && steps < 200 {
      s.finishIteration()
      steps += 1
    }
    let event = try #require(s.firstNonFinite)
    #expect(event.step >= 1)
    #expect(["z", "a", "loss", "δ", "dW", "weights"].contains(event.quantity))
  }

  @Test(arguments: [
    (1e-9, 1.0, Verdict.vanishing), (1e4, 1e4, .exploding), (1e-4, 1.0, .vanishing), (5e3, 1.0, .exploding),
    (0.5, 1.0, .healthy), (Double.nan, 1.0, .nonFinite),
  ])
  func thresholds(_ norm: Double, _ output: Double, _ verdict: Verdict) {
    #expect(VerdictThresholds().verdict(norm: norm, outputNorm: output) == verdict)
  }

  @Test func deadReluUnitsAreCounted() throws {
    // Biases of −10 keep every ReLU unit at zero for inputs in [−1, 1].
    var network = try Network(
      inputs: 2, specs: [LayerSpec(units: 4, activation: .relu), LayerSpec(units: 1, activation: .sigmoid)],
      loss: .bce, initializer: .uniform(0.1), seed: 2)
    network.layers[0] = .dense(DenseLayer(weights: Matrix([[0.1, 0.1], [0.1, -0.1], [1, 0], [0, 1]])!, bias: [-10, -10, 0, 0], activation: .relu))
    var s = try Stepper(
      network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 64, loss: .bce, seed: 2),
      settings: TrainingSettings())
    s.finishIteration()
    #expect(try #require(s.history.latest).layers[0].deadFraction == 0.5)
  }
}
