import BackstepCore
import Foundation
import Testing

/// Batch normalisation as PyTorch's BatchNorm1d: numbers worked by hand, finite differences
/// in both modes, the running statistics, saving and rewinding.
@Suite("Batch normalisation")
struct BatchNormTests {
  /// x `[3 × 2]` with column means 3 and 4 and biased variances 8/3 and 8/3.
  static let x = Matrix([[1, 2], [3, 6], [5, 4]])!
  static let layer = BatchNormLayer(
    gamma: [2, 0.5], beta: [0.1, -0.3], runningMean: [0, 0], runningVar: [1, 1], momentum: 0.1, eps: 1e-5, activation: .identity)

  @Test func forwardByHand() {
    var record = LayerRecord()
    Layer.batchNorm(Self.layer).preActivation(Self.x, mode: .training, into: &record)
    let stats = try! #require(record.batchNorm)
    #expect(stats.mean == [3, 4])
    #expect(abs(stats.variance[0] - 8.0 / 3) < 1e-15 && abs(stats.variance[1] - 8.0 / 3) < 1e-15)
    let s = 1 / (8.0 / 3 + 1e-5).squareRoot()
    let xhat: [Double] = [-2 * s, -2 * s, 0, 2 * s, 2 * s, 0]
    for i in 0..<6 {
      #expect(abs(stats.xhat.storage[i] - xhat[i]) < 1e-15)
      let (g, b) = i % 2 == 0 ? (2.0, 0.1) : (0.5, -0.3)
      #expect(abs(record.z.storage[i] - (g * xhat[i] + b)) < 1e-15)
    }
    // Running statistics move by momentum 0.1, the variance unbiased: 8/3 · 3/2 = 4.
    #expect(abs(stats.runningMean[0] - 0.3) < 1e-16 && abs(stats.runningMean[1] - 0.4) < 1e-16)
    #expect(abs(stats.runningVar[0] - 1.3) < 1e-15 && abs(stats.runningVar[1] - 1.3) < 1e-15)
  }

  @Test func evaluationUsesTheRunningStatistics() {
    var record = LayerRecord()
    var trained = Self.layer
    trained.runningMean = [1, -1]
    trained.runningVar = [4, 0.25]
    Layer.batchNorm(trained).preActivation(Self.x, mode: .evaluation, into: &record)
    for (i, xi) in Self.x.storage.enumerated() {
      let j = i % 2
      let expected = trained.gamma[j] * (xi - trained.runningMean[j]) / (trained.runningVar[j] + 1e-5).squareRoot() + trained.beta[j]
      #expect(abs(record.z.storage[i] - expected) < 1e-15)
    }
    #expect(record.batchNorm?.runningMean == trained.runningMean)
  }

  @Test func backwardByHand() {
    var record = LayerRecord()
    let layer = Layer.batchNorm(Self.layer)
    layer.preActivation(Self.x, mode: .training, into: &record)
    record.delta = Matrix([[1, 0], [0, 0], [0, 0]])!
    layer.backward(x: Self.x, record: &record, regularization: Regularization(l2: 5), passDown: true)
    let s = 1 / (8.0 / 3 + 1e-5).squareRoot()
    // dγ = Σ δ⊙x̂ and dβ = Σ δ; L2 never reaches γ or β.
    #expect(abs(record.dW.storage[0] - -2 * s) < 1e-15 && record.dW.storage[1] == 0)
    #expect(record.db == [1, 0])
    // dL/dx = γ·s/B · (B·δ − Σδ − x̂·Σ δ⊙x̂), column 0: (2s/3)·[2 − 4s², −1, −1 + 4s²].
    let expected = [2 - 4 * s * s, -1, -1 + 4 * s * s].map { 2 * s / 3 * $0 }
    for i in 0..<3 {
      #expect(abs(record.dAPrev[i, 0] - expected[i]) < 1e-15)
      #expect(record.dAPrev[i, 1] == 0)
    }
  }

  static func network(hidden: Activation = .tanh, seed: UInt64 = 5) throws -> Network {
    let specs = LayerSpec.withBatchNorm([LayerSpec(units: 4, activation: hidden), LayerSpec(units: 3, activation: hidden)])
    var network = try Network(
      inputs: 2, specs: specs + [LayerSpec(units: 1, activation: .sigmoid)], loss: .bce, initializer: .xavierUniform, seed: seed)
    // γ and β away from 1 and 0, so that their gradients are checked where they matter.
    for p in network.parameters where p.key.name == .gamma || p.key.name == .beta {
      network.modify(p.key) { v in for i in v.indices { v[i] += 0.3 * Double(i + 1) - 0.2 } }
    }
    return network
  }

