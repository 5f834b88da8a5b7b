import BackstepCore
import Testing

/// The gradient check's drill-down: the worst entry of each layer with both gradients, and the
/// kink a left-out entry's differences straddle.
@Suite("The gradient check's drill-down")
struct GradientDrillDownTests {
  @Test func theWorstEntryKeepsBothGradients() throws {
    let (network, x, t) = try GradientTests.smallCheck()
    let honest = GradientCheck.analytic(network: network, input: x, target: t, regularization: Regularization())
    let results = GradientCheck.run(network: network, input: x, target: t) { n, x, t, r in
      var g = GradientCheck.analytic(network: n, input: x, target: t, regularization: r)
      g.dW[1].storage[1 * 4 + 2] += 0.5
      return g
    }
    let worst = try #require(results[1].largest)
    #expect(worst.name == "W[2,3]" && worst.index == 7 && worst.key == ParameterKey(layer: 2, name: .weights))
    #expect(worst.analytic == honest.dW[1].storage[6] + 0.5)
    #expect(abs(worst.numeric - honest.dW[1].storage[6]) < 1e-9)
    #expect(worst.relativeError == GradientCheck.relativeError(worst.numeric, worst.analytic))
    #expect(worst.relativeError == results[1].maxRelativeError && worst.kink == nil)
    // The honest layer's worst entry agrees, and is still named.
    #expect(try #require(results[0].largest).relativeError < GradientCheck.passBelow)
    #expect(results.allSatisfy { $0.largestAtKink == nil })
  }

  /// Layer 1's unit 2 is set by its bias to z = 3e−7 for example 1: within h of relu's kink.
  @Test(arguments: [Activation.relu, .leakyRelu])
  func aUnitWithinHOfItsKinkIsNamed(_ kinked: Activation) throws {
    let w = Matrix([[0.8, -0.4], [0.5, 0.3]])!
    let x = Matrix([[0.6, -0.2], [0.9, 0.7]])!
    let z0 = 0.5 * 0.6 + 0.3 * -0.2
    let layer1 = DenseLayer(weights: w, bias: [0.2, -z0 + 3e-7], activation: kinked)
    let layer2 = DenseLayer(weights: Matrix([[1.5, -2.0]])!, bias: [0.1], activation: .identity)
    let network = try Network(inputs: 2, layers: [layer1, layer2], loss: .mse)
    let results = GradientCheck.run(network: network, input: x, target: Matrix([[1.0], [0.0]])!)
    let entry = try #require(results[0].largestAtKink)
    let kink = try #require(entry.kink)
    #expect(kink.layer == 1 && kink.example == 1 && kink.unit == 2 && kink.activation == kinked)
    #expect(abs(kink.z - 3e-7) < 1e-12)
    #expect(entry.key.layer == 1)
    // Only parameters that feed unit 2 move it across: its row of W and its bias.
    #expect(entry.name.hasPrefix("W[2,") || entry.name == "b[2]")
    #expect(results[0].excluded >= 1 && results.allSatisfy(\.passed))
    #expect(results[1].largestAtKink == nil)
  }
}
