import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The inspector's cursor can sit on any map of a band (the first column's, f′(z), δ, dW, db), crosses
/// from map to map and band to band at the edges, and is put on any drawn cell by a click.
@Suite("The cursor on every map")
struct CursorOnEveryMapTests {
  static let context = RenderContext(level: .xterm256, unicode: true)

  /// A run with a whole iteration done, so that every map has values.
  static func state() throws -> AppState {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character("n"))
    return state
  }

  @Test func theCursorCrossesToTheNeighbouringMapAtAnEdge() throws {
    var state = try Self.state()
    let examples = state.batchExamples
    let inputs = state.stepper.network.layers[0].inputs
    state.handle(.left)
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: 0, map: .a))
    for _ in 0..<examples { state.handle(.right) }
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: 0, map: .fPrime))
    for _ in 0..<examples { state.handle(.right) }
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: 0, map: .delta))
    for _ in 0..<examples { state.handle(.right) }
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: 0, map: .dW))
    for _ in 0..<inputs { state.handle(.right) }
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: 0, map: .db))
    // db is the band's last map, one column wide: the cursor stops on it.
    for _ in 0..<3 { state.handle(.right) }
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: 0, map: .db))
    state.handle(.left)
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: inputs - 1, map: .dW))
    for _ in 0..<inputs { state.handle(.left) }
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: examples - 1, map: .delta))
    for _ in 0..<examples { state.handle(.left) }
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: examples - 1, map: .fPrime))
  }

  /// The output layer's δ comes straight from the logit (sigmoid with bce): it has no f′ map,
  /// and the cursor goes from a to δ.
  @Test func aFusedOutputLayerHasNoFPrimeToStopOn() throws {
    var state = try Self.state()
    let depth = state.stepper.network.depth
    #expect(!state.cursorMaps(layer: depth).contains(.fPrime))
    #expect(state.cursorMaps(layer: 1).contains(.fPrime))
    for _ in 0..<(depth - 1) { state.handle(.tab) }
    #expect(state.cursor.layer == depth)
    for _ in 0..<state.batchExamples { state.handle(.right) }
    #expect(state.cursor.map == .delta)
  }

  @Test func theCursorCrossesToTheBandAboveAndBelowOnTheSameMap() throws {
    var state = try Self.state()
    for _ in 0..<(2 * state.batchExamples) { state.handle(.right) }
    #expect(state.cursor.map == .delta && state.cursor.layer == 1)
    // The output's band is at the top: up from layer 1's first row is layer 2's last.
    state.handle(.up)
    let units2 = state.stepper.network.layers[1].units
    #expect(state.cursor == Cursor(layer: 2, row: units2 - 1, column: 0, map: .delta))
    state.handle(.down)
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: 0, map: .delta))
    // Layer 1 is the bottom band: down from its last row stays on it.
    let units1 = state.stepper.network.layers[0].units
    for _ in 0..<(units1 + 2) { state.handle(.down) }
    #expect(state.cursor == Cursor(layer: 1, row: units1 - 1, column: 0, map: .delta))
  }

  @Test func theFirstColumnsMapFollowsVButDeltaStays() throws {
    var state = try Self.state()
    state.handle(.character("v"))
    #expect(state.cursor.map == state.view.quantity.map)
    for _ in 0..<state.displayedShape(layer: 1).cols { state.handle(.right) }
    #expect(state.cursor.map == .fPrime)
    for _ in 0..<state.batchExamples { state.handle(.right) }
    #expect(state.cursor.map == .delta)
    state.handle(.character("v"))
    #expect(state.cursor.map == .delta)
  }

  /// A click on a δ cell and on a dW cell, through the run loop, puts the cursor there; the
  /// δ click selects its column's example too.
  @Test(arguments: [ShownMap.delta, .dW])
  func aClickLandsOnAGradientCell(_ shown: ShownMap) throws {
    let state = try Self.state()
    let regions = Screen.draw(state, width: 120, height: 36, context: Self.context).regions
    let map = try #require(regions.heatMaps.first { $0.map == shown && $0.layer == 2 })
    let g = map.geometry
    let col = g.shownCols - 1
    let (x, y) = ScreenRegionsTests.cell(of: g, shownRow: 0, shownCol: col)
    let clock = VirtualClock()
    let terminal = RecordingTerminal(clock: clock, script: [(0.1, .key(.mouse(x: x, y: y))), (0.2, .key(.character("q")))])
    terminal.colorLevel = Self.context.level
    var loop = RunLoop(state: state, terminal: terminal, clock: clock)
    _ = loop.run()
    #expect(loop.state.cursor == Cursor(layer: 2, row: 0, column: col * g.poolCols, map: shown))
    #expect(loop.state.example == (shown == .delta ? col * g.poolCols : 0))
  }

  /// The inspector names the map the cursor is on and ends with the record's value exactly,
  /// after the formula it came from.
  @Test func theInspectorGivesTheRecordsValueOnEveryMap() throws {
    var state = try Self.state()
    state.handle(.tab)
    let rec = state.stepper.record.layers[1]
    let layer = state.stepper.network.layers[1]
    let m = MathGlyphs.unicode
    func line() -> String {
      Caption.inspector(state.shown, m, width: 1000, rows: 1).map { $0.runs.map(\.0).joined().replacingOccurrences(of: "\u{00A0}", with: " ") } ?? ""
    }
    state.handle(.right)
    #expect(line().hasPrefix("inspect a₂[1, ex 2] = tanh(z₂[1, ex 2]) = tanh(\(m.number(rec.z[1, 0]))) = \(m.exact(rec.a[1, 0]))"), "\(line())")
    for _ in 1..<state.batchExamples { state.handle(.right) }
    state.handle(.down)
    #expect(state.cursor == Cursor(layer: 2, row: 1, column: 0, map: .fPrime))
    #expect(line().hasPrefix("inspect "), "\(line())")
    #expect(line().contains(m.exact(rec.fPrime[0, 1])), "\(line())")
    for _ in 0..<state.batchExamples { state.handle(.right) }
    #expect(state.cursor == Cursor(layer: 2, row: 1, column: 0, map: .delta))
    #expect(line().hasPrefix("inspect δ₂[2, ex 1] = (Σₖ δ₃[k]·W₃[k,2]) ⊙ tanh′(z₂[2, ex 1]) = ("), "\(line())")
    #expect(line().contains(" = \(m.exact(rec.delta[0, 1]))"), "\(line())")
    for _ in 0..<state.batchExamples { state.handle(.right) }
    #expect(state.cursor.map == .dW)
    #expect(line().hasPrefix("inspect dW₂[2,1] = Σₑ over \(state.batchExamples) examples δ₂·a₁ = "), "\(line())")
    #expect(line().contains(" = \(m.exact(rec.dW[1, 0]))"), "\(line())")
    for _ in 0..<layer.inputs { state.handle(.right) }
    #expect(state.cursor == Cursor(layer: 2, row: 1, column: 0, map: .db))
    #expect(line().hasPrefix("inspect db₂[2] = Σₑ over \(state.batchExamples) examples δ₂ = "), "\(line())")
    #expect(line().contains(" = \(m.exact(rec.db[1]))"), "\(line())")
    state.handle(.character("v"))
    state.handle(.character("v"))
    // Back through dW, δ and f′(z), then b (one column beside W), to W's first column.
    for _ in 0..<(2 * state.batchExamples + 2 * layer.inputs + 1) { state.handle(.left) }
    #expect(state.cursor.map == .weights)
    let before = layer.weights[1, 0] - rec.updateW[1, 0]
    #expect(line().hasPrefix("inspect W₂[2,1] = \(m.number(before)) → \(m.exact(layer.weights[1, 0])): −lr·g = −0.03·"), "\(line())")
  }
}
