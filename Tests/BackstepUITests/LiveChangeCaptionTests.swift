import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// After a live change, the captions of the stages already run name the settings they ran
/// with, the header shows the change as pending, and the status line says from which step.
@Suite("Captions after a live change")
struct LiveChangeCaptionTests {
  static func type(_ line: String, into state: inout AppState) {
    state.handle(.character(":"))
    for c in line { state.handle(.character(c)) }
    state.handle(.enter)
  }

  static func header(_ state: AppState) -> String {
    var frame = Frame(width: 160, height: 1)
    Header(session: state.session, runner: state.runner).render(in: frame.bounds, into: &frame, context: RenderContext(level: .none, unicode: true))
    return frame.plainText
  }

  static func caption(_ state: AppState) -> String { ScreenReadsCoreTests.caption(state) }

  @Test func theUpdateOfTheIterationUnderWayUsesTheOldRateAndSaysSo() throws {
    var state = try AppState(config: RunConfiguration())
    var reference = state
    let old = state.stepper.settings.optimizer.resolvedLR
    ScreenReadsCoreTests.run(&state, to: .loss)
    Self.type("lr 0.3", into: &state)
    #expect(state.message == "lr 0.3 from step 2")
    #expect(Self.header(state).contains("lr=\(Format.short(old))→0.3"))
    ScreenReadsCoreTests.run(&state, to: .update)
    #expect(Self.caption(state).contains("W ← W − \(Caption.f(old))·dW"))
    reference.update(.finishIteration)
    #expect(state.stepper.network == reference.stepper.network, "step 1 moved the weights by the old rate")
    state.update(.finishIteration)
    #expect(Self.caption(state).contains("W ← W − 0.3·dW"))
    #expect(Self.header(state).contains("lr=0.3 "))
    #expect(!Self.header(state).contains("→"))
  }

  /// A pending change is what a teacher just did: the header keeps it whole down to 80 columns.
  @Test func thePendingChangeStaysWholeInANarrowHeader() throws {
    var state = try AppState(config: RunConfiguration())
    Self.type("opt adam", into: &state)
    Self.type("l2 0.001", into: &state)
    for width in ScreenLayout.minimumWidth...160 {
      var frame = Frame(width: width, height: 1)
      Header(session: state.session, runner: state.runner).render(in: frame.bounds, into: &frame, context: RenderContext(level: .none, unicode: true))
      #expect(frame.plainText.contains("sgd→adam lr=0.03→0.001"), "width \(width): \(frame.plainText)")
    }
    #expect(Self.header(state).contains("L2 0→0.001"))
  }

  @Test func aChangeBetweenIterationsNamesTheNextStep() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    state.update(.finishIteration)
    state.handle(.character("k"))
    let rows = try #require(state.config.batchSize)
    #expect(state.message == "batch size \(rows) from step 3")
    #expect(Self.header(state).contains("batch \(state.stepper.schedule.batchSize)→\(rows)"))
  }

  /// Before the first stage, the caption names the batch the next iteration will draw.
  @Test func theReadyLineNamesThePendingBatchSize() throws {
    var state = try AppState(config: RunConfiguration())
    Self.type("batch 32", into: &state)
    #expect(Self.caption(state).contains("on a batch of 32 examples"))
    #expect(state.stepper.schedule.batchSize == 10)
  }

  @Test func theLearningRateKeysCountFromThePendingRate() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.step)
    state.handle(.character("]"))
    state.handle(.character("]"))
    #expect(state.message == "lr 0.3 from step 2")
    state.handle(.character("["))
    state.handle(.character("["))
    #expect(state.message == "lr 0.03 as now: no change pending")
    #expect(state.stepper.pending == nil)
  }

  @Test(arguments: [("opt adam", "opt adam, lr 0.001 (its default), from step 1"), ("opt adagrad", "opt adagrad, lr 0.01 (its default), from step 1")])
  func aNewOptimizerSaysWhichRateItChose(_ line: String, _ said: String) throws {
    var state = try AppState(config: RunConfiguration())
    Self.type(line, into: &state)
    #expect(state.message == said)
  }

  @Test func theOptimizerKeySaysWhichRateItChose() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    state.handle(.character("o"))
    let o = state.stepper.upcomingSettings.optimizer
    #expect(state.message == "optimizer \(state.config.optimizer ?? ""), lr \(Format.short(o.resolvedLR)) (its default), from step 2")
  }

  /// Going back a stage with a change pending shows the stages as they ran, and the change
  /// still waits for its step.
  @Test func goingBackWithAChangePendingKeepsItPending() throws {
    var state = try AppState(config: RunConfiguration())
    ScreenReadsCoreTests.run(&state, to: .backward(1))
    Self.type("lr 0.3", into: &state)
    state.handle(.character("b"))
    #expect(state.stepper.pending?.step == 2)
    ScreenReadsCoreTests.run(&state, to: .update)
    #expect(Self.caption(state).contains("0.03·dW"))
  }
}
