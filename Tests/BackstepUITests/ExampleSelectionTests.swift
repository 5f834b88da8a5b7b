import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// One example of the batch is selected: `,` and `.` move it, wrapping, and it stays in the batch.
@Suite("The selected example")
struct ExampleSelectionTests {
  @Test func dotAndCommaStepThroughTheBatchAndWrap() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character(" "))
    let count = state.stepper.record.input.rows
    #expect(count > 2)
    #expect(state.example == 0)
    state.handle(.character("."))
    state.handle(.character("."))
    #expect(state.example == 2)
    let row = state.stepper.record.batchIndices[2]
    #expect(state.message == "example 3 of \(count) (training row \(row + 1))")
    state.handle(.character(","))
    state.handle(.character(","))
    state.handle(.character(","))
    #expect(state.example == count - 1)
    state.handle(.character("."))
    #expect(state.example == 0)
  }

  @Test func theInspectorAndTheSelectionFollowEachOther() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character(" "))
    #expect(state.cursor.map.isPerExample)
    state.handle(.character("."))
    state.handle(.character("."))
    // The cursor on a per-example map goes to the selected example's column…
    #expect(state.cursor.column == 2)
    // …and moving it along the examples selects the example under it.
    state.handle(.right)
    #expect(state.example == 3)
    #expect(state.cursor.column == 3)
    state.handle(.left)
    state.handle(.left)
    #expect(state.example == 1)
  }

  @Test func aSmallerBatchKeepsTheSelectionInside() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character(" "))
    for _ in 0..<(state.batchExamples - 1) { state.handle(.character(",")) }
    let before = state.batchExamples
    state.handle(.character("k"))
    // The new batch size applies from the next iteration.
    state.handle(.character("n"))
    state.handle(.character(" "))
    #expect(state.batchExamples != before)
    #expect(state.example >= 0 && state.example < state.batchExamples)
  }

  @Test func aPointOfTheBatchIsSelectedAndAnotherIsNot() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character(" "))
    let batch = state.stepper.record.batchIndices
    state.update(.selectPoint(row: batch[1]))
    #expect(state.example == 1)
    let outside = try #require((0..<state.stepper.data.train.inputs.rows).first { !batch.contains($0) })
    state.update(.selectPoint(row: outside))
    #expect(state.example == 1)
    #expect(state.message == "training row \(outside + 1) is not in this batch")
  }

  static let context = RenderContext(level: .xterm256, unicode: true)

  /// Runs the loop on `state` with one click at (x, y) and returns the state after it.
  static func click(_ state: AppState, x: Int, y: Int) -> AppState {
    let clock = VirtualClock()
    let terminal = RecordingTerminal(clock: clock, script: [(0.1, .key(.mouse(x: x, y: y))), (0.2, .key(.character("q")))])
    terminal.colorLevel = context.level
    var loop = RunLoop(state: state, terminal: terminal, clock: clock)
    _ = loop.run()
    return loop.state
  }

  /// A click on a point of the surface that is in the batch selects it; one on a point outside
  /// the batch says so. Both points are read from the regions of the frame drawn.
  @Test func aClickOnThePlaneSelectsAPointOfTheBatch() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character(" "))
    state.refreshSurface(width: 120, height: 36, context: Self.context)
    let regions = Screen.draw(state, width: 120, height: 36, context: Self.context).regions
    let batch = state.stepper.record.batchIndices
    // A batch point other than the selected one, on top at its cell.
    let hit = try #require(regions.points.first { p in batch.dropFirst().contains(p.row) && regions.point(x: p.x, y: p.y) == p.row })
    let after = Self.click(state, x: hit.x, y: hit.y)
    let position = try #require(batch.firstIndex(of: hit.row))
    #expect(after.example == position)
    let miss = try #require(regions.points.first { p in !batch.contains(p.row) && regions.point(x: p.x, y: p.y) == p.row })
    let missed = Self.click(state, x: miss.x, y: miss.y)
    #expect(missed.example == 0)
    #expect(missed.message == "training row \(miss.row + 1) is not in this batch")
  }

  /// A click on a column of a per-example map selects that column's example and puts the cursor on it.
  @Test func aClickOnAnExamplesColumnSelectsIt() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character("n"))
    let regions = Screen.draw(state, width: 120, height: 36, context: Self.context).regions
    let map = try #require(regions.heatMaps.first { $0.map == .a && $0.layer == 1 })
    let (x, y) = ScreenRegionsTests.cell(of: map.geometry, shownRow: 1, shownCol: 4)
    let after = Self.click(state, x: x, y: y)
    #expect(after.example == 4 * map.geometry.poolCols)
    #expect(after.cursor == Cursor(layer: 1, row: map.geometry.poolRows, column: 4 * map.geometry.poolCols, map: .a))
  }

  /// The selected example's column is underlined in every per-example map and marked under
  /// it; its point is ringed on the surface and the legend names it.
  @Test func theSelectedExampleIsMarkedEverywhere() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character("n"))
    state.handle(.character("."))
    state.handle(.character("."))
    state.refreshSurface(width: 120, height: 36, context: Self.context)
    let drawn = Screen.draw(state, width: 120, height: 36, context: Self.context)
    for region in drawn.regions.heatMaps {
      let g = region.geometry
      let underlined = (0..<g.shownCols).filter { ec in drawn.frame[g.area.x + ec * g.cellWidth, g.area.y].attributes.contains(.underline) }
      #expect(underlined == (region.map.isPerExample ? [2 / g.poolCols] : []), "layer \(region.layer) \(region.map)")
      if region.map.isPerExample {
        let x = g.area.x + 2 / g.poolCols * g.cellWidth + (g.cellWidth - 1) / 2
        #expect(drawn.frame[x, g.area.y + g.drawnHeight].character == Glyphs.unicode.markUp)
      }
    }
    let row = try #require(state.session.trainingRow(ofExample: 2))
    let point = try #require(drawn.regions.points.last { $0.row == row })
    #expect(drawn.frame[point.x, point.y].character == Glyphs.unicode.ring)
    #expect(drawn.frame.plainText.contains("◉ example 3"))
    #expect(drawn.frame.plainText.filter { $0 == "◉" }.count == 2)
  }
}
