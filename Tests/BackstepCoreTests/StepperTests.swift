import BackstepCore
import Testing

@Suite("The stepper")
struct StepperTests {
  static func make(
    hidden: [Int] = [4, 3], activation: Activation = .tanh, loss: Loss = .bce, seed: UInt64 = 42,
    _ edit: (inout TrainingSettings) -> Void = { _ in }
  ) throws -> Stepper {
    let outputs = loss == .ce ? 3 : 1
    let output: Activation = loss == .ce ? .softmax : (loss == .bce ? .sigmoid : .identity)
    let specs = hidden.map { LayerSpec(units: $0, activation: activation) } + [LayerSpec(units: outputs, activation: output)]
    let network = try Network(inputs: 2, specs: specs, loss: loss, initializer: .xavierUniform, seed: seed)
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .adam, lr: 0.01), batchSize: 7, seed: seed)
    edit(&settings)
    return try Stepper(network: network, data: Fixture.split(inputs: 2, outputs: outputs, rows: 20, loss: loss, seed: seed), settings: settings)
  }

  @Test func stagesComeInOrder() throws {
    var s = try Self.make()
    let expected: [Stage] = [.forward(1), .forward(2), .forward(3), .loss, .backward(3), .backward(2), .backward(1), .update]
    #expect(s.stages == expected)
    for round in 0..<2 {
      for stage in expected {
        #expect(s.nextStage == stage)
        #expect(s.advance() == stage, "round \(round)")
        #expect(s.isFresh(stage))
      }
      #expect(s.step == round + 1)
    }
    s.advance()
    #expect(s.isFresh(.forward(1)) && !s.isFresh(.forward(2)))
  }

  @Test(arguments: [Loss.bce, .ce, .mse])
  func stageByStageEqualsWholeIterations(_ loss: Loss) throws {
    let edit: (inout TrainingSettings) -> Void = {
      $0.dropout = 0.2
      $0.regularization = Regularization(l1: 0.001, l2: 0.01)
      $0.clipping = Clipping(maxNorm: 0.5)
    }
    let (byStage, others) = try Fixture.threeWays(iterations: 13) { try Self.make(loss: loss, edit) }
    for other in others {
      #expect(other.step == 13)
      #expect(byStage.network == other.network)
      #expect(byStage.optimizerState == other.optimizerState)
      #expect(byStage.schedule == other.schedule)
      #expect(byStage.record.loss == other.record.loss)
      #expect(byStage.record.batchIndices == other.record.batchIndices)
      for l in 0..<byStage.network.depth {
        let a = byStage.record.layers[l], b = other.record.layers[l]
        #expect(a.z == b.z && a.a == b.a && a.delta == b.delta, "layer \(l + 1)")
        #expect(a.dW == b.dW && a.db == b.db, "layer \(l + 1)")
      }
    }
    // The lean path is a different code path: prove the comparison can tell runs apart.
    var shorter = try Self.make(loss: loss, edit)
    shorter.train(iterations: 12)
    #expect(shorter.network != byStage.network)
  }

  @Test func aStepUsesTheGradientOfAnIndependentPass() throws {
    var s = try Self.make { $0.regularization = Regularization(l2: 0.05) }
    let before = s.network
    s.finishIteration()
    let g = GradientCheck.analytic(
      network: before, input: s.record.input, target: s.record.target, regularization: Regularization(l2: 0.05))
    for l in 0..<before.depth {
      #expect(s.record.layers[l].dW == g.dW[l])
      #expect(s.record.layers[l].db == g.db[l])
    }
    #expect(s.record.loss == g.loss)
  }

  @Test func sameSeedSameRunDifferentSeedDifferentRun() throws {
    let edit: (inout TrainingSettings) -> Void = { $0.dropout = 0.3 }
    var a = try Self.make(seed: 5, edit)
    var b = try Self.make(seed: 5, edit)
    var c = try Self.make(seed: 6, edit)
    a.run(iterations: 25)
    b.run(iterations: 25)
    c.run(iterations: 25)
    #expect(a.network == b.network)
    #expect(a.history == b.history)
    #expect(a.network != c.network)
  }

  @Test func batchesFollowTheModuloRuleWithoutShuffling() {
    var schedule = BatchSchedule(count: 10, batchSize: 4, shuffle: false, seed: 1)
    #expect(schedule.next() == [0, 1, 2, 3])
    #expect(schedule.next() == [4, 5, 6, 7])
    #expect(schedule.next() == [8, 9, 0, 1])
    #expect(schedule.epoch == 1)
  }

  @Test func shuffledEpochsArePermutations() {
    var schedule = BatchSchedule(count: 9, batchSize: 3, shuffle: true, seed: 8)
    var epoch: [Int] = []
    for _ in 0..<3 { epoch += schedule.next() }
    #expect(epoch.sorted() == Array(0..<9))
    #expect(epoch != Array(0..<9))
    var again = BatchSchedule(count: 9, batchSize: 3, shuffle: true, seed: 8)
    #expect(again.next() == Array(epoch[0..<3]))
  }

  @Test func runEpochCrossesOneEpoch() throws {
    var s = try Self.make()  // 20 rows, batches of 7
    s.runEpoch()
    #expect(s.epoch == 1)
    #expect(s.step == 3)
  }

  @Test func rewindingAStageReproducesTheSameValues() throws {
    var s = try Self.make()
    s.run(iterations: 3)
    for _ in 0..<5 { s.advance() }
    let recordAtFive = s.record
    s.advance()
    let rewound = s.rewindStage()
    #expect(rewound)
    #expect(s.reached == 5)
    #expect(s.record == recordAtFive)
    s.advance()
    var fresh = try Self.make()
    fresh.run(iterations: 3)
    for _ in 0..<6 { fresh.advance() }
    #expect(s.record == fresh.record)
  }

  @Test func rewindingAnIterationThenSteppingAgainGivesTheSameNumbers() throws {
    var s = try Self.make()
    s.run(iterations: 10)
    let network10 = s.network
    let history10 = s.history
    let rewound = s.rewindIteration()
    #expect(rewound)
    #expect(s.step == 9)
    #expect(s.history.count == 9 && s.history.entries.last?.step == 9)
    #expect(s.network != network10)
    s.finishIteration()
    #expect(s.network == network10)
    #expect(s.history == history10)
  }

  @Test func rewindStopsAtTheStart() throws {
    var s = try Self.make()
    let atStart = s.rewindStage()
    #expect(!atStart)
    s.advance()
    let rewound = s.rewindStage()
    #expect(rewound)
    #expect(s.step == 0 && s.lastStage == nil)
    let beforeStart = s.rewindIteration()
    #expect(!beforeStart)
  }

  @Test func resetRestoresTheInitialWeights() throws {
    var s = try Self.make()
    let initial = s.network
    s.run(iterations: 4)
    s.reset()
    #expect(s.network == initial && s.step == 0 && s.history.count == 0)
  }

  @Test func clippingByNormFollowsTorch() {
    var tensors: [[Double]] = [[3, 0], [0, 4]]
    let coef = Clipping(maxNorm: 1).apply(to: &tensors)
    #expect(abs(coef - 1 / (5 + 1e-6)) < 1e-15)
    #expect(abs(Clipping.globalNorm(tensors) - 5 / (5 + 1e-6)) < 1e-12)
    var small: [[Double]] = [[0.3, 0.4]]
    let untouched = Clipping(maxNorm: 1).apply(to: &small)
    #expect(untouched == 1)
    #expect(small == [[0.3, 0.4]])
    var values: [[Double]] = [[-3, 0.5, 2]]
    Clipping(maxValue: 1).apply(to: &values)
    #expect(values == [[-1, 0.5, 1]])
  }

  @Test func dropoutMasksHiddenUnitsOnly() throws {
    var s = try Self.make { $0.dropout = 0.5 }
    s.advance()
    let mask = try #require(s.record.layers[0].mask)
    #expect(mask.storage.allSatisfy { $0 == 0 || $0 == 2 })
    #expect(mask.storage.contains(0) && mask.storage.contains(2))
    s.advance()
    s.advance()
    #expect(s.record.layers[2].mask == nil)
    s.finishIteration()
    // A dropped unit passes no gradient back.
    for i in 0..<mask.count where mask.storage[i] == 0 {
      #expect(s.record.layers[0].delta.storage[i] == 0)
    }
  }

  @Test func evaluationReportsLossAndAccuracy() throws {
    var s = try Self.make()
    s.run(iterations: 2)
    let d = try #require(s.history.latest)
    #expect(d.trainLoss != nil && d.trainAccuracy != nil)
    #expect(d.testLoss == nil)
    #expect((0...1).contains(d.trainAccuracy ?? -1))
  }

  @Test func theRewindHistoryOfTheReferenceNetworkFitsInItsBudget() throws {
    var s = try Self.make(hidden: [8, 8]) { $0.optimizer = OptimizerSettings(kind: .sgd) }
    s.run(iterations: 1000)
    // 105 parameters of 8 bytes, one step in 10 kept: about 85 bytes a step.
    #expect(s.rewindByteCount <= 101 * 105 * 8)
    #expect(s.oldestRewindableStep == 0)
  }

  /// Snapshots are kept one step in ten; every step in between is replayed to exactly.
  @Test func rewindingEveryStepBackMatchesAFreshRun() throws {
    var reference = try Self.make()
    var networks = [reference.network]
    for _ in 0..<27 {
      reference.finishIteration()
      networks.append(reference.network)
    }
    var s = reference
    for step in stride(from: 26, through: 0, by: -1) {
      let rewound = s.rewindIteration()
      #expect(rewound)
      #expect(s.step == step)
      #expect(s.network == networks[step], "step \(step)")
    }
    let pastTheStart = s.rewindIteration()
    #expect(!pastTheStart)
    s.run(iterations: 27)
    #expect(s.network == reference.network)
    #expect(s.history == reference.history)
  }

  /// The history bounds how far back rewinding goes, and says so.
  @Test func rewindingStopsAtTheOldestKeptSnapshot() throws {
    let network = try Self.make().network
    var s = try Stepper(network: network, data: Self.make().data, settings: Self.make().settings, historyLimit: 20)
    s.run(iterations: 100)
    let oldest = s.oldestRewindableStep
    // One snapshot in 10, enough of them for 20 steps from anywhere: steps 80, 90 and 100.
    #expect(oldest == 80)
    var rewinds = 0
    while s.rewindIteration() { rewinds += 1 }
    #expect(s.step == oldest)
    #expect(rewinds == 20)
    // Reset still reaches the initial weights, which are always kept.
    s.reset()
    #expect(s.network == network && s.step == 0)
  }

  /// A run longer than the history's capacity keeps every other step, then every fourth, …
  /// with the same values as a run that kept them all.
  @Test func aLongHistoryIsThinnedNotLost() throws {
    var all = try Self.make()
    all.run(iterations: 4095)
    #expect(all.history.count == 4095 && all.history.stride == 1)
    var long = try Self.make()
    long.run(iterations: 5000)
    let h = long.history
    #expect(h.stride == 2 && h.count == 2500)
    #expect(h.latest?.step == 5000)
    for i in 0..<2047 {
      #expect(h.step(at: i) == 2 * i + 2)
      #expect(h.batchLoss[i].bitPattern == all.history.batchLoss[2 * i + 1].bitPattern)
      #expect(h.normDW[0][i].bitPattern == all.history.normDW[0][2 * i + 1].bitPattern)
    }
    #expect(h.entries.map(\.step) == (0..<h.count).map(h.step(at:)), "the whole diagnostics are thinned with the series")
  }
}

@Suite("The fast training path")
struct FastPathTests {
  @Test(arguments: [OptimizerSettings.Kind.sgd, .adam, .rmsprop])
  func trainMatchesStepByStage(_ kind: OptimizerSettings.Kind) throws {
    let edit: (inout TrainingSettings) -> Void = {
      $0.optimizer = OptimizerSettings(kind: kind)
      $0.dropout = 0.1
      $0.regularization = Regularization(l1: 0.001, l2: 0.01)
      $0.clipping = Clipping(maxNorm: 1, maxValue: 0.3)
    }
    var fast = try StepperTests.make(edit)
    var plain = try StepperTests.make(edit)
    fast.train(iterations: 40)
    plain.run(iterations: 40)
    #expect(fast.step == plain.step)
    #expect(fast.schedule == plain.schedule)
    for (a, b) in zip(fast.network.layers, plain.network.layers) {
      for (x, y) in zip(a.weights.storage + a.bias, b.weights.storage + b.bias) {
        #expect(abs(x - y) <= 1e-12 * max(1, abs(y)))
      }
    }
    #expect(fast.optimizerState.step == plain.optimizerState.step)
  }
}
