import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// Run mode's speeds, paid by ticks of virtual time: what a class sees in its first seconds.
@Suite("Run speeds")
struct SpeedTests {
  /// Runs `seconds` of virtual time in frames of 1/30 s, paying what each tick owes.
  static func run(_ state: inout AppState, seconds: Double) {
    for _ in 0..<Int(seconds * 30) {
      state.update(.tick(seconds: 1.0 / 30))
      while state.owesWork { state.runOwedWork() }
    }
  }

  /// Run mode at the default speed on the default network: within two seconds of virtual
  /// time the training loss has clearly fallen, so that a class sees learning at once.
  @Test func theDefaultSpeedShowsLearningWithinSeconds() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    let first = try #require(state.stepper.history.newestTrainLoss)
    state.update(.toggleRun)
    Self.run(&state, seconds: 2)
    let now = try #require(state.stepper.history.newestTrainLoss)
    #expect(now < 0.75 * first, "train loss \(first) → \(now) after \(state.stepper.step) steps")
  }

  /// At 1000 iterations a second a frame spans 33 of them: the whole-set loss is measured on
  /// every 10th step, as at full speed; at 100 a second, on every step.
  @Test(arguments: [(0, 10), (-1, 1)])
  func fastSpeedsMeasureTheWholeSetsEveryTenthStep(_ levels: Int, _ every: Int) throws {
    var state = try AppState(config: RunConfiguration())
    if levels < 0 { state.update(.slower) }
    state.update(.toggleRun)
    Self.run(&state, seconds: 0.5)
    let h = state.stepper.history
    #expect(h.count > 20 && h.stride == 1)
    for i in 0..<h.count {
      #expect((h.trainLoss[i] != nil) == (h.step(at: i) % every == 0), "step \(h.step(at: i))")
    }
  }
}
