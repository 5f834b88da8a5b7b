import BackstepCore
import Foundation
import TermGrid
import Testing

@testable import BackstepUI

/// Run mode at every speed stops at the stage where a breakpoint first holds, with the screen
/// on it and the breakpoint named; the run loop on a virtual clock does the same and stays
/// paused; stepping by hand reports a hit and steps on.
@Suite("Run mode stops at breakpoints")
struct RunModeBreakTests {
  static func config(_ base: RunConfiguration, _ breakOn: [BreakCondition]) -> RunConfiguration {
    var c = base
    c.breakOn = breakOn
    return c
  }

  /// A configuration from its JSON (the field names of ``RunConfiguration``), with breakpoints.
  static func config(_ json: String, _ breakOn: [BreakCondition]) throws -> RunConfiguration {
    config(try JSONDecoder().decode(RunConfiguration.self, from: Data(json.utf8)), breakOn)
  }

  /// The exploding and vanishing lessons, a ReLU network with its biases far below zero, a
  /// learning rate too small to move the loss, and the default network.
  static let cases: [(String, @Sendable () throws -> RunConfiguration)] = [
    ("exploding", { config(ExtremeValueTests.exploding(), [.exploding]) }),
    (
      "exploding, raised",
      { try config(#"{"explodingNorm": 1e9, "explodingRatio": 1e9}"#, []).overridden(by: config(ExtremeValueTests.exploding(), [.exploding])) }
    ),
    ("vanishing", { try config(#"{"layers": [8, 8, 8, 8, 8, 8, 8], "activation": "sigmoid", "lr": 0.1, "batchSize": 0, "seed": 3}"#, [.vanishing]) }),
    ("dead", { try config(#"{"layers": [8, 8], "activation": "relu", "biasInit": -1.5}"#, [.dead(fraction: 0.5)]) }),
    ("plateau", { try config(#"{"lr": 1e-7, "batchSize": 0}"#, [.plateau(steps: 30)]) }),
    ("step", { config(RunConfiguration(), [.step(12)]) }),
    ("stage", { config(RunConfiguration(), [.stage(.backward(2))]) }),
    ("loss<", { config(RunConfiguration(), [.lossBelow(0.6)]) }),
  ]

  /// Where checked stepping stops (``BreakpointTests`` in the core checks it against the values).
  static func firstHit(_ config: RunConfiguration) throws -> BreakHit? {
    var s = try AppState(config: config).stepper
    for _ in 0..<2000 {
      if let hit = s.finishIterationChecked() { return hit }
    }
    return nil
  }

  static func runUntilStopped(_ state: inout AppState, level: Int) {
    while state.runner.speedLevel < level { state.update(.faster) }
    while state.runner.speedLevel > level { state.update(.slower) }
    state.update(.toggleRun)
    for _ in 0..<40_000 where state.runner.running {
      state.update(.tick(seconds: 0.05))
      for _ in 0..<50 where state.owesWork { state.runOwedWork() }
    }
  }

  @Test(arguments: cases.indices, Array(Speed.allCases.indices))
  func runModeStopsAtTheStageOfTheStep(_ i: Int, _ level: Int) throws {
    let (name, config) = Self.cases[i]
    let found = try Self.firstHit(config())
    let expected = try #require(found, "\(name) never held")
    var state = try AppState(config: config())
    Self.runUntilStopped(&state, level: level)
    #expect(!state.runner.running)
    #expect(state.stepper.record.step == expected.step, "\(name) at \(state.runner.speed.label)")
    #expect(state.stepper.lastStage == expected.stage, "\(name) at \(state.runner.speed.label)")
    #expect(state.message == "break: \(expected)")
    #expect(state.stepper.breakpoints.entries.first { $0.condition == expected.condition }?.hits == 1)
    // The screen is on that stage, and the status line and the caption name the breakpoint.
    let text = Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: true)).plainText
    let label = Screen.stageLabel(expected.stage, unicode: true)
    #expect(text.contains("[\(label)]"))
    #expect(text.components(separatedBy: "break: \(expected.condition) at \(label) of step \(expected.step)").count == 3, "\(text)")
  }

  /// The exploding lesson on the run loop in virtual time: p runs, the break pauses it and
  /// every frame after shows the same stage; `:break off` and p run on past it.
  @Test func theRunLoopPausesAtTheBreakAndGoesOnWhenAsked() throws {
    let config = Self.config(ExtremeValueTests.exploding(), [.exploding])
    let expected = try #require(try Self.firstHit(config))
    let later = 2 + AppState.messageHoldSeconds
    let (loop, terminal, _) = try RunLoopTests.run(
      RunLoopTests.keys("p", at: 0.1) + RunLoopTests.keys("q", at: later), state: AppState(config: config))
    #expect(!loop.state.runner.running)
    #expect(loop.state.stepper.record.step == expected.step && loop.state.stepper.lastStage == expected.stage)
    let label = Screen.stageLabel(expected.stage, unicode: true)
    let last = try #require(terminal.frames.last).plainText
    #expect(last.contains("break: \(expected)"))
    #expect(last.contains("[\(label)]"))

    let resume = RunLoopTests.keys("p", at: 0.1) + RunLoopTests.keys(":break off", at: 1) + [(1, .key(.enter))] + RunLoopTests.keys("p", at: 1.5)
    let (goneOn, _, _) = try RunLoopTests.run(resume + RunLoopTests.keys("q", at: 1.6), state: AppState(config: config))
    #expect(goneOn.state.stepper.breakpoints.isEmpty)
    #expect(goneOn.state.stepper.record.step > expected.step || goneOn.state.stepper.reached > expected.stage.index(layers: 7) + 1)
  }

  @Test func steppingByHandReportsAHitAndStepsOn() throws {
    var state = try AppState(config: Self.config(RunConfiguration(), [.stage(.loss)]))
    while state.stepper.lastStage != .loss { state.update(.step) }
    #expect(state.message == "break: stage:loss at loss of step 1")
    #expect(Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: true)).plainText.contains("break: stage:loss"))
    state.update(.step)
    #expect(state.stepper.lastStage == .backward(3))
    #expect(state.message == nil)
    #expect(!Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: true)).plainText.contains("break:"))
  }

  @Test func thePromptSetsListsAndClearsBreakpointsAndThresholds() throws {
    var state = try AppState(config: RunConfiguration())
    #expect(state.stepper.breakpoints == .standard)
    state.runCommand("break exploding, plateau:50")
    // nan stays on the list, first, unless the list names it or is off.
    #expect(state.stepper.breakpoints.conditions == [.nan, .exploding, .plateau(steps: 50)])
    #expect(state.config.breakOn == [.exploding, .plateau(steps: 50)])
    #expect(state.message == "breakpoints: nan,exploding,plateau:50")
    state.runCommand("break")
    #expect(state.overlay == .breakpoints)
    state.runCommand("break vanish")
    #expect(state.message?.hasPrefix("unknown breakpoint 'vanish'") == true, "\(state.message ?? "")")
    #expect(state.stepper.breakpoints.conditions == [.nan, .exploding, .plateau(steps: 50)])
    state.runCommand("break stage:B9")
    #expect(state.message?.hasPrefix("cannot: breakpoint stage:B9 names layer 9") == true, "\(state.message ?? "")")
    #expect(state.config.breakOn == [.exploding, .plateau(steps: 50)])
    state.runCommand("break off")
    #expect(state.stepper.breakpoints.isEmpty)
    #expect(state.message == "no breakpoints")
    state.update(.step)
    state.runCommand("exploding-norm 50")
    #expect(state.stepper.thresholds.explodingNorm == 50)
    #expect(state.stepper.reached == 1, "a threshold changes nothing already computed")
    state.runCommand("vanishing-norm 100")
    #expect(state.message?.hasPrefix("cannot: vanishing-norm (100) must lie below exploding-norm (50)") == true, "\(state.message ?? "")")
    #expect(state.stepper.thresholds.vanishingNorm == VerdictThresholds().vanishingNorm)
  }

  @Test func theOverlayListsHitsAndSwitchesBreakpoints() throws {
    var state = try AppState(config: Self.config(RunConfiguration(), [.stage(.loss), .exploding]))
    for _ in 0..<2 { state.update(.finishIteration) }
    state.stepper.finishIteration()
    while state.stepper.lastStage != .loss { state.update(.step) }
    state.handle(.character("!"))
    #expect(state.overlay == .breakpoints)
    var text = Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: true)).plainText
    #expect(text.contains("on  stage:loss  1 hit"))
    #expect(text.contains("on  exploding   0 hits"))
    // The list is nan, stage:loss, exploding: nan is watched unless the list is off.
    #expect(state.stepper.breakpoints.conditions == [.nan, .stage(.loss), .exploding])
    state.handle(.character("3"))
    #expect(!state.stepper.breakpoints.entries[2].enabled)
    state.handle(.down)
    state.handle(.down)
    state.handle(.up)
    state.handle(.character(" "))
    #expect(!state.stepper.breakpoints.entries[1].enabled)
    #expect(state.stepper.breakpoints.entries[0].enabled)
    text = Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: true)).plainText
    #expect(text.contains("off stage:loss"))
    state.handle(.escape)
    #expect(state.overlay == .none)
    // Switched off, the loss stage no longer stops run mode; a rebuild keeps it off.
    state.update(.newSeed)
    #expect(!state.stepper.breakpoints.entries[1].enabled && state.stepper.breakpoints.entries[1].hits == 1)
  }
}
