import Testing

@testable import BackstepCore

/// Every kernel path this machine runs trains every kind of network as the portable path does.
@Suite("Kernel paths")
struct KernelPathTests {
  /// One configuration of network and training.
  struct Case: CustomTestStringConvertible, Sendable {
    var hidden: [LayerSpec]
    var loss: Loss
    var optimizer: OptimizerSettings
    var regularization = Regularization()
    var clipping = Clipping()
    var dropout = 0.0
    var batchSize: Int? = 9
    /// Time steps of each example, for a network whose first layer is recurrent.
    var steps: Int?

    var testDescription: String {
      hidden.map { "\($0.kind)-\($0.units)-\($0.activation)" }.joined(separator: ",") + " \(loss) \(optimizer.kind)"
    }
  }

  /// Every hidden activation on dense layers of widths on both sides of four (the two shapes of
  /// the affine kernel), every loss, every optimizer with its variants, batchnorm, dense layers
  /// without bias, L1 and L2 (with and without biases), both kinds of clipping and dropout.
  static let cases: [Case] = {
    var optimizers = OptimizerSettings.Kind.allCases.map { OptimizerSettings(kind: $0, lr: 0.05) }
    var momentum = OptimizerSettings(kind: .sgd, lr: 0.05)
    momentum.momentum = 0.9
    var nesterov = momentum
    nesterov.nesterov = true
    var amsgrad = OptimizerSettings(kind: .adam, lr: 0.01)
    amsgrad.amsgrad = true
    amsgrad.weightDecay = 0.01
    var centered = OptimizerSettings(kind: .rmsprop, lr: 0.01)
    centered.centered = true
    centered.momentum = 0.5
    optimizers += [momentum, nesterov, amsgrad, centered]
    let regularizations = [Regularization(), Regularization(l2: 0.01), Regularization(l1: 0.001, l2: 0.01, includeBiases: true)]
    let clippings = [Clipping(), Clipping(maxNorm: 0.3), Clipping(maxValue: 0.05)]
    let losses: [Loss] = [.mse, .bce, .ce, .mseMean]
    var cases = Activation.hidden.enumerated().map { i, f in
      Case(
        hidden: [LayerSpec(units: 6 + i % 3, activation: f), LayerSpec(units: 3 + i % 2, activation: f)], loss: losses[i % 4],
        optimizer: optimizers[i % optimizers.count], regularization: regularizations[i % 3], clipping: clippings[(i / 3) % 3],
        dropout: i % 4 == 1 ? 0.2 : 0)
    }
    cases += optimizers.enumerated().map { i, o in
      Case(
        hidden: [LayerSpec(units: 5, activation: .identity, kind: .denseWithoutBias), LayerSpec(units: 5, activation: .tanh, kind: .batchNorm)],
        loss: losses[i % 4], optimizer: o, regularization: regularizations[(i + 1) % 3], clipping: clippings[i % 3], batchSize: nil)
    }
    cases += blockedCases(momentum: momentum)
    cases += recurrentCases(momentum: momentum)
    return cases
  }()

  /// Recurrent first layers (tanh and relu) over sequences of four steps, alone or under dense layers.
  static func recurrentCases(momentum: OptimizerSettings) -> [Case] {
    [
      Case(
        hidden: [LayerSpec(units: 4, activation: .tanh, kind: .recurrent), LayerSpec(units: 5, activation: .relu)], loss: .bce,
        optimizer: momentum, regularization: Regularization(l2: 0.01), steps: 4),
      Case(
        hidden: [LayerSpec(units: 3, activation: .relu, kind: .recurrent)], loss: .mse, optimizer: OptimizerSettings(kind: .adam, lr: 0.01),
        clipping: Clipping(maxNorm: 0.3), batchSize: nil, steps: 4),
      Case(
        hidden: [LayerSpec(units: 5, activation: .tanh, kind: .recurrent), LayerSpec(units: 4, activation: .sigmoid)], loss: .ce,
        optimizer: OptimizerSettings(kind: .rmsprop, lr: 0.01), steps: 3),
    ]
  }

  /// Dense networks the blocked step computes (each activation and loss it knows, a layer
  /// without bias, a batch that does not fill the last block of eight, the penalty on biases).
  static func blockedCases(momentum: OptimizerSettings) -> [Case] {
    [
      Case(
        hidden: [LayerSpec(units: 8, activation: .tanh), LayerSpec(units: 8, activation: .tanh)], loss: .bce,
        optimizer: OptimizerSettings(kind: .sgd, lr: 0.5), batchSize: nil),
      Case(
        hidden: [LayerSpec(units: 6, activation: .relu, kind: .denseWithoutBias), LayerSpec(units: 3, activation: .sigmoid)], loss: .mse,
        optimizer: momentum, regularization: Regularization(l1: 0.001, l2: 0.01, includeBiases: true), clipping: Clipping(maxNorm: 0.3)),
      Case(
        hidden: [LayerSpec(units: 5, activation: .identity)], loss: .mseMean, optimizer: OptimizerSettings(kind: .adam, lr: 0.01),
        regularization: Regularization(l2: 0.01), clipping: Clipping(maxValue: 0.05), batchSize: 13),
    ]
  }

