import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// Run mode stops on the first NaN or infinity at the stage and step where it appeared, with
/// the screen on that stage, at every speed.
@Suite("Run mode stops at the first non-finite value")
struct RunModeStopTests {
  /// Where a stage-by-stage walk of demos/07-exploding.yaml's settings first sees a NaN or ∞.
  static func firstFaultByWalking() throws -> Stepper.StageFault? {
    var s = try AppState(config: ExtremeValueTests.exploding()).stepper
    for _ in 0..<5000 {
      if let fault = s.advanceChecked()?.fault { return fault }
    }
    return nil
  }

  @Test(arguments: Array(Speed.allCases.indices))
  func runModeStopsAtTheExactStage(_ level: Int) throws {
    let expected = try #require(try Self.firstFaultByWalking(), "the exploding network never reached NaN or ∞")
    var state = try AppState(config: ExtremeValueTests.exploding())
    RunModeBreakTests.runUntilStopped(&state, level: level)
    #expect(!state.runner.running)
    #expect(state.stepper.record.step == expected.event.step, "at \(state.runner.speed.label)")
    #expect(state.stepper.lastStage == expected.event.stage, "at \(state.runner.speed.label)")
    let label = Screen.stageLabel(expected.event.stage, unicode: true)
    let what = expected.isNaN ? "NaN" : "infinity"
    #expect(state.message?.hasPrefix("stopped: first \(what) at \(label) of step \(expected.event.step)") == true, "\(state.message ?? "")")
    // The screen shows that stage as the current one, and the status line says so.
    let text = Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: true)).plainText
    #expect(text.contains("[\(label)]"))
    #expect(text.contains("first \(what) at \(label) of step \(expected.event.step)"))
  }
}
