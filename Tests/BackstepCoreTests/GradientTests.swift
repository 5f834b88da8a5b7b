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
    let (z, a) = network.forwardLogits(x, mode: .evaluation)
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

  /// A backward pass under test that is wrong in one layer only.
  enum Breakage: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// dW of layer 2 off by 0.1 %: the smallest error a real bug would make.
    case scaledWeights
    /// db of layer 1 dropped, as if the bias gradient were never summed.
    case droppedBias
    /// dW of layer 3 from the wrong side of the product: a transposition bug.
    case swappedWeights
    var testDescription: String { rawValue }

    var brokenLayer: Int { self == .droppedBias ? 1 : self == .scaledWeights ? 2 : 3 }

    func gradients(_ n: Network, _ x: Matrix, _ t: Matrix, _ r: Regularization) -> (loss: Double, dW: [Matrix], db: [[Double]]) {
      var g = GradientCheck.analytic(network: n, input: x, target: t, regularization: r)
      switch self {
      case .scaledWeights: for i in 0..<g.dW[1].count { g.dW[1].storage[i] *= 1.001 }
      case .droppedBias: g.db[0] = g.db[0].map { _ in 0 }
      case .swappedWeights: g.dW[2].storage.reverse()
      }
      return g
    }
  }

  /// The negative control: the check fails the broken layer and passes the others.
  @Test(arguments: Breakage.allCases, [Activation.tanh, .relu])
  func gradientCheckFindsAWrongGradient(_ breakage: Breakage, hidden: Activation) throws {
    let network = try Network(
      inputs: 2,
      specs: [LayerSpec(units: 4, activation: hidden), LayerSpec(units: 3, activation: hidden), LayerSpec(units: 2, activation: .identity)],
      loss: .mse, initializer: .normal(0.8), bias: 0.1, seed: 21)
    let x = Fixture.inputs(rows: 6, cols: 2, seed: 4)
    let t = Fixture.targets(rows: 6, cols: 2, loss: .mse, seed: 5)
    let honest = GradientCheck.run(network: network, input: x, target: t)
    #expect(honest.allSatisfy { $0.passed })
    let results = GradientCheck.run(network: network, input: x, target: t, gradients: breakage.gradients)
    for r in results {
      #expect(r.passed == (r.layer != breakage.brokenLayer), "layer \(r.layer): \(r.maxRelativeError) at \(r.worst)")
    }
    #expect(GradientCheck.table(results).contains("FAIL"))
  }

  /// The worst entry is named 1-based, W as [output unit, input], as the inspector names it.
  /// A 2-4-3 tanh/identity network and a batch of 6 for it, with no kink anywhere.
  static func smallCheck() throws -> (network: Network, x: Matrix, t: Matrix) {
    let network = try Network(
      inputs: 2, specs: [LayerSpec(units: 4, activation: .tanh), LayerSpec(units: 3, activation: .identity)], loss: .mse, initializer: .normal(0.8),
      bias: 0.1, seed: 21)
    return (network, Fixture.inputs(rows: 6, cols: 2, seed: 4), Fixture.targets(rows: 6, cols: 3, loss: .mse, seed: 5))
  }

  @Test func theWorstEntryIsNamedOneBased() throws {
    let (network, x, t) = try Self.smallCheck()
    // Layer 2's W is 3×4: storage index 1·4 + 2 is row 1, column 2, counted from 0.
    let results = GradientCheck.run(network: network, input: x, target: t) { n, x, t, r in
      var g = GradientCheck.analytic(network: n, input: x, target: t, regularization: r)
      g.dW[1].storage[1 * 4 + 2] += 1
      g.db[0][3] += 1
      return g
    }
    #expect(results[1].worst == "W[2,3]")
    #expect(results[0].worst == "b[4]")
  }

  /// A relu unit whose z lies within h of its kink: the difference straddles it and would
  /// disagree with relu′, so the entry is left out and said to be, not failed.
  @Test(arguments: [Activation.relu, .leakyRelu])
  func differencesAcrossAKinkAreExcludedNotFailed(_ kinked: Activation) throws {
    // z₁ = 1·x + 5e−5 with x = 0: a bias nudge of −h = −1e−4 crosses z = 0.
    let layer1 = DenseLayer(weights: Matrix([[1.0]])!, bias: [5e-5], activation: kinked)
    let layer2 = DenseLayer(weights: Matrix([[2.0]])!, bias: [0.3], activation: .identity)
    let network = try Network(inputs: 1, layers: [layer1, layer2], loss: .mse)
    let x = Matrix([[0.0]])!, t = Matrix([[1.0]])!
    let results = GradientCheck.run(network: network, input: x, target: t)
    #expect(results[0].excluded >= 1)
    #expect(results.allSatisfy { $0.passed })
    #expect(GradientCheck.table(results).contains("kink"))
    // Far from the kink nothing is excluded.
    let far = try Network(
      inputs: 1, layers: [DenseLayer(weights: Matrix([[1.0]])!, bias: [0.5], activation: kinked), layer2], loss: .mse)
    #expect(GradientCheck.run(network: far, input: x, target: t).allSatisfy { $0.excluded == 0 && $0.passed })
  }

  /// GELU and SiLU at points whose values are known constants: Φ(1) = 0.8413447460685429,
  /// σ(1) = 0.7310585786300049, and both derivatives are ½ at 0.
  @Test func geluAndSiluAgreeWithKnownValues() {
    let phi1 = 0.8413447460685429, sigma1 = 0.7310585786300049
    #expect(abs(Activation.gelu.value(1) - phi1) < 3e-16)  // within two ulps
    #expect(abs(Activation.gelu.value(-1) - -(1 - phi1)) < 3e-16)
    #expect(Activation.gelu.value(0) == 0)
    #expect(Activation.gelu.derivative(z: 0, a: 0) == 0.5)
    // GELU′(1) = Φ(1) + φ(1), φ(1) = e^(−½)/√(2π) = 0.24197072451914337.
    #expect(abs(Activation.gelu.derivative(z: 1, a: phi1) - (phi1 + 0.24197072451914337)) < 1e-15)
    #expect(abs(Activation.silu.value(1) - sigma1) < 3e-16)
    #expect(Activation.silu.derivative(z: 0, a: 0) == 0.5)
    #expect(abs(Activation.silu.derivative(z: 1, a: sigma1) - sigma1 * (1 + (1 - sigma1))) < 1e-15)
    #expect(Activation.silu.value(-800) == 0)
  }

  @Test func reluAndLeakyReluOfNaNAreNaN() {
    for f in Activation.hidden {
      #expect(f.value(.nan).isNaN, "\(f.rawValue)")
      var a = Matrix(rows: 0, cols: 0)
      f.apply(Matrix([[.nan, 1.0]])!, into: &a)
      #expect(a.storage[0].isNaN, "\(f.rawValue) over a batch")
    }
    #expect(Activation.relu.value(-3) == 0)
    #expect(Activation.relu.value(2.5) == 2.5)
  }
}
