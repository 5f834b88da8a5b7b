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
    #expect(LossTitle.freshBatchLoss(state.session, running: state.runner.running) == nil)
    #expect(!LossTitle.text(state.session, running: state.runner.running, width: 200).contains("batch"))
    repeat { state.update(.step) } while state.stepper.lastStage != .loss
    #expect(LossTitle.freshBatchLoss(state.session, running: state.runner.running) == state.stepper.record.loss)
    // Run mode's frames fall anywhere in an iteration: the title keeps to the history.
    state.update(.toggleRun)
    #expect(LossTitle.freshBatchLoss(state.session, running: state.runner.running) == nil)
  }

  @Test func theTitleFitsAndKeepsTheLabelledAccuracy() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    let h = state.stepper.history
    let acc = try #require(h.newestTestAccuracy)
    let label = "test acc " + Screen.accuracy(acc, losses: [h.newestTrainLoss, h.newestTestLoss])
    let full = LossTitle.text(state.session, running: state.runner.running, width: 200)
    #expect(full.contains("train " + Format.short(try #require(h.newestTrainLoss), digits: 4)))
    for width in label.count...full.count {
      let title = LossTitle.text(state.session, running: state.runner.running, width: width)
      #expect(title.count <= width, "width \(width): \(title)")
      #expect(title.hasSuffix(label), "width \(width): \(title)")
    }
  }

  @Test func theAxisTurnsLogBeyondTwoDecades() {
    #expect(ValueRange(of: [2, 0.5, 0.001]).spans(moreThan: 2))
    #expect(!ValueRange(of: [2, 0.5, 0.03]).spans(moreThan: 2))
    // A zero cannot sit on a log axis, however wide the rest.
    #expect(!ValueRange(of: [2, 0, 0.0001]).spans(moreThan: 2))
    #expect(!ValueRange().spans(moreThan: 2))
    let wide = ValueRange(of: [2, 0.001])
    #expect(LossAxis.auto.isLog(wide) && !LossAxis.linear.isLog(wide))
    #expect(LossAxis.log.isLog(ValueRange(of: [0.7, 0.6])) && !LossAxis.auto.isLog(ValueRange(of: [0.7, 0.6])))
  }

  @Test func yCyclesTheLossAxisApartFromTheHeatMapsScale() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    #expect(state.view.lossAxis == .auto)
    let key = KeyMap.key(for: .cycleLossAxis)
    #expect(key != KeyMap.key(for: .toggleLogScale))
    var seen: [LossAxis] = []
    for _ in 0..<3 {
      state.handle(.character(try #require(key.first)))
      seen.append(state.view.lossAxis)
      let text = Screen.render(state, width: 120, height: 36, context: Self.mono).plainText
      #expect(text.contains((state.view.lossAxis.isLog(state.stepper.history.lossRange) ? "log y" : "linear y")))
    }
    #expect(seen == [.log, .linear, .auto])
    #expect(!state.view.logScale)
  }

  @Test func tickLabelsNeverRepeat() throws {
    let close = LossPlot.tickLabels([0.69321, 0.693205, 0.6932])
    #expect(close.compactMap { $0 }.count == 3 && Set(close.compactMap { $0 }).count == 3)
    #expect(close.allSatisfy { ($0?.count ?? 0) <= LossPlot.labelWidth })
    // Too close for six digits: the middle goes, and the bottom when it equals the top.
    let same = LossPlot.tickLabels([0.5, 0.5, 0.5])
    #expect(same[0] == "0.5" && same[1] == nil && same[2] == nil)
    // Drawn: a nearly flat series has distinct labels on its axis.
    let flat: [Double?] = (0..<30).map { 0.6932 + Double($0) * 1e-6 }
    var frame = Frame(width: 40, height: 10)
    LossPlot(train: flat, test: [], range: ValueRange(of: flat)).render(in: frame.bounds, into: &frame, context: Self.mono)
    let labels = frame.plainText.split(separator: "\n").compactMap { $0.split(separator: "│").first.map(String.init) }.filter { $0.first?.isNumber == true }
    #expect(labels.count >= 2 && Set(labels).count == labels.count, "\(labels)")
    // One value: its step is written once.
    var one = Frame(width: 40, height: 10)
    LossPlot(train: [0.7], test: [0.71], range: ValueRange(of: [0.7, 0.71])).render(in: one.bounds, into: &one, context: Self.mono)
    let axis = try #require(one.plainText.split(separator: "\n").last { $0.contains("step") })
    #expect(axis.trimmingCharacters(in: .whitespaces) == "step 1")
  }
}