  static func stepper(_ c: Case) throws -> Stepper {
    let outputs = c.loss == .ce ? 3 : (c.loss == .bce ? 1 : 2)
    let output: Activation = c.loss == .ce ? .softmax : (c.loss == .bce ? .sigmoid : .tanh)
    let network = try Network(
      inputs: 3, specs: c.hidden + [LayerSpec(units: outputs, activation: output)], loss: c.loss, initializer: .xavierUniform, seed: 7)
    let settings = TrainingSettings(
      optimizer: c.optimizer, regularization: c.regularization, clipping: c.clipping, dropout: c.dropout, batchSize: c.batchSize, seed: 3)
    return try Stepper(network: network, data: split(c, outputs: outputs), settings: settings)
  }

  /// 30 examples of three features, or of three features at each of `c.steps` time steps.
  static func split(_ c: Case, outputs: Int) -> DataSplit {
    guard let steps = c.steps else { return Fixture.split(inputs: 3, outputs: outputs, rows: 30, loss: c.loss, seed: 11) }
    let x = Fixture.inputs(rows: 30, cols: 3 * steps, seed: 11)
    let t = Fixture.targets(rows: 30, cols: outputs, loss: c.loss, seed: 12)
    let problem: Problem = c.loss == .bce || c.loss == .ce ? .classification : .regression
    let data = Dataset(name: "sequences", inputs: x, targets: t, problem: problem, steps: steps)
    return DataSplit(train: data, test: data.subset([]))
  }

  /// Two iterations stage by stage, then three headless: the path the screen takes and the
  /// path `train` takes.
  static func trained(_ c: Case, on path: KernelPath) throws -> Stepper {
    try KernelPath.$current.withValue(path) {
      var s = try stepper(c)
      s.run(iterations: 2)
      s.train(iterations: 3)
      return s
    }
  }

  /// The same bits, NaN for NaN.
  static func agree(_ x: [Double], _ y: [Double]) -> Bool {
    x.map(\.bitPattern) == y.map(\.bitPattern)
  }

  /// Within 1e-12 of `y`, relative to the largest magnitude of `y` (a sum that cancels to
  /// nearly 0 is judged against the size of what it sums), NaN where `y` has NaN.
  static func near(_ x: [Double], _ y: [Double]) -> Bool {
    let scale = y.lazy.filter(\.isFinite).map(abs).max() ?? 0
    return x.count == y.count && zip(x, y).allSatisfy { a, b in b.isNaN ? a.isNaN : a == b || abs(a - b) <= 1e-12 * scale }
  }

  /// The baselines keep the portable summation order and round every product, so they give
  /// its bits; a fused path (FMA, dW in lanes) gives its numbers to 1e-12 relative.
  static func matches(_ path: KernelPath) -> ([Double], [Double]) -> Bool {
    if path.isFused { return { Self.near($0, $1) } }
    return { Self.agree($0, $1) }
  }

  @Test(arguments: KernelPath.available.filter { $0 != .portable })
  func everyPathTrainsAsThePortableOneDoes(_ path: KernelPath) throws {
    let same = Self.matches(path)
    for c in Self.cases {
      let plain = try Self.trained(c, on: .portable)
      let vector = try Self.trained(c, on: path)
      #expect(vector.step == plain.step && vector.schedule == plain.schedule)
      for p in plain.network.parameters {
        #expect(same(vector.network.values(of: p.key), plain.network.values(of: p.key)), "\(c.testDescription): \(p.key)")
      }
      #expect(same([vector.record.dataLoss], [plain.record.dataLoss]) && same([vector.record.regLoss], [plain.record.regLoss]), "\(c.testDescription)")
      for (l, (v, q)) in zip(vector.record.layers, plain.record.layers).enumerated() {
        for (name, x, y) in [("z", v.z, q.z), ("a", v.a, q.a), ("δ", v.delta, q.delta), ("dW", v.dW, q.dW)] {
          #expect(same(x.storage, y.storage), "\(c.testDescription): \(name) of layer \(l + 1)")
        }
        #expect(same(v.db, q.db), "\(c.testDescription): db of layer \(l + 1)")
      }
    }
  }

