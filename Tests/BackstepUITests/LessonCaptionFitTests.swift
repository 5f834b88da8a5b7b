import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// What the lesson's panel leaves out of a caption too long for it, counted as the panel wraps
/// and drops rows, and a step's own arrow keys, which move the cursor.
@Suite("A lesson's caption in its panel")
struct LessonCaptionFitTests {
  static func state(caption: String, keys: [String] = ["n"]) throws -> AppState {
    let lesson = Lesson(
      title: "Fit", summary: "", setup: RunConfiguration(),
      steps: [LessonStep(play: .keys(keys), caption: try CaptionTemplate(parsing: caption), expectations: [], line: 1)])
    var state = try AppState(lesson: lesson)
    state.playNextLessonStep()
    return state
  }

  static func screen(_ state: AppState, _ width: Int, _ height: Int) -> String {
    var state = state
    let context = RenderContext(level: .none, unicode: true)
    state.refreshSurface(width: width, height: height, context: context)
    return Screen.render(state, width: width, height: height, context: context).plainText
  }

  /// Words of six cells, `word10` to `word99`, so that each takes the same room on a row: n of
  /// them take 7n − 1 columns.
  static func words(_ n: Int) -> String { (10..<(10 + n)).map { "word\($0)" }.joined(separator: " ") }

  /// 76 text columns at 80×24 hold 11 words a row and the panel 4 rows: 44 words fit, and of 66
  /// the last 2 rows are left out. 116 columns at 120×36 hold 16 a row and the panel 7 rows.
  @Test(arguments: [(44, 0), (66, 2)])
  func theRowsPastThePanelAreCountedAndNotDrawn(words: Int, hidden: Int) throws {
    let state = try Self.state(caption: Self.words(words))
    let player = try #require(state.lesson)
    let last = "word\(9 + words)"
    #expect(LessonPanel.hiddenRows(player, width: 80, height: 24) == hidden)
    let screen = Self.screen(state, 80, 24)
    #expect(screen.contains("word10 "))
    #expect(screen.contains("word53"))
    #expect(screen.contains("word54") == (hidden == 0 && words > 44))
    #expect(screen.contains(last) == (hidden == 0))
    #expect(LessonPanel.hiddenRows(player, width: 120, height: 36) == 0)
    #expect(Self.screen(state, 120, 36).contains(last))
  }

  @Test func aStepsArrowsMoveTheCursorWhereAPersonsPlayTheLesson() throws {
    let state = try Self.state(caption: "{step}", keys: ["n", "→", "→", "↑"])
    #expect(state.lesson?.played == 1)
    #expect(state.cursor.column == 2)
    #expect(state.example == 2)
    #expect(state.cursor.layer == 2)
  }

  @Test func showingWAndBackKeepsTheSelectedExampleUnderTheCursor() throws {
    let state = try Self.state(caption: "{step}", keys: [".", ".", "v", "v", "v"])
    #expect(state.view.quantity == .a)
    #expect(state.example == 2)
    #expect(state.cursor.column == 2)
  }
}
