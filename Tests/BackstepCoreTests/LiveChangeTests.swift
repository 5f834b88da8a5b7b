import BackstepCore
import Testing

/// A live change of the training settings takes effect from the next iteration: the one under
/// way finishes, and rewinds, with the settings it began with, which its record keeps.
@Suite("Live changes of the training settings")
struct LiveChangeTests {
  static func make() throws -> Stepper { try StepperTests.make() }

  static func faster(_ s: Stepper) -> TrainingSettings {
    var t = s.settings
    t.optimizer.lr = 0.3
    return t
  }

  @Test func aChangeMidIterationWaitsForTheNextStep() throws {
    var changed = try Self.make()
    var unchanged = try Self.make()
    for _ in 0..<3 { changed.advance() }
    let oldLR = changed.settings.optimizer.resolvedLR
    let from = try changed.reconfigure(Self.faster(changed))
    #expect(from == 2)
    #expect(changed.pending?.step == 2)
    #expect(changed.record.settings?.optimizer.resolvedLR == oldLR)
    #expect(changed.settings.optimizer.resolvedLR == oldLR)
    #expect(changed.upcomingSettings.optimizer.resolvedLR == 0.3)
    #expect(changed.reached == 3, "the iteration under way goes on")
    changed.finishIteration()
    unchanged.finishIteration()
    #expect(changed.network == unchanged.network, "step 1's update used the old learning rate")
    #expect(changed.record.settings?.optimizer.resolvedLR == oldLR)
    changed.advance()
    #expect(changed.record.step == 2)
    #expect(changed.record.settings?.optimizer.resolvedLR == 0.3)
    #expect(changed.pending == nil)
    changed.finishIteration()
    // The same change made between the iterations gives the same second step.
    try unchanged.reconfigure(Self.faster(unchanged))
    unchanged.finishIteration()
    #expect(changed.network == unchanged.network)
    #expect(changed.optimizerState == unchanged.optimizerState)
  }

  @Test func withNoIterationUnderWayTheChangeStartsAtTheNextStep() throws {
    var s = try Self.make()
    let first = try s.reconfigure(Self.faster(s))
    #expect(first == 1)
    s.run(iterations: 3)
    #expect(s.settings.optimizer.resolvedLR == 0.3)
    var t = s.settings
    t.batchSize = 4
    let fourth = try s.reconfigure(t)
    #expect(fourth == 4)
    #expect(s.schedule.batchSize == 7, "the schedule changes when the step begins")
    s.advance()
    #expect(s.record.batchIndices.count == 4)
    #expect(s.record.settings?.batchSize == 4)
  }

  @Test func changingBackToTheSettingsInEffectWithdrawsTheChange() throws {
    var s = try Self.make()
    s.advance()
    try s.reconfigure(Self.faster(s))
    #expect(s.pending != nil)
    let same = try s.reconfigure(s.settings)
    #expect(same == nil)
    #expect(s.pending == nil)
  }

  @Test func aRefusedChangeLeavesThePendingOneAlone() throws {
    var s = try Self.make()
    try s.reconfigure(Self.faster(s))
    var bad = s.settings
    bad.dropout = 1
    #expect(throws: ConfigurationError.self) { try s.reconfigure(bad) }
    #expect(s.pending?.settings.optimizer.lr == 0.3)
  }

  @Test func aNewOptimizerStartsWithEmptyBuffersAtItsFirstStep() throws {
    var s = try Self.make()
    s.finishIteration()
    for _ in 0..<2 { s.advance() }
    var t = s.settings
    t.optimizer = OptimizerSettings(kind: .sgd)
    try s.reconfigure(t)
    #expect(!s.optimizerState.buffers.isEmpty)
    s.finishIteration()
    #expect(s.settings.optimizer.kind == .adam, "step 2 ran with adam")
    s.advance()
    #expect(s.settings.optimizer.kind == .sgd)
    #expect(s.optimizerState.buffers.isEmpty && s.optimizerState.step == 2)
  }

  /// Going back a stage replays the iteration from a snapshot; with a change pending, the
  /// replayed steps still run with the settings they ran with, and the change still waits.
  @Test func rewindingWithAChangePendingStaysExact() throws {
    var rewound = try Self.make()
    var straight = try Self.make()
    rewound.run(iterations: 2)
    straight.run(iterations: 2)
    for _ in 0..<5 {
      rewound.advance()
      straight.advance()
    }
    try rewound.reconfigure(Self.faster(rewound))
    try straight.reconfigure(Self.faster(straight))
    for _ in 0..<7 {
      let went = rewound.rewindStage()
      #expect(went)
    }
    #expect(rewound.step == 1 && rewound.reached == rewound.stages.count - 2)
    #expect(rewound.pending == straight.pending)
    while rewound.record.step < 3 || rewound.reached < 5 { rewound.advance() }
    #expect(rewound.network == straight.network)
    #expect(rewound.record == straight.record)
    rewound.run(iterations: 2)
    straight.run(iterations: 2)
    #expect(rewound.network == straight.network)
    #expect(rewound.record.settings?.optimizer.resolvedLR == 0.3)
  }
}

extension LiveChangeTests {
  /// A learning rate given as the optimizer's default is no change.
  @Test func theDefaultRateGivenOrImpliedIsTheSame() throws {
    var s = try StepperTests.make { $0.optimizer = OptimizerSettings(kind: .sgd) }
    var t = s.settings
    t.optimizer.lr = t.optimizer.resolvedLR
    let from = try s.reconfigure(t)
    #expect(from == nil && s.pending == nil)
  }
}