  /// On every path, whole iterations (the blocked step where it applies) leave the bits that
  /// stepping stage by stage leaves: both sum in the path's order.
  @Test(arguments: KernelPath.available)
  func trainingIsSteppingOnEachPath(_ path: KernelPath) throws {
    for c in Self.cases {
      let (stepped, trained) = try KernelPath.$current.withValue(path) {
        var stepped = try Self.stepper(c), trained = try Self.stepper(c)
        stepped.run(iterations: 4)
        trained.train(iterations: 4)
        return (stepped, trained)
      }
      for p in stepped.network.parameters {
        #expect(Self.agree(trained.network.values(of: p.key), stepped.network.values(of: p.key)), "\(path) \(c.testDescription): \(p.key)")
      }
      for (l, (t, s)) in zip(trained.record.layers, stepped.record.layers).enumerated() {
        #expect(Self.agree(t.dW.storage, s.dW.storage) && Self.agree(t.db, s.db), "\(path) \(c.testDescription): gradients of layer \(l + 1)")
      }
    }
  }

  /// A fused path's numbers are not the portable bits (else the tolerance above would test
  /// nothing), and the tolerance tells one step more from the same steps.
  @Test(arguments: KernelPath.available.filter(\.isFused))
  func aFusedPathIsCloseButNotTheSame(_ path: KernelPath) throws {
    let c = Self.blockedCases(momentum: OptimizerSettings(kind: .sgd))[0]
    let plain = try Self.trained(c, on: .portable), vector = try Self.trained(c, on: path)
    let key = try #require(plain.network.parameters.first).key
    #expect(!Self.agree(vector.network.values(of: key), plain.network.values(of: key)))
    var more = try Self.stepper(c)
    try KernelPath.$current.withValue(path) {
      more = try Self.trained(c, on: path)
      more.train(iterations: 1)
    }
    #expect(!Self.near(more.network.values(of: key), plain.network.values(of: key)))
  }

  /// The comparison above can tell two runs apart: one step more is not the same network.
  @Test func theComparisonSeesOneStep() throws {
    let c = Self.cases[0]
    var once = try Self.stepper(c), twice = try Self.stepper(c)
    once.train(iterations: 1)
    twice.train(iterations: 2)
    let key = try #require(once.network.parameters.first).key
    #expect(!Self.agree(twice.network.values(of: key), once.network.values(of: key)))
  }

  /// The blocked step takes the dense networks it computes on a vector path, and nothing else.
  @Test func theBlockedStepTakesWhatItComputes() throws {
    let vectorPaths = KernelPath.available.filter { $0 != .portable }
    for c in Self.blockedCases(momentum: OptimizerSettings(kind: .sgd)) {
      let s = try Self.stepper(c)
      #expect(BlockedDenseStep(network: s.network, settings: s.settings, path: .portable) == nil)
      for path in vectorPaths { #expect(BlockedDenseStep(network: s.network, settings: s.settings, path: path) != nil, "\(c.testDescription)") }
    }
    for c in Self.cases where c.loss == .ce || c.dropout > 0 || c.hidden.contains(where: { $0.kind == .batchNorm || $0.activation == .gelu }) {
      let s = try Self.stepper(c)
      for path in vectorPaths { #expect(BlockedDenseStep(network: s.network, settings: s.settings, path: path) == nil, "\(c.testDescription)") }
    }
  }

  @Test func theSelectionFollowsTheVariable() throws {
    let none = KernelSelection(requested: nil)
    #expect(none.path == KernelPath.best && none.problem == nil)
    #expect(KernelSelection(requested: "").path == KernelPath.best)
    let portable = KernelSelection(requested: "PORTABLE")
    #expect(portable.path == .portable && portable.problem == nil)
    #expect(portable.description == "portable (BACKSTEP_KERNELS)")
    for path in KernelPath.available {
      #expect(KernelSelection(requested: path.rawValue).path == path)
    }
  }

  @Test func anUnknownOrUnavailablePathFallsBackAndSaysWhy() throws {
    let unknown = KernelSelection(requested: "avx9")
    #expect(unknown.path == KernelPath.best)
    #expect(unknown.problem?.contains("BACKSTEP_KERNELS=avx9 is not a kernel path; the paths are portable, sse2, avx2, avx512, neon") == true)
    let missing = try #require(KernelPath.allCases.first { !$0.isAvailable })
    let refused = KernelSelection(requested: missing.rawValue)
    #expect(refused.path == KernelPath.best)
    #expect(refused.problem?.contains("cannot run the \(missing.rawValue) kernels") == true)
  }

  /// The portable path is always there, and so is the baseline of the processor's family.
  @Test func theBaselinesAreAlwaysAvailable() {
    #expect(KernelPath.portable.isAvailable)
    #expect(KernelPath.sse2.isAvailable != KernelPath.neon.isAvailable)
    #expect(KernelPath.best.isAvailable && KernelPath.best != .portable)
  }
}
