import BackstepCore
import Testing

@Suite("Recurrent stages: one key per time step")
struct RecurrentStepperTests {
  @Test func stageOrderForTSteps() throws {
    let s = try RecurrentFixture.stepper(dense: [3], steps: 4)
    let forward = (1...4).map { Stage.forwardStep(1, t: $0) }
    let backward = (1...4).reversed().map { Stage.backwardStep(1, t: $0) }
    let expected = forward + [.forward(2), .forward(3), .loss, .backward(3), .backward(2)] + backward + [.update]
    #expect(s.stages == expected)
    #expect(Stage.sequence(layers: 3, steps: 4) == expected)
    #expect(s.stages.map(\.label).prefix(5) == ["F1·t1", "F1·t2", "F1·t3", "F1·t4", "F2"])
    #expect(s.stages.map(\.label).suffix(3) == ["B1·t2", "B1·t1", "update"])
    #expect(Stage.backwardStep(1, t: 3).description == "backward(1, t=3)")
  }

  @Test func forwardAndBackwardOfTheLayerAreFreshAtTheirLastTimeStep() throws {
    var s = try RecurrentFixture.stepper(steps: 3)
    for _ in 0..<2 { s.advance() }
    #expect(!s.isFresh(.forward(1)))
    s.advance()
    #expect(s.lastStage == .forwardStep(1, t: 3))
    #expect(s.isFresh(.forward(1)) && !s.isFresh(.backward(1)))
    #expect(!s.isUnderWay(.backward(1)))
    while s.lastStage != .backwardStep(1, t: 2) { s.advance() }
    #expect(!s.isFresh(.backward(1)))
    // Its maps hold this iteration's δ_t from the first backward time step on.
    #expect(s.isUnderWay(.backward(1)) && s.isUnderWay(.forward(1)))
    s.advance()
    #expect(s.isFresh(.backward(1)))
  }

  @Test(arguments: [Activation.tanh, .relu])
  func stageByStageEqualsWholeIterations(_ activation: Activation) throws {
    let edit: (inout TrainingSettings) -> Void = {
      $0.regularization = Regularization(l1: 0.001, l2: 0.01, includeBiases: true)
      $0.clipping = Clipping(maxNorm: 0.5)
      $0.dropout = 0.2
    }
    let (byStage, others) = try Fixture.threeWays(iterations: 7) { try RecurrentFixture.stepper(activation: activation, edit) }
    var whole = try RecurrentFixture.stepper(activation: activation, edit)
    whole.run(iterations: 7)
    for other in others + [whole] {
      #expect(other.step == 7 && byStage.network == other.network && byStage.optimizerState == other.optimizerState)
      #expect(byStage.record.loss == other.record.loss)
      // Every time step's z, h and δ, both gradient slots and what the stages measured.
      let a = byStage.record.layers[0], b = other.record.layers[0]
      #expect(a.recurrent == b.recurrent && a.dW == b.dW && a.db == b.db)
      #expect(a.forwardReading == b.forwardReading && a.backwardReading == b.backwardReading)
    }
  }

  @Test func steppingBackReturnsToEachTimeStepExactly() throws {
    var s = try RecurrentFixture.stepper(steps: 3)
    s.finishIteration()
    var seen: [(Stage, LayerRecord)] = []
    for _ in 0..<s.stages.count - 1 {
      let stage = s.advance()
      seen.append((stage, s.record.layers[0]))
    }
    for (stage, rec) in seen.reversed().dropFirst() {
      let rewound = s.rewindStage()
      #expect(rewound)
      #expect(s.lastStage == stage)
      #expect(s.record.layers[0].z == rec.z && s.record.layers[0].a == rec.a && s.record.layers[0].delta == rec.delta, "\(stage)")
    }
  }

  @Test func stageBreakpointsSeeTimeSteps() throws {
    #expect(Stage(label: "B1·t2") == .backwardStep(1, t: 2))
    #expect(Stage(label: "f1.t3") == .forwardStep(1, t: 3))
    #expect(Stage(label: "B1·x2") == nil)
    var s = try RecurrentFixture.stepper(steps: 3)
    try s.watch(for: [.stage(.backwardStep(1, t: 2))])
    let found = s.finishIterationChecked()
    let hit = try #require(found)
    #expect(hit.stage == .backwardStep(1, t: 2))
    var whole = try RecurrentFixture.stepper(steps: 3)
    try whole.watch(for: [.stage(.backward(1))])
    // backward(1) of a recurrent layer is reached at its last time step, t = 1.
    let reached = whole.finishIterationChecked()
    #expect(reached?.stage == .backwardStep(1, t: 1))
  }

  @Test func aVerdictOnTheRecurrentLayerWaitsForItsWholeGradient() throws {
    var s = try RecurrentFixture.stepper(steps: 4)
    // Every gradient counts as vanishing: the hits name where each layer's gradient is judged.
    s.thresholds.vanishingNorm = 1e3
    s.thresholds.explodingNorm = 1e4
    try s.watch(for: [.vanishing])
    var stages: [Stage] = []
    for _ in 0..<s.stages.count {
      if let hit = s.advanceChecked() { stages.append(hit.stage) }
    }
    #expect(stages == [.backward(3), .backward(2), .backwardStep(1, t: 1)])
  }

  @Test func aRecurrentNetworkRefusesATableAndADenseOneRefusesSequences() throws {
    let table = Fixture.split(inputs: 2, outputs: 1, rows: 5, loss: .mse, seed: 1)
    #expect(throws: ConfigurationError.self) {
      try Stepper(network: try RecurrentFixture.network(), data: table, settings: TrainingSettings())
    }
    let dense = try Network(inputs: 2, specs: [LayerSpec(units: 1, activation: .identity)], loss: .mse, initializer: .xavierUniform, seed: 1)
    #expect(throws: ConfigurationError.self) { try Stepper(network: dense, data: RecurrentFixture.split(), settings: TrainingSettings()) }
  }

  @Test func aRecurrentLayerIsOnlyEverFirstAndTanhOrRelu() {
    let rnn = LayerSpec(units: 3, activation: .tanh, kind: .recurrent)
    #expect(throws: ConfigurationError.self) {
      try Network.validate(inputs: 2, specs: [LayerSpec(units: 3, activation: .tanh), rnn, LayerSpec(units: 1, activation: .identity)], loss: .mse)
    }
    #expect(throws: ConfigurationError.self) {
      try Network.validate(
        inputs: 2, specs: [LayerSpec(units: 3, activation: .sigmoid, kind: .recurrent), LayerSpec(units: 1, activation: .identity)], loss: .mse)
    }
    // Nothing after it to read h_T.
    #expect(throws: ConfigurationError.self) { try Network.validate(inputs: 2, specs: [rnn], loss: .mse) }
  }
}
