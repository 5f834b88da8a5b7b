import BackstepCore
import Testing

/// Finding the first NaN or infinity: the stage whose output first holds one, exactly.
@Suite("Stepping to the first non-finite value")
struct StepperFiniteTests {
  /// A deep ReLU network trained by plain SGD with a learning rate of 10: every step
  /// overshoots further, until a value overflows.
  static func exploding() throws -> Stepper {
    try StepperTests.make(hidden: [16, 16, 16, 16], activation: .relu, loss: .mse) { settings in
      settings.optimizer = OptimizerSettings(kind: .sgd, lr: 10)
    }
  }

  /// What a stage put in the record, read directly, and whether all of it is finite.
  static func outputIsFinite(_ s: Stepper, _ stage: Stage) -> Bool {
    switch stage {
    case .forward(let l), .forwardStep(let l, _): s.record.layers[l - 1].z.isFinite && s.record.layers[l - 1].a.isFinite
    case .loss: s.record.loss.isFinite
    case .backward(let l), .backwardStep(let l, _): s.record.layers[l - 1].delta.isFinite && s.record.layers[l - 1].dW.isFinite
    case .update: s.network.layers.allSatisfy { $0.weights.isFinite && $0.bias.allSatisfy(\.isFinite) }
    }
  }

  /// Walks stage by stage with `advance()` and returns the step and stage whose output was
  /// first not finite.
  static func firstNonFiniteByWalking(_ start: Stepper, limit: Int = 5000) -> (step: Int, stage: Stage)? {
    var s = start
    for _ in 0..<limit {
      let stage = s.advance()
      if !outputIsFinite(s, stage) { return (s.record.step, stage) }
    }
    return nil
  }

  @Test func checkedIterationsStopAtTheStageAStageByStageWalkFindsFirst() throws {
    let start = try Self.exploding()
    let expected = try #require(Self.firstNonFiniteByWalking(start), "the exploding network never reached NaN or ∞")
    var s = start
    var fault: Stepper.StageFault?
    for _ in 0..<1000 where fault == nil { fault = s.finishIterationChecked()?.fault }
    let found = try #require(fault)
    #expect(found.event.step == expected.step && found.event.stage == expected.stage)
    #expect(s.record.step == expected.step)
    #expect(s.lastStage == expected.stage, "the stepper went on past the stage")
    #expect(s.firstNonFinite == found.event)
    #expect(!Self.outputIsFinite(s, expected.stage))
  }

  @Test func aCheckedStageSaysWhetherItsOutputIsFinite() throws {
    var s = try Self.exploding()
    for _ in 0..<3000 {
      let before = s.reached == s.stages.count ? 0 : s.reached
      let fault = s.advanceChecked()?.fault
      let stage = s.stages[before]
      #expect((fault == nil) == Self.outputIsFinite(s, stage), "at \(stage) of step \(s.record.step)")
      if let fault {
        #expect(fault.event.stage == stage && fault.event.step == s.record.step)
        return
      }
    }
    Issue.record("the exploding network never reached NaN or ∞")
  }

  /// Checking changes nothing: the same stages in the same order, bit for bit.
  @Test func checkedIterationsEqualPlainOnes() throws {
    var plain = try RunConfiguration().resolve().makeStepper()
    var checked = plain
    for _ in 0..<5 {
      plain.finishIteration()
      #expect(checked.finishIterationChecked() == nil)
    }
    plain.advance()
    checked.advanceChecked()
    #expect(plain.network == checked.network)
    #expect(plain.record == checked.record)
    #expect(plain.history == checked.history)
  }
}
