import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// A cursor on a map the panel has no room for (f′(z), b or db on a narrow screen) is said in
/// the legend's row, instead of being nowhere to see.
@Suite("The cursor on a map not drawn")
struct HiddenCursorTests {
  static let mono = RenderContext(level: .none, unicode: true)

  /// The default network at backward(2), the cursor moved right from a₂'s first column onto
  /// f′(z₂), which comes next in the band's order.
  static func onFPrime() throws -> AppState {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    while state.stepper.lastStage != .backward(2) { state.update(.step) }
    state.update(.select(Cursor(layer: 2, row: 0, column: state.batchExamples - 1, map: .a)))
    state.update(.moveCursor(dx: 1, dy: 0))
    #expect(state.cursor.map == .fPrime && state.cursor.layer == 2)
    return state
  }

  @Test func aNarrowScreenSaysWhereTheCursorIs() throws {
    let state = try Self.onFPrime()
    let narrow = Screen.render(state, width: 80, height: 24, context: Self.mono).plainText
    #expect(!narrow.contains("f′(z)"), "f′ has no column at 80 columns")
    #expect(narrow.contains("the cursor is on f′(z₂), not drawn"), "\(narrow)")
    // Where f′ has its column, the cursor is drawn on it and the legend is the map's own.
    let wide = Screen.render(state, width: 160, height: 48, context: RenderContext(level: .xterm256, unicode: true)).plainText
    #expect(wide.contains("f′(z)"))
    #expect(!wide.contains("not drawn"))
  }
}