  @Test(arguments: [Activation.tanh, .sigmoid, .gelu])
  func finiteDifferencesAgreeInTrainingMode(_ hidden: Activation) throws {
    let network = try Self.network(hidden: hidden)
    #expect(network.architecture == "2-4+bn-3+bn-1 " + (hidden == .sigmoid ? "sigmoid" : "\(hidden.rawValue)/sigmoid"))
    #expect(network.parameters.map(\.key.name) == [.weights, .gamma, .beta, .weights, .gamma, .beta, .weights, .biases])
    let x = Fixture.inputs(rows: 6, cols: 2, seed: 3)
    let t = Fixture.targets(rows: 6, cols: 1, loss: .bce, seed: 4)
    let results = GradientCheck.run(network: network, input: x, target: t, regularization: Regularization(l2: 0.01))
    for r in results {
      #expect(r.maxRelativeError < 1e-6, "layer \(r.layer): \(r.maxRelativeError) at \(r.worst)")
    }
  }

  static func stepper(_ network: Network, batch: Int? = 5) throws -> Stepper {
    let settings = TrainingSettings(optimizer: OptimizerSettings(kind: .adam, lr: 0.05), batchSize: batch, seed: 2)
    return try Stepper(network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 20, loss: .bce, seed: 8), settings: settings)
  }

  /// The running statistics move once per step, in that step's forward, from its batch; the
  /// evaluation after the update, replaying stages and rewinding leave them as they were.
  @Test func runningStatisticsMoveOncePerStep() throws {
    var s = try Self.stepper(try Self.network())
    let before = try #require(s.network.layers[1].batchNorm)
    s.advance()  // forward(1)
    #expect(s.network.layers[1].batchNorm == before)
    s.advance()  // forward(2): the batchnorm layer
    let stats = try #require(s.record.layers[1].batchNorm)
    let moved = try #require(s.network.layers[1].batchNorm)
    let b = Double(s.record.input.rows)
    for j in 0..<4 {
      #expect(abs(moved.runningMean[j] - (0.9 * before.runningMean[j] + 0.1 * stats.mean[j])) < 1e-15)
      #expect(abs(moved.runningVar[j] - (0.9 * before.runningVar[j] + 0.1 * stats.variance[j] * b / (b - 1))) < 1e-15)
    }
    s.finishIteration()
    #expect(s.network.layers[1].batchNorm?.runningMean == moved.runningMean)
    // Back one stage and forward again: the same numbers, not a second move.
    s.rewindStage()
    s.advance()
    #expect(s.network.layers[1].batchNorm?.runningMean == moved.runningMean)
    // Rewinding to the start restores the initial statistics with the parameters.
    s.reset()
    #expect(s.network.layers[1].batchNorm == before)
  }

  @Test func stageByStageEqualsTheLeanPath() throws {
    var byStage = try Self.stepper(try Self.network())
    var lean = try Self.stepper(try Self.network())
    for _ in 0..<(9 * byStage.stages.count) { byStage.advance() }
    lean.train(iterations: 9)
    #expect(byStage.network == lean.network)
    #expect(byStage.optimizerState == lean.optimizerState)
    #expect(byStage.stages.count == 5 + 1 + 5 + 1)
  }

  @Test func aBatchOfOneRowIsRefused() throws {
    let error = try #require(throws: ConfigurationError.self) { try Self.stepper(try Self.network(), batch: 1) }
    #expect(error.message.contains("batchnorm") && error.setting == "batch-size")
  }

  @Test func saveAndLoadKeepRunningStatisticsAndBuffers() throws {
    var s = try Self.stepper(try Self.network())
    s.run(iterations: 7)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bn-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile(network: s.network, training: s.settings, optimizerState: s.optimizerState, schedulePosition: s.schedule.position)
      .save(path: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(#""type":"batchnorm""#) && text.contains("running_var"))
    let loaded = try ModelFile.load(path: path)
    #expect(loaded.network == s.network)
    #expect(loaded.optimizerState == s.optimizerState)
    // The dense layer below a batchnorm layer has no bias, in memory and in the file.
    #expect(loaded.network.layers[0].dense?.hasBias == false)
    // Resuming from the file continues exactly as the run would have.
    var resumed = try Stepper(
      network: loaded.network, data: s.data, settings: s.settings, resuming: (try #require(loaded.optimizerState), s.schedule.position))
    s.run(iterations: 3)
    resumed.run(iterations: 3)
    #expect(resumed.network == s.network)
  }
}
