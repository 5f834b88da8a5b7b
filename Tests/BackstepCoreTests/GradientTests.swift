import BackstepCore
import Testing

/// Every activation and loss against central differences.
@Suite("Gradients agree with finite differences")
struct GradientTests {
  struct Pair: CustomTestStringConvertible, Sendable {
    let hidden: Activation
    let output: Activation
    let loss: Loss
    var testDescription: String { "\(hidden.rawValue) hidden, \(output.rawValue) output, \(loss.rawValue)" }
  }

  /// Every hidden activation with every output a loss accepts.
  static let pairs: [Pair] = {
    var result: [Pair] = []
    let hidden = Activation.allCases.filter { $0 != .softmax }
    for loss in Loss.allCases {
      let outputs = loss.requiredOutput.map { [$0] } ?? Activation.allCases
      for output in outputs {
        for h in hidden { result.append(Pair(hidden: h, output: output, loss: loss)) }
      }
    }
    return result
  }()

  @Test(arguments: pairs)
  func activationAndLoss(_ p: Pair) throws {
    let outputs = p.output == .softmax || p.loss == .ce ? 3 : 2
    let network = try Network(
      inputs: 3,
      specs: [
        LayerSpec(units: 4, activation: p.hidden), LayerSpec(units: 3, activation: p.hidden),
        LayerSpec(units: outputs, activation: p.output),
      ],
      loss: p.loss, initializer: .normal(0.8), bias: 0.05, seed: 7)
    let x = Fixture.inputs(rows: 5, cols: 3, seed: 11)
    var t = Fixture.targets(rows: 5, cols: outputs, loss: p.loss, seed: 12)
    if p.output == .sigmoid && p.loss != .bce {
      for i in 0..<t.count { t.storage[i] = abs(t.storage[i]) }
    }
    let results = GradientCheck.run(network: network, input: x, target: t)
    for r in results {
      #expect(r.maxRelativeError < 1e-6, "layer \(r.layer): \(r.maxRelativeError) at \(r.worst)")
    }
  }

  @Test(arguments: [Regularization(l2: 0.1), Regularization(l1: 0.05), Regularization(l1: 0.02, l2: 0.3, includeBiases: true)])
  func regularisationIsInTheGradient(_ reg: Regularization) throws {
    let network = try Network(
      inputs: 2, specs: [LayerSpec(units: 3, activation: .tanh), LayerSpec(units: 1, activation: .sigmoid)],
      loss: .bce, initializer: .xavierUniform, bias: 0.2, seed: 3)
    let x = Fixture.inputs(rows: 6, cols: 2, seed: 5)
    let t = Fixture.targets(rows: 6, cols: 1, loss: .bce, seed: 6)
    for r in GradientCheck.run(network: network, input: x, target: t, regularization: reg) {
      #expect(r.maxRelativeError < 1e-6, "layer \(r.layer): \(r.maxRelativeError) at \(r.worst)")
    }
  }

  @Test func integerLabelsAndOneHotGiveTheSameCrossEntropy() throws {
    let network = try Network(
      inputs: 2, specs: [LayerSpec(units: 3, activation: .softmax)], loss: .ce, initializer: .xavierNormal,
      seed: 9)
    let x = Fixture.inputs(rows: 4, cols: 2, seed: 1)
    let oneHot = Matrix([[1, 0, 0], [0, 0, 1], [0, 1, 0], [0, 0, 1]])!
    let (z, a) = network.forwardLogits(x)
    var manual = 0.0
    for i in 0..<4 {
      let label = [0, 2, 1, 2][i]
      manual -= (a[i, label]).squareRoot() * 0 + Elementary.log(a[i, label])
    }
    #expect(abs(network.loss.value(z: z, a: a, target: oneHot) - manual / 4) < 1e-14)
  }

  @Test func bceFromTheLogitStaysFiniteWhenSaturated() throws {
    // A logit of 800 overflows e^z; the loss must still be exact: softplus(800) − 0·800 = 800.
    let z = Matrix([[800], [-800]])!
    var a = Matrix(rows: 0, cols: 0)
    Activation.sigmoid.apply(z, into: &a)
    let loss = Loss.bce.value(z: z, a: a, target: Matrix([[0], [0]])!)
    #expect(abs(loss - 400) < 1e-12)
    var delta = Matrix(rows: 0, cols: 0)
    #expect(Loss.bce.outputDelta(z: z, a: a, target: Matrix([[0], [0]])!, into: &delta))
    #expect(delta.storage == [0.5, 0])
  }

  @Test func derivativeConventionsAtZero() {
    #expect(Activation.relu.derivative(z: 0, a: 0) == 0)
    #expect(Activation.leakyRelu.derivative(z: 0, a: 0) == 0.01)
    #expect(Activation.elu.derivative(z: 0, a: 0) == 1)
    #expect(Elementary.sign(0) == 0)
    #expect(Activation.leakyRelu.value(-2) == -0.02)
    #expect(Activation.elu.value(-1) == Elementary.exp(-1) - 1)
  }

  @Test func gradientCheckFindsAWrongGradient() throws {
    // The check must be able to fail: compare against a deliberately scaled analytic value.
    #expect(GradientCheck.relativeError(1.0, 1.0) == 0)
    #expect(GradientCheck.relativeError(1.0, 1.1) > 0.04)
    #expect(GradientCheck.relativeError(.nan, 1).isNaN)
  }
}
