import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The loss panel says what the core computed: the loss of the loss stage before any update,
/// and a title that keeps the accuracy, labelled, at every width.
@Suite("The loss panel")
struct LossPanelTests {
  static let mono = RenderContext(level: .none, unicode: true)

  static func state(stages: Int) throws -> AppState {
    var state = try AppState(config: RunConfiguration())
    for _ in 0..<stages { state.update(.step) }
    return state
  }

  @Test func atTheLossStageThePanelShowsTheLossJustComputed() throws {
    var state = try AppState(config: RunConfiguration())
    repeat { state.update(.step) } while state.stepper.lastStage != .loss
    #expect(state.stepper.history.count == 0)
    let text = Screen.render(state, width: 120, height: 36, context: Self.mono).plainText
    let loss = Format.short(state.stepper.record.loss, digits: 4)
    #expect(text.contains("batch loss \(loss) at step 1"))
    #expect(text.contains("batch \(loss)"))
    #expect(!text.contains("no loss yet"))
    // Before the loss stage there is nothing to show yet.
    let before = Screen.render(try Self.state(stages: 1), width: 120, height: 36, context: Self.mono).plainText
    #expect(before.contains("no loss yet"))
  }

  @Test func theBatchLossLeavesTheTitleOnceTheUpdateHasRun() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    #expect(LossTitle.freshBatchLoss(state.stepper) == nil)
    #expect(!LossTitle.text(state.stepper, width: 200).contains("batch"))
    repeat { state.update(.step) } while state.stepper.lastStage != .loss
    #expect(LossTitle.freshBatchLoss(state.stepper) == state.stepper.record.loss)
  }

  @Test func theTitleFitsAndKeepsTheLabelledAccuracy() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    let h = state.stepper.history
    let acc = try #require(h.newestTestAccuracy)
    let label = "test acc " + Screen.accuracy(acc, losses: [h.newestTrainLoss, h.newestTestLoss])
    let full = LossTitle.text(state.stepper, width: 200)
    #expect(full.contains("train " + Format.short(try #require(h.newestTrainLoss), digits: 4)))
    for width in label.count...full.count {
      let title = LossTitle.text(state.stepper, width: width)
      #expect(title.count <= width, "width \(width): \(title)")
      #expect(title.hasSuffix(label), "width \(width): \(title)")
    }
  }
}
