import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The caption's rows are shared by priority: the inspector stays visible at 80×24, and the
/// stage's line gives up whole clauses, never a number.
@Suite("Caption rows")
struct CaptionRowsTests {
  /// Every stage of an iteration of the default network, after three iterations.
  static func states() throws -> [AppState] {
    var state = try AppState(config: RunConfiguration())
    for _ in 0..<3 { state.update(.finishIteration) }
    var states: [AppState] = []
    for _ in 0..<state.stepper.stages.count {
      state.update(.step)
      states.append(state)
    }
    return states
  }

  @Test(arguments: [(80, 24), (100, 30)])
  func theInspectorStaysAndNoLabelLosesItsNumber(width: Int, height: Int) throws {
    for state in try Self.states() {
      let text = Screen.render(state, width: width, height: height, context: RenderContext(level: .none, unicode: true)).plainText
      let lines = text.split(separator: "\n").map(String.init)
      let inspect = try #require(lines.firstIndex { $0.hasPrefix(" inspect ") }, "\(text)")
      // The stage's line ends just above the inspector: never on a label whose number was cut.
      #expect(!lines[inspect - 1].trimmingSuffix(" ").hasSuffix("="), "a label without its number: \(lines[inspect - 1])")
    }
  }

  @Test func theStageLineGivesUpClausesAndTheInspectorItsHint() {
    let stage = Line([("forward(2) ", .accent), ("z = a·Wᵀ + b. ", .formula), ("numbers are 10×4; mean |a| = 0.09706, 0% saturated.", .caption)])
    let inspector = Line([("inspect a = 0.5", .text), ("   (arrows move, Tab next layer)", .dim)])
    let fitted = CaptionRows(stage: stage, inspector: inspector, warning: nil).fitted(width: 40, height: 2)
    #expect(fitted.count == 2 && fitted.allSatisfy { $0.1 == 1 })
    let texts = fitted.map { $0.0.runs.map(\.0).joined() }
    #expect(texts.first?.hasSuffix(", …") == true || texts.first?.hasSuffix("; …") == true || texts.first?.hasSuffix(". …") == true, "\(texts)")
    #expect(texts.last == "inspect a = 0.5")
    // With room, every line is whole.
    let roomy = CaptionRows(stage: stage, inspector: inspector, warning: nil).fitted(width: 200, height: 3)
    #expect(roomy.map { $0.0.runs.map(\.0).joined() } == [stage, inspector].map { $0.runs.map(\.0).joined() })
  }

  /// Once a NaN or ∞ has appeared, the warning that says where keeps its row at 80×24; the
  /// inspector gives way to it.
  @Test func theNaNWarningOutranksTheInspector() throws {
    let stage = Line([("loss ", .accent), ("L = inf.", .caption)])
    let warning = Line([("NaN/∞ first appeared at F2 of step 3, in z.", .warning)])
    let inspector = Line([("inspect a = 0.5", .text)])
    let fitted = CaptionRows(stage: stage, inspector: inspector, warning: warning).fitted(width: 78, height: 2)
    #expect(fitted.map { $0.0.runs.map(\.0).joined() } == [warning, stage].map { $0.runs.map(\.0).joined() })
    let state = try ScreenSnapshotTests.state("exploding-nan")
    let text = Screen.render(state, width: 80, height: 24, context: RenderContext(level: .none, unicode: true)).plainText
    #expect(text.contains("NaN/∞ first appeared"))
  }
}

extension String {
  fileprivate func trimmingSuffix(_ c: Character) -> Substring {
    var s = Substring(self)
    while s.last == c { s.removeLast() }
    return s
  }
}
