import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// Two compared networks on screen: a table each where two fit, one at a time with the header
/// saying which where they do not, both loss curves and both networks' gradient bars.
@Suite("Comparison on screen")
struct ComparisonScreenTests {
  static let mono = RenderContext(level: .none, unicode: true)

  /// The deep sigmoid network against ReLU, three iterations in and two stages into the fourth.
  static func state() throws -> AppState {
    var state = try ComparisonStateTests.deepSigmoid()
    state.run(iterations: 3)
    for _ in 0..<2 { state.update(.step) }
    state.message = nil
    return state
  }

  static func frame(_ state: inout AppState, _ width: Int, _ height: Int, context: RenderContext = mono) -> Frame {
    state.refreshSurface(width: width, height: height, context: context)
    return Screen.render(state, width: width, height: height, context: context)
  }

  /// The row of `frame` that holds `text`, nil when none does.
  static func row(_ frame: Frame, containing text: String) -> String? {
    frame.plainText.split(separator: "\n").map(String.init).first { $0.contains(text) }
  }

  @Test(arguments: [(120, 36), (200, 60), (80, 24)])
  func snapshots(_ width: Int, _ height: Int) throws {
    var state = try Self.state()
    for level in [ColorLevel.xterm256, .none] {
      let frame = Self.frame(&state, width, height, context: RenderContext(level: level, unicode: true))
      let lines = frame.plainText.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count == height)
      expectSnapshot(frame, named: "screen-compare-\(level == .none ? "mono-" : "")\(width)x\(height)")
    }
  }

  @Test(arguments: [(120, 36), (200, 60)])
  func wideScreensDrawBothTablesEachHeadedByItsNetwork(_ width: Int, _ height: Int) throws {
    var state = try Self.state()
    let frame = Self.frame(&state, width, height)
    let layout = try #require(state.layout(width: width, height: height))
    let second = try #require(layout.second)
    #expect(second.x == layout.network.maxX, "side by side")
    let top = try #require(Self.row(frame, containing: "A: sigmoid ·"))
    #expect(top.contains("B: relu ·"))
    #expect(frame.plainText.contains("A: sigmoid vs B: relu"))
    // Each table draws its own network: A's bands say sigmoid, B's relu.
    #expect(frame.plainText.contains("sigmoid") && frame.plainText.contains("relu"))
  }

  @Test func aTallScreenStacksTheTables() throws {
    var state = try Self.state()
    let layout = try #require(state.layout(width: 100, height: 70))
    let second = try #require(layout.second)
    #expect(second.y == layout.network.maxY && second.x == layout.network.x)
    let frame = Self.frame(&state, 100, 70)
    #expect(frame.plainText.contains("A: sigmoid ·") && frame.plainText.contains("B: relu ·"))
  }

  @Test func atTheSmallestSizeTheSwitchKeyChoosesTheNetworkShown() throws {
    var state = try Self.state()
    #expect(state.layout(width: 80, height: 24)?.second == nil)
    let a = Self.frame(&state, 80, 24)
    #expect(a.plainText.contains("A: sigmoid · t shows B: relu"))
    #expect(a.plainText.contains("A: sigmoid · 200 examples"))
    #expect(!a.plainText.contains("B: relu · 200 examples"))
    state.update(.switchNetwork)
    let b = Self.frame(&state, 80, 24)
    #expect(b.plainText.contains("B: relu · t shows A: sigmoid"))
    #expect(b.plainText.contains("B: relu · 200 examples"))
    // The caption reads the network shown.
    #expect(Self.row(b, containing: "forward(")?.hasPrefix(" B: relu") == true)
  }

  /// The magnitude panel puts both networks' bars of a layer together: the sigmoid network's
  /// first layer vanishes, the ReLU network's does not.
  @Test func vanishingInANotInBIsOneGlance() throws {
    var state = try Self.state()
    let frame = Self.frame(&state, 120, 36)
    let lines = frame.plainText.split(separator: "\n").map(String.init)
    let a = try #require(lines.firstIndex { $0.contains("L1 A") })
    #expect(lines[a].contains("vanishing"))
    #expect(lines[a + 1].contains(" B ") && lines[a + 1].contains("healthy"))
    let b = try #require(state.other)
    #expect(b.stepper.history.latest?.layers[0].verdict == .healthy)
    #expect(state.stepper.history.latest?.layers[0].verdict == .vanishing)
  }

  /// One loss panel: both networks' newest train losses in its title, both curves in its legend.
  @Test func oneLossPlotHasBothCurves() throws {
    var state = try Self.state()
    let frame = Self.frame(&state, 200, 60)
    let a = try #require(state.stepper.history.newestTrainLoss)
    let b = try #require(state.other?.stepper.history.newestTrainLoss)
    let title = try #require(Self.row(frame, containing: "train loss A "))
    #expect(title.contains("A \(Format.short(a, digits: 4)) B \(Format.short(b, digits: 4))"))
    #expect(frame.plainText.contains("━ A: sigmoid") && frame.plainText.contains("B: relu"))
  }

  /// A click on either table puts the cursor on that cell, which both tables mark.
  @Test func aClickOnTheSecondTableInspectsTheSameCellInBoth() throws {
    var state = try Self.state()
    state.refreshSurface(width: 200, height: 60, context: Self.mono)
    let drawn = Screen.draw(state, width: 200, height: 60, context: Self.mono)
    let layout = try #require(state.layout(width: 200, height: 60))
    let second = try #require(layout.second)
    let region = try #require(drawn.regions.heatMaps.last { $0.geometry.area.x >= second.x && $0.map == .a && $0.layer == 1 })
    let area = region.geometry.area
    let cursor = try #require(drawn.regions.cursor(x: area.x, y: area.y))
    state.update(.select(cursor))
    #expect(state.cursor == cursor)
    #expect(state.other?.explanation != nil)
    #expect(state.session.explanation != nil)
  }

  /// The caption names the network a breakpoint held in, whichever network it reads.
  @Test func theCaptionNamesTheNetworkThatHitABreakpoint() throws {
    var state = try ComparisonStateTests.deepSigmoid(breakOn: [.vanishing])
    for _ in 0..<state.stepper.stages.count where state.message == nil { state.handle(.character(" ")) }
    let frame = Self.frame(&state, 120, 36)
    #expect(Self.row(frame, containing: "break: A: sigmoid — vanishing at B") != nil)
    state.update(.switchNetwork)
    let shownB = Self.frame(&state, 120, 36)
    #expect(Self.row(shownB, containing: "break: A: sigmoid — vanishing at B") != nil)
  }
}
