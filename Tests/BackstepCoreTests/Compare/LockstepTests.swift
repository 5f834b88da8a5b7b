import BackstepCore
import Testing

/// Two steppers stepped together: always in the same iteration, whatever their depths.
@Suite("Lockstep")
struct LockstepTests {
  /// A two-layer network against a four-layer one: 5 and 9 stages an iteration.
  static func pair(_ change: String = "layers=4,4,4", batch: Int = 10) throws -> Comparison {
    var c = RunConfiguration()
    c.points = 60
    c.layers = [4]
    c.batchSize = batch
    c.compare = try SettingsChange(change)
    return try c.makeComparison()
  }

  /// Stage by stage, each network runs its own stages and the shorter one waits at its update:
  /// after t stages of an iteration a network of n stages has run min(t, n).
  @Test func steppingKeepsBothOnTheSameIteration() throws {
    var p = try Self.pair()
    let (n, m) = (p.left.stages.count, p.right.stages.count)
    #expect(n < m)
    for iteration in 1...3 {
      for t in 1...m {
        Lockstep.step(&p.left, &p.right)
        #expect(p.left.record.step == iteration && p.right.record.step == iteration)
        #expect(p.left.reached == min(t, n) && p.right.reached == t)
      }
    }
    #expect(p.left.step == 3 && p.right.step == 3)
  }

  /// Rewinding a stage undoes a step exactly: the same stages reached, the same weights.
  @Test func rewindingAStageUndoesAStep() throws {
    var p = try Self.pair()
    var states: [(Int, Int, Int, Network, Network)] = []
    for _ in 0..<(2 * p.right.stages.count + 3) {
      states.append((p.left.record.step, p.left.reached, p.right.reached, p.left.network, p.right.network))
      Lockstep.step(&p.left, &p.right)
    }
    for state in states.reversed() {
      #expect(Lockstep.rewindStage(&p.left, &p.right))
      #expect(p.left.record.step == p.right.record.step)
      #expect(p.left.record.step == state.0 && p.left.reached == state.1 && p.right.reached == state.2)
      #expect(p.left.network == state.3 && p.right.network == state.4)
    }
  }

  /// Rewinding an iteration takes both back to the end of the same earlier step; at the start
  /// there is nothing to go back to in either.
  @Test func rewindingAnIterationKeepsThemTogether() throws {
    var p = try Self.pair()
    Lockstep.run(&p.left, &p.right, iterations: 4)
    for _ in 0..<3 { Lockstep.step(&p.left, &p.right) }
    for expected in [4, 3, 2, 1, 0] {
      #expect(Lockstep.rewindIteration(&p.left, &p.right))
      #expect(p.left.step == expected && p.right.step == expected)
      #expect(p.left.reached == p.left.stages.count && p.right.reached == p.right.stages.count)
    }
    #expect(!Lockstep.rewindIteration(&p.left, &p.right))
    #expect(!Lockstep.rewindStage(&p.left, &p.right))
  }

  /// Both run the same number of iterations in an epoch: as many as the network with the
  /// smaller batches needs to cross its boundary.
  @Test func anEpochIsTheLongerOfTheTwo() throws {
    var p = try Self.pair("batch-size=5", batch: 10)
    Lockstep.runEpoch(&p.left, &p.right)
    #expect(p.left.step == p.right.step)
    #expect(p.right.epoch == 1 && p.left.epoch >= 1)
    #expect(p.right.step == p.right.schedule.stepsPerEpoch)
  }

  /// Training fast runs the same iterations in both, ending on a finished iteration.
  @Test func trainingRunsBoth() throws {
    var p = try Self.pair()
    Lockstep.step(&p.left, &p.right)
    Lockstep.train(&p.left, &p.right, iterations: 5)
    #expect(p.left.step == 6 && p.right.step == 6)
    Lockstep.reset(&p.left, &p.right)
    #expect(p.left.step == 0 && p.right.step == 0)
  }

  /// A breakpoint says which network hit it, and stops both at that stage of the same iteration.
  @Test func aBreakpointNamesItsNetwork() throws {
    var p = try Self.pair("break-on=stage:B2")
    let hits = Lockstep.finishIterationChecked(&p.left, &p.right)
    #expect(hits.map(\.side) == [.right])
    #expect(hits.first?.hit.stage == .backward(2))
    #expect(p.left.record.step == 1 && p.right.record.step == 1)
    #expect(p.right.lastStage == .backward(2))
    #expect(hits.first?.description.hasPrefix("B: ") == true)
    #expect(Lockstep.finishIterationChecked(&p.left, &p.right).isEmpty)
    #expect(p.left.reached == p.left.stages.count && p.right.reached == p.right.stages.count)
  }
}

/// A lesson's `run: {until: …}` in a comparison.
@Suite("Lockstep run targets")
struct LockstepTargetTests {
  /// `step:N` waits for both networks to complete step N; a stage stops at the first network that runs it.
  @Test func aTargetHoldsInEitherNetwork() throws {
    var p = try LockstepTests.pair()
    #expect(Lockstep.run(&p.left, &p.right, until: try RunTarget(parsing: "step:3")) == .left)
    #expect(p.left.step == 3 && p.right.step == 3)
    #expect(p.left.reached == p.left.stages.count && p.right.reached == p.right.stages.count)
    // B4 is a stage of the four-layer network only.
    #expect(Lockstep.run(&p.left, &p.right, until: try RunTarget(parsing: "B4")) == .right)
    #expect(p.right.lastStage == .backward(4) && p.right.record.step == 4 && p.left.record.step == 4)
    // The two-layer network finished step 4 at the same time; B2 comes next in the other.
    #expect(Lockstep.run(&p.left, &p.right, until: try RunTarget(parsing: "B2")) == .right)
    #expect(p.right.lastStage == .backward(2) && p.left.reached == p.left.stages.count)
    // Both begin step 5 with F1: the left network is named first.
    #expect(Lockstep.run(&p.left, &p.right, until: try RunTarget(parsing: "F1")) == .left)
    #expect(p.left.record.step == 5 && p.right.record.step == 5 && p.right.reached == 1)
  }
}
