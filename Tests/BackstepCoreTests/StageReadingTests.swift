import Testing

@testable import BackstepCore

/// Each stage measures what it computed once, and everything that quotes those numbers (the
/// update's diagnostics, the screen) reads the same readings.
@Suite("Stage readings")
struct StageReadingTests {
  static func stepper(_ activation: Activation, layers: Int = 3, seed: UInt64 = 5, batch: Int? = 16) throws -> Stepper {
    let specs = Array(repeating: LayerSpec(units: 6, activation: activation), count: layers - 1) + [LayerSpec(units: 1, activation: .sigmoid)]
    let network = try Network(inputs: 2, specs: specs, loss: .bce, initializer: .normal(1.5), seed: seed)
    return try Stepper(
      network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 48, loss: .bce, seed: seed),
      settings: TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: 0.1), batchSize: batch))
  }

  @Test(arguments: [Activation.tanh, .sigmoid, .relu])
  func theForwardReadingCountsWhatTheLayerComputed(_ activation: Activation) throws {
    var s = try Self.stepper(activation)
    s.advance()
    let rec = s.record.layers[0]
    let reading = try #require(rec.forwardReading)
    let a = rec.a
    // Counted here the slow way, from the definitions in docs/diagnostics.md.
    var saturated = 0
    var dead = 0
    for v in a.storage where activation == .sigmoid ? (v < 0.01 || v > 0.99) : (activation == .tanh && abs(v) > 0.99) { saturated += 1 }
    for u in 0..<a.cols where activation == .relu && (0..<a.rows).allSatisfy({ a[$0, u] == 0 }) { dead += 1 }
    #expect(reading.saturatedFraction == Double(saturated) / Double(a.count))
    #expect(reading.deadUnits == dead)
    #expect(reading.units == 6)
    #expect(reading.meanAbsActivation == a.meanAbsolute)
    #expect(s.scale(of: .a, layer: 1).largest == a.storage.map(abs).max())
    #expect(s.scale(of: .z, layer: 1).largest == rec.z.storage.map(abs).max())
    #expect(rec.backwardReading == nil)
  }

  @Test func theUpdatesDiagnosticsAreTheStagesReadings() throws {
    var s = try Self.stepper(.tanh)
    s.run(iterations: 3)
    let diagnostics = try #require(s.history.latest)
    for (l, d) in diagnostics.layers.enumerated() {
      let forward = try #require(s.record.layers[l].forwardReading)
      let backward = try #require(s.record.layers[l].backwardReading)
      #expect(d.saturatedFraction == forward.saturatedFraction)
      #expect(d.deadFraction == forward.deadFraction)
      #expect(d.meanAbsActivation == forward.meanAbsActivation)
      #expect(d.normDW == backward.normDW && d.normDelta == backward.normDelta && d.normDb == backward.normDb)
      #expect(d.verdict == backward.verdict)
      #expect(backward.normDW == s.record.layers[l].dW.frobeniusNorm)
    }
  }

  /// One definition of the thresholds: the stepper's, at the stage.
  @Test func theVerdictAtBackwardFollowsTheStepperThresholds() throws {
    var s = try Self.stepper(.tanh)
    let stages = try #require(s.stages.firstIndex(of: .backward(1))) + 1
    var strict = s
    strict.thresholds.vanishingNorm = 1e9
    for _ in 0..<stages {
      s.advance()
      strict.advance()
    }
    let verdict = try #require(s.record.layers[0].backwardReading?.verdict)
    #expect(verdict == s.thresholds.verdict(norm: s.record.layers[0].dW.frobeniusNorm, outputNorm: s.record.layers[2].dW.frobeniusNorm))
    #expect(verdict != .vanishing)
    #expect(strict.record.layers[0].backwardReading?.verdict == .vanishing)
  }

  @Test func saturationFollowsTheStepperThresholds() throws {
    var s = try Self.stepper(.tanh)
    s.saturation.tanhMagnitude = 0
    s.advance()
    #expect(s.record.layers[0].forwardReading?.saturatedFraction == 1)
  }

  /// The fast path measures the last iteration once, so the screen reads the same numbers as
  /// after stepping through it.
  @Test func trainingFastLeavesTheSameReadingsAsStepping() throws {
    var fast = try Self.stepper(.relu)
    var slow = fast
    fast.train(iterations: 4)
    slow.run(iterations: 4)
    for l in 0..<3 {
      #expect(fast.record.layers[l].forwardReading == slow.record.layers[l].forwardReading)
      #expect(fast.record.layers[l].backwardReading == slow.record.layers[l].backwardReading)
    }
    #expect(fast.weightScales == slow.weightScales)
  }

  @Test func aScaleLeavesOutWhatIsNotFinite() {
    let scale = MapScale(of: [1, .nan, -3, .infinity, 2])
    #expect(scale.largest == 3 && scale.limit == 3)
    #expect(scale.nonFinite?.isNaN == true && scale.shown.isNaN)
    #expect(MapScale(of: [0, 0]).limit == 1)
    #expect(MapScale(of: [Double.infinity]).limit == 1 && MapScale(of: [Double.infinity]).shown == .infinity)
    let both = MapScale.combined([MapScale(of: [0.5]), MapScale(of: [-.infinity, 4]), MapScale(of: [.nan])])
    #expect(both.largest == 4 && both.nonFinite == -.infinity)
  }

  @Test func theSharedScaleIsTheLargestOverTheLayers() throws {
    var s = try Self.stepper(.tanh)
    s.finishIteration()
    for map in [ShownMap.a, .z, .delta, .dW, .weights] {
      let largest = (1...3).map { s.scale(of: map, layer: $0).largest }.max()
      #expect(s.sharedScale(of: map).largest == largest)
    }
    let everyDW = s.record.layers.flatMap(\.dW.storage).map(abs).max()
    #expect(s.sharedScale(of: .dW).largest == everyDW)
  }

  /// The weights' scales follow every change of the weights: the update, a rewind, a reset.
  @Test func weightScalesFollowTheWeights() throws {
    var s = try Self.stepper(.tanh)
    func largestW() -> Double { s.network.layers[0].weights.storage.map(abs).max() ?? 0 }
    let initial = largestW()
    #expect(s.scale(of: .weights, layer: 1).largest == initial)
    s.run(iterations: 2)
    #expect(largestW() != initial)
    #expect(s.scale(of: .weights, layer: 1).largest == largestW())
    s.rewindIteration()
    #expect(s.scale(of: .weights, layer: 1).largest == largestW())
    s.reset()
    #expect(s.scale(of: .weights, layer: 1).largest == initial)
  }
}
