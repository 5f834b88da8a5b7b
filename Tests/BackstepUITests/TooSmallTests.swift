import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// Below the minimum size, the screen says the size the terminal is and the size it needs.
@Suite("The too-small screen")
struct TooSmallTests {
  static func lines(width: Int, height: Int, unicode: Bool = true) throws -> [String] {
    let state = try AppState(config: RunConfiguration())
    let frame = Screen.render(state, width: width, height: height, context: RenderContext(level: .none, unicode: unicode))
    return frame.plainText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  @Test(arguments: [(40, 12), (79, 40), (200, 23), (30, 2)])
  func itSaysTheSizeAndTheSizeNeeded(_ width: Int, _ height: Int) throws {
    let (w, h) = (ScreenLayout.minimumWidth, ScreenLayout.minimumHeight)
    #expect(try Self.lines(width: width, height: height) == ["terminal too small: \(width)×\(height)", "needs at least \(w)×\(h)"])
    #expect(try Self.lines(width: width, height: height, unicode: false) == ["terminal too small: \(width)x\(height)", "needs at least \(w)x\(h)"])
  }

  /// Narrower or shorter, it says less, never more than fits.
  @Test func aSmallerTerminalGetsAShorterLine() throws {
    let (w, h) = (ScreenLayout.minimumWidth, ScreenLayout.minimumHeight)
    #expect(try Self.lines(width: 30, height: 1) == ["30×1, needs \(w)×\(h)"])
    #expect(try Self.lines(width: 12, height: 3) == ["need \(w)×\(h)"])
    #expect(try Self.lines(width: 12, height: 3).allSatisfy { $0.count <= 12 })
  }

  /// At the minimum the screen is drawn.
  @Test func atTheMinimumTheScreenIsDrawn() throws {
    let lines = try Self.lines(width: ScreenLayout.minimumWidth, height: ScreenLayout.minimumHeight)
    #expect(!lines.joined().contains("too small"))
    #expect(lines.joined().contains("gradient ‖dW‖ per layer"))
  }
}
