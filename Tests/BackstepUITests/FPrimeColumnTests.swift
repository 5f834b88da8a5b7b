import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// f′(z) drawn as a map of its own between the first column and δ: its heading, its values
/// from the record on the core's scale, its placeholder before backward(l), the note on a
/// layer whose δ comes from the logit, and a click that lands on it.
@Suite("The f′(z) column")
struct FPrimeColumnTests {
  static let context = RenderContext(level: .xterm256, unicode: true)

  static func state() throws -> AppState { try AppState(config: RunConfiguration()) }

  static func run(_ state: inout AppState, to stage: Stage) {
    repeat { state.update(.step) } while state.stepper.lastStage != stage
  }

  @Test func aWideScreenDrawsItsHeadingAndAMapPerHiddenLayer() throws {
    var state = try Self.state()
    Self.run(&state, to: .backward(1))
    let (frame, regions) = Screen.draw(state, width: 250, height: 70, context: Self.context)
    #expect(frame.plainText.contains("f′(z)"))
    let depth = state.stepper.network.depth
    let drawn = regions.heatMaps.filter { $0.map == .fPrime }
    #expect(drawn.map(\.layer).sorted() == Array(1..<depth), "every hidden layer, not the fused output")
    #expect(frame.plainText.contains("from logit"), "δ from the logit, in the column's width")
    #expect(NetworkTable.noFPrime(layer: depth, network: state.stepper.network) == "δ from the logit")
    // Between the first column's map and δ, in every band.
    for map in drawn {
      let first = try #require(regions.heatMaps.first { $0.layer == map.layer && $0.map == state.view.quantity.map })
      let delta = try #require(regions.heatMaps.first { $0.layer == map.layer && $0.map == .delta })
      #expect(first.geometry.area.maxX <= map.geometry.area.x && map.geometry.area.maxX <= delta.geometry.area.x)
    }
  }

  /// f′(z) takes the columns its examples need, so that at 250×70 a and δ keep cells wide
  /// enough to carry their values (four columns), at one width.
  @Test func itLeavesTheFirstColumnAndDeltaTheirWidth() throws {
    var state = try Self.state()
    Self.run(&state, to: .backward(1))
    let regions = Screen.draw(state, width: 250, height: 70, context: Self.context).regions
    let a = try #require(regions.heatMaps.first { $0.layer == 1 && $0.map == .a }).geometry
    let delta = try #require(regions.heatMaps.first { $0.layer == 1 && $0.map == .delta }).geometry
    let fPrime = try #require(regions.heatMaps.first { $0.layer == 1 && $0.map == .fPrime }).geometry
    #expect(a.cellWidth == delta.cellWidth && a.cellWidth >= 4)
    #expect(fPrime.shownCols == state.batchExamples && fPrime.cellWidth < a.cellWidth)
  }

  @Test func beforeBackwardItSaysWhichStageComputesIt() throws {
    var state = try Self.state()
    let depth = state.stepper.network.depth
    Self.run(&state, to: .backward(depth))
    let (frame, regions) = Screen.draw(state, width: 250, height: 70, context: Self.context)
    #expect(regions.heatMaps.filter { $0.map == .fPrime }.isEmpty)
    for l in 1..<depth { #expect(frame.plainText.contains("comes at B\(l)")) }
  }

  @Test func aNarrowScreenLeavesItToTheInspector() throws {
    var state = try Self.state()
    Self.run(&state, to: .backward(1))
    let (frame, regions) = Screen.draw(state, width: 80, height: 24, context: Self.context)
    #expect(regions.heatMaps.allSatisfy { $0.map != .fPrime })
    #expect(!frame.plainText.contains("f′(z)"))
    #expect(state.cursorMaps(layer: 1).contains(.fPrime))
  }

  @Test func monochromeNeedsTwoColumnsAnExample() throws {
    var state = try Self.state()
    Self.run(&state, to: .backward(1))
    let mono = RenderContext(level: .none, unicode: true)
    #expect(Screen.draw(state, width: 120, height: 36, context: Self.context).regions.heatMaps.contains { $0.map == .fPrime })
    let regions = Screen.draw(state, width: 120, height: 36, context: mono).regions
    #expect(!regions.heatMaps.contains { $0.map == .fPrime }, "10 examples at 2 columns do not fit its share at 120")
    let wide = Screen.draw(state, width: 250, height: 70, context: mono).regions
    let map = try #require(wide.heatMaps.first { $0.map == .fPrime })
    #expect(!map.geometry.isPooled)
  }

  @Test func aClickOnItPutsTheCursorThereAndSelectsTheExample() throws {
    var state = try Self.state()
    Self.run(&state, to: .backward(1))
    // The run loop's terminal is 120×36, where colour gives f′(z) a column.
    let regions = Screen.draw(state, width: 120, height: 36, context: Self.context).regions
    let map = try #require(regions.heatMaps.first { $0.map == .fPrime && $0.layer == 1 })
    let (x, y) = ScreenRegionsTests.cell(of: map.geometry, shownRow: 0, shownCol: 3)
    let after = ExampleSelectionTests.click(state, x: x, y: y)
    #expect(after.cursor == Cursor(layer: 1, row: 0, column: 3, map: .fPrime))
    #expect(after.example == 3)
  }

  @Test func itsColoursSpanTheCoresScaleOverFPrimesRange() throws {
    var state = try Self.state()
    Self.run(&state, to: .backward(1))
    let table = NetworkTable(shown: state.shown)
    let span = table.span(.fPrime, layer: 1)
    let expected = ColourSpan(MapScale(largest: state.stepper.scale(of: .fPrime, layer: 1).limit), within: ShownMap.fPrime.range(activation: .tanh))
    #expect(span == expected)
  }
}
