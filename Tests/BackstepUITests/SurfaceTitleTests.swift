import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The surface panel's title is whole at every size: a shorter wording where the long one
/// would be cut.
@Suite("Surface panel title")
struct SurfaceTitleTests {
  @Test(arguments: [(80, 24), (100, 30), (120, 36), (200, 60)])
  func theTitleIsNeverCut(width: Int, height: Int) throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    let text = Screen.render(state, width: width, height: height, context: RenderContext(level: .none, unicode: true)).plainText
    let line = try #require(text.split(separator: "\n").first { $0.contains("┌ output over") }, "\(text)")
    let title = try #require(line.split(separator: "┌ ").last)
    #expect(!title.contains("…"), "\(line)")
    #expect(title.hasPrefix("output over the input plane") || title.hasPrefix("output over inputs"), "\(line)")
  }
}
