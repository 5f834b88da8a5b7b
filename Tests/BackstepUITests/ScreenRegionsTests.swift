import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// Clicks are read from the regions the renderer drew: a click on a heat-map cell selects the
/// element that cell shows, a click elsewhere selects nothing, and after a resize the regions
/// are those of the new frame.
@Suite("Hit-testing from the regions drawn")
struct ScreenRegionsTests {
  static let context = RenderContext(level: .xterm256, unicode: true)

  static func state() throws -> AppState { try ScreenSnapshotTests.state("mid-backward") }

  /// The top-left screen cell of the drawn element (row, col) of a map, counted after pooling.
  static func cell(of geometry: HeatMap.Geometry, shownRow: Int, shownCol: Int) -> (x: Int, y: Int) {
    (geometry.area.x + shownCol * geometry.cellWidth, geometry.area.y + shownRow * geometry.pixelHeight / (geometry.halfBlocks ? 2 : 1))
  }

  @Test func everyLayerWithValuesHasARegion() throws {
    let state = try Self.state()
    let regions = Screen.draw(state, width: 120, height: 36, context: Self.context).regions
    #expect(regions.heatMaps.filter { $0.map == state.view.quantity.map }.map(\.layer).sorted() == Array(1...state.stepper.network.depth))
    for map in regions.heatMaps {
      let shape = state.displayedShape(layer: map.layer, map: map.map)
      #expect(map.geometry.shownRows * map.geometry.poolRows >= shape.rows)
      #expect(map.geometry.shownCols * map.geometry.poolCols >= shape.cols)
    }
  }

  /// Each drawn element of each map, clicked through the run loop, becomes the cursor.
  @Test func aClickOnAHeatMapCellSelectsItsElement() throws {
    let state = try Self.state()
    let regions = Screen.draw(state, width: 120, height: 36, context: Self.context).regions
    for map in regions.heatMaps {
      let g = map.geometry
      for (row, col) in [(0, 0), (g.shownRows - 1, g.shownCols - 1), (g.shownRows / 2, g.shownCols - 1)] {
        let (x, y) = Self.cell(of: g, shownRow: row, shownCol: col)
        let expected = Cursor(layer: map.layer, row: row * g.poolRows, column: col * g.poolCols, map: map.map)
        #expect(regions.cursor(x: x, y: y) == expected)
        let clock = VirtualClock()
        let terminal = RecordingTerminal(clock: clock, script: [(0.1, .key(.mouse(x: x, y: y))), (0.2, .key(.character("q")))])
        terminal.colorLevel = Self.context.level
        var loop = RunLoop(state: state, terminal: terminal, clock: clock)
        _ = loop.run()
        #expect(loop.state.cursor == expected, "a click at \(x),\(y)")
      }
    }
  }

  /// Outside the maps, on a map's strip of cells that shows no element, or under an overlay,
  /// a click leaves the cursor where it was.
  @Test func aClickElsewhereSelectsNothing() throws {
    var state = try Self.state()
    state.update(.nextLayer)
    let before = state.cursor
    let regions = Screen.draw(state, width: 120, height: 36, context: Self.context).regions
    let map = try #require(regions.heatMaps.first)
    let g = map.geometry
    var misses = [(0, 0), (119, 35), (g.area.x - 1, g.area.y)]
    if g.drawnWidth < g.area.width { misses.append((g.area.x + g.drawnWidth, g.area.y)) }
    for (x, y) in misses {
      #expect(regions.cursor(x: x, y: y) == nil, "at \(x),\(y)")
    }
    let (x, y) = Self.cell(of: g, shownRow: 0, shownCol: 0)
    let clicks = misses.map { (0.1, RecordingTerminal.Event.key(.mouse(x: $0.0, y: $0.1))) }
    for script in [clicks, [(0.1, .key(.character("?"))), (0.2, .key(.mouse(x: x, y: y)))]] {
      let clock = VirtualClock()
      let terminal = RecordingTerminal(clock: clock, script: script + [(0.5, .key(.control("c")))])
      terminal.colorLevel = Self.context.level
      var loop = RunLoop(state: state, terminal: terminal, clock: clock)
      _ = loop.run()
      #expect(loop.state.cursor == before)
    }
  }

  /// After a resize the loop keeps the regions of the frame at the new size.
  @Test func afterAResizeTheRegionsFollow() throws {
    let state = try Self.state()
    let clock = VirtualClock()
    let terminal = RecordingTerminal(clock: clock, script: [(0.1, .resize(width: 250, height: 70)), (0.2, .key(.character("q")))])
    terminal.colorLevel = Self.context.level
    var loop = RunLoop(state: state, terminal: terminal, clock: clock)
    _ = loop.run()
    let small = Screen.draw(loop.state, width: 120, height: 36, context: Self.context).regions
    let large = Screen.draw(loop.state, width: 250, height: 70, context: Self.context).regions
    #expect(loop.regions.heatMaps.map(\.geometry.area) == large.heatMaps.map(\.geometry.area))
    #expect(loop.regions.heatMaps.map(\.geometry.area) != small.heatMaps.map(\.geometry.area))
    // A cell that was on no map at the old size selects an element at the new one.
    let map = try #require(large.heatMaps.last)
    let (x, y) = Self.cell(of: map.geometry, shownRow: map.geometry.shownRows - 1, shownCol: map.geometry.shownCols - 1)
    #expect(small.cursor(x: x, y: y) == nil)
    #expect(loop.regions.cursor(x: x, y: y) == large.cursor(x: x, y: y))
    #expect(loop.regions.cursor(x: x, y: y) != nil)
  }

  /// Below the minimum size nothing is drawn to click on.
  @Test func theTooSmallScreenHasNoRegions() throws {
    let regions = Screen.draw(try Self.state(), width: ScreenLayout.minimumWidth - 1, height: ScreenLayout.minimumHeight, context: Self.context).regions
    #expect(regions.heatMaps.isEmpty)
  }
}
