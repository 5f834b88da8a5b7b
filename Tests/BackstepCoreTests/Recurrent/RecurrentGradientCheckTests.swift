import Testing

@testable import BackstepCore

@Suite("Finite differences on recurrent networks")
struct RecurrentGradientCheckTests {
  @Test(arguments: [Activation.tanh, .relu])
  func backpropagationThroughTimeAgreesWithDifferences(_ activation: Activation) throws {
    let network = try RecurrentFixture.network(inputs: 2, units: 4, activation: activation, dense: [3], loss: .bce, seed: 11)
    let data = RecurrentFixture.split(features: 2, steps: 5, rows: 6, loss: .bce, seed: 12).train
    let results = GradientCheck.run(
      network: network, input: data.inputs, target: data.targets, regularization: Regularization(l2: 0.01, includeBiases: true))
    #expect(results.count == 3)
    for r in results {
      #expect(r.passed, "layer \(r.layer): \(r.maxRelativeError) at \(r.worst)")
    }
    // Every one of the layer's 4·2 + 4·4 + 4 + 4 values was compared (or left out at a kink).
    #expect(results[0].parameters == 32)
    #expect(activation == .relu || results[0].excluded == 0)
  }

  /// A relu layer after the recurrent one has kinks of its own: the check looks at that layer's
  /// z, not the recurrent layer's time steps left in a record it shares (which once gave the
  /// wrong kinks, or an index out of range).
  @Test func aKinkedLayerAfterTheRecurrentOneIsJudgedByItsOwnZ() throws {
    let specs = [
      LayerSpec(units: 3, activation: .tanh, kind: .recurrent), LayerSpec(units: 4, activation: .relu), LayerSpec(units: 1, activation: .sigmoid),
    ]
    let network = try Network(inputs: 2, specs: specs, loss: .bce, initializer: .xavierUniform, seed: 21)
    let data = RecurrentFixture.split(features: 2, steps: 6, rows: 5, loss: .bce, seed: 22).train
    let results = GradientCheck.run(network: network, input: data.inputs, target: data.targets)
    #expect(results.count == 3)
    for r in results { #expect(r.passed, "layer \(r.layer): \(r.maxRelativeError) at \(r.worst)") }
    let kinkZ = GradientCheck.objective(network: network, input: data.inputs, target: data.targets, regularization: Regularization()).kinkZ
    // Only the relu layer has a kink: its z, 5 examples × 4 units, and nothing of the tanh steps.
    #expect(kinkZ.count == 5 * 4)
  }

  @Test func aWrongGradientThroughTimeFails() throws {
    let network = try RecurrentFixture.network(units: 3, seed: 2)
    let data = RecurrentFixture.split(steps: 4, rows: 3, seed: 4).train
    // One entry of dW_hh (the last column of [dW_ih | dW_hh]) off by 0.01: the check must name it.
    let results = GradientCheck.run(network: network, input: data.inputs, target: data.targets) { net, x, t, reg in
      var g = GradientCheck.analytic(network: net, input: x, target: t, regularization: reg)
      g.dW[0].storage[g.dW[0].cols - 1] += 0.01
      return g
    }
    #expect(!results[0].passed)
    #expect(results[0].worst.hasPrefix("Whh"))
  }
}
