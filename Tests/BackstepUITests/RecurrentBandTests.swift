import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The recurrent band's maps over time: h_t, f′(z_t) and δ_t of the selected example, a
/// column a time step, filling in as the time steps run.
@Suite("The recurrent band over time")
struct RecurrentBandTests {
  /// `--rnn 4 --dataset adding --seq-len T`, `stages` stages into its first iteration (of both
  /// networks, in a comparison).
  static func state(seqLen: Int = 5, stages: Int, compare: String? = nil) throws -> AppState {
    var config = RunConfiguration()
    config.rnn = 4
    config.dataset = "adding"
    config.seqLen = seqLen
    if let compare { config.compare = try SettingsChange(compare) }
    return try step(try AppState(config: config), stages)
  }

  static func step(_ state: AppState, _ stages: Int) throws -> AppState {
    var state = state
    for _ in 0..<stages { state.update(.step) }
    return state
  }

  static let colour = RenderContext(level: .xterm256, unicode: true)

  /// Layer 1's region for `map`.
  static func region(_ regions: ScreenRegions, _ map: ShownMap, layer: Int = 1) throws -> ScreenRegions.HeatMapRegion {
    try #require(regions.heatMaps.first { $0.layer == layer && $0.map == map })
  }

  /// Whether every cell of drawn column j of a map is blank.
  static func columnIsBlank(_ frame: Frame, _ g: HeatMap.Geometry, _ j: Int) -> Bool {
    (0..<g.drawnHeight).allSatisfy { dy in (0..<g.cellWidth).allSatisfy { frame[g.area.x + j * g.cellWidth + $0, g.area.y + dy] == .blank } }
  }

  /// The screen at 120×36 `stages` stages into the second iteration, which end at `stage`.
  static func secondIteration(stages: Int, at stage: Stage) throws -> (Frame, ScreenRegions) {
    var s = try state(stages: 0)
    s.stepper.finishIteration()
    s = try step(s, stages)
    #expect(s.stepper.lastStage == stage)
    return Screen.draw(s, width: 120, height: 36, context: colour)
  }

  @Test func hIsDrawnUpToTheStepRunAndDeltaWaits() throws {
    // The second iteration's F1·t1 … F1·t3: the first one's h_4 and h_5 are not shown.
    let (frame, regions) = try Self.secondIteration(stages: 3, at: .forwardStep(1, t: 3))
    let h = try Self.region(regions, .a)
    #expect(h.geometry.shownCols == 5 && h.firstColumn == 0)
    #expect(!Self.columnIsBlank(frame, h.geometry, 2))
    #expect(Self.columnIsBlank(frame, h.geometry, 3) && Self.columnIsBlank(frame, h.geometry, 4), "t = 4, 5 have not run")
    #expect(!regions.heatMaps.contains { $0.layer == 1 && $0.map == .delta }, "δ comes at B1·t5")
    #expect(frame.plainText.contains("comes at B1·t5"))
    #expect(frame.plainText.contains("ex 1") && frame.plainText.contains("t 1–5"))
  }

  @Test func deltaFillsInFromTheRight() throws {
    // F1·t1…t5, F2, loss, B2, B1·t5, B1·t4 of the second iteration.
    let (frame, regions) = try Self.secondIteration(stages: 10, at: .backwardStep(1, t: 4))
    let delta = try Self.region(regions, .delta)
    #expect((0..<3).allSatisfy { Self.columnIsBlank(frame, delta.geometry, $0) })
    #expect(!Self.columnIsBlank(frame, delta.geometry, 3) && !Self.columnIsBlank(frame, delta.geometry, 4))
    // The current step's column is underlined.
    #expect(frame[delta.geometry.area.x + 3 * delta.geometry.cellWidth, delta.geometry.area.y].attributes.contains(.underline))
  }

  /// Before B1·t5 the δ map over time is not drawn, and the legend row does not call a cursor
  /// on it hidden: the inspector says when its step comes.
  @Test func aCursorOnDeltaBeforeItsStepsWaitsForThem() throws {
    var s = try Self.state(stages: 0)
    s.stepper.finishIteration()
    s = try Self.step(s, 3)
    s.cursor = Cursor(layer: 1, row: 0, column: 4, map: .delta)
    let text = Screen.render(s, width: 120, height: 36, context: Self.colour).plainText
    #expect(!text.contains("the cursor is on"), "\(text)")
    #expect(text.contains("δ₁,₅ (unit 1, t=5, ex 1)   comes at B1·t5"), "\(text)")
  }

  /// A click lands on (unit, t); the selected example stays where it was.
  @Test func aClickPicksAUnitAndATimeStep() throws {
    var s = try Self.state(stages: 10)
    s.selectExample(2)
    let (_, regions) = Screen.draw(s, width: 120, height: 36, context: Self.colour)
    let delta = try Self.region(regions, .delta)
    let g = delta.geometry
    let cursor = try #require(regions.cursor(x: g.area.x + 4 * g.cellWidth, y: g.area.y))
    #expect(cursor == Cursor(layer: 1, row: 0, column: 4, map: .delta))
    s.select(cursor)
    #expect(s.example == 2 && s.cursor.column == 4)
    #expect(s.displayedShape(layer: 1, map: .delta) == (rows: 4, cols: 5))
  }

  /// The inspector names the entry by unit and step and gives δ as what reached h times f′.
  @Test func theInspectorNamesUnitAndStep() throws {
    var s = try Self.state(stages: 10)
    s.cursor = Cursor(layer: 1, row: 1, column: 3, map: .delta)
    let line = Caption.inspector(s.shown, MathGlyphs.unicode, width: 1000, rows: 1).map { $0.runs.map(\.0).joined() } ?? ""
    let maps = try #require(s.stepper.timeMaps(layer: 1, example: 0))
    let parts = try #require(s.stepper.timeStepDelta(layer: 1, example: 0, unit: 1, t: 4))
    #expect(line.contains("δ₂,₄ = (δ₅·W_hh)₂ · tanh′(z₂,₄) = \(Caption.exact(parts.incoming)) · \(Caption.exact(parts.fPrime))"), "\(line)")
    #expect(line.contains("= \(Caption.exact(maps.delta[1, 3]))") && !line.contains("do not add up"), "\(line)")
    s.cursor = Cursor(layer: 1, row: 1, column: 2, map: .delta)
    let waiting = Caption.inspector(s.shown, MathGlyphs.unicode, width: 1000, rows: 1).map { $0.runs.map(\.0).joined() } ?? ""
    #expect(waiting.contains("δ₂,₃") && waiting.contains("comes at B1·t3"), "\(waiting)")
    s.cursor = Cursor(layer: 1, row: 0, column: 4, map: .a)
    let h = Caption.inspector(s.shown, MathGlyphs.ascii, width: 1000, rows: 1).map { $0.runs.map(\.0).joined() } ?? ""
    #expect(h.contains("h_1,5 = tanh(z_1,5) = \(Caption.exact(maps.h[0, 4]))"), "\(h)")
  }

  /// Thirty steps do not fit 80 columns: every map shows the same window around the current
  /// step, and the label says which.
  @Test func aLongSequenceShowsAWindow() throws {
    let s = try Self.state(seqLen: 30, stages: 20)
    #expect(s.stepper.lastStage == .forwardStep(1, t: 20))
    let (frame, regions) = Screen.draw(s, width: 80, height: 24, context: Self.colour)
    let h = try Self.region(regions, .a)
    let window = h.firstColumn + 1...h.firstColumn + h.geometry.shownCols
    #expect(window.count < 30 && window.contains(20))
    #expect(frame.plainText.contains("t \(window.lowerBound)–\(window.upperBound)"), "\(frame.plainText)")
    #expect(h.geometry.poolCols == 1)
  }

  /// A cursor on a step the window leaves out is not lost silently: the legend's row says
  /// which step it is on.
  @Test func aCursorOutsideTheWindowIsNamed() throws {
    var s = try Self.state(seqLen: 30, stages: 20)
    s.cursor = Cursor(layer: 1, row: 0, column: 29, map: .a)
    let (frame, regions) = Screen.draw(s, width: 80, height: 24, context: Self.colour)
    let h = try Self.region(regions, .a)
    #expect(!(h.firstColumn..<h.firstColumn + h.geometry.shownCols).contains(29))
    #expect(frame.plainText.contains("t=30"), "\(frame.plainText)")
  }

  /// v cycles the first column's quantity; on a map over time the cursor keeps its step
  /// rather than jumping to the selected example's index.
  @Test func cyclingTheQuantityKeepsTheCursorsStep() throws {
    var s = try Self.state(seqLen: 5, stages: 5)
    s.cursor = Cursor(layer: 1, row: 0, column: 3, map: s.view.quantity.map)
    s.update(.cycleQuantity)
    #expect(s.cursor.column == 3)
  }

  /// A relu layer's h has no bound: the legend under the maps gives the top of the scale the
  /// map over time is drawn on, the largest |h| over the batch and the steps run.
  @Test func theLegendGivesTheScaleOverTime() throws {
    var config = RunConfiguration()
    config.rnn = 4
    config.rnnActivation = .relu
    config.dataset = "adding"
    config.seqLen = 5
    let s = try Self.step(try AppState(config: config), 3)
    let maps = try #require(s.stepper.timeMaps(layer: 1, example: 0))
    let top = maps.scale(of: .a).largest
    #expect(top >= s.stepper.scale(of: .a, layer: 1).largest)
    let legend = Screen.render(s, width: 120, height: 36, context: Self.colour).plainText.split(separator: "\n").first { $0.contains("a₁ 0") } ?? ""
    #expect(legend.contains(" \(Magnitude.text(top)) "), "\(legend)")
  }

  @Test func noColourAndASCIIDrawTheBandToo() throws {
    let s = try Self.state(stages: 10)
    let (frame, regions) = Screen.draw(s, width: 120, height: 36, context: RenderContext(level: .none, unicode: false))
    #expect(try Self.region(regions, .delta).geometry.cellWidth >= 2)
    #expect(frame.plainText.contains("t 1-5"))
  }

  /// Two recurrent networks side by side each draw their own band over time.
  @Test func aComparisonDrawsBothBands() throws {
    let s = try Self.state(stages: 10, compare: "rnn-activation=relu")
    #expect(s.other?.stepper.lastStage == .backwardStep(1, t: 4))
    let (frame, regions) = Screen.draw(s, width: 200, height: 60, context: Self.colour)
    #expect(regions.heatMaps.filter { $0.layer == 1 && $0.map == .delta }.count == 2)
    #expect(frame.plainText.components(separatedBy: "t 1–5").count == 3)
  }
}

/// The header's step counts completed updates for every network: a recurrent network's time
/// steps of the first iteration are step 0, as a dense network's stages are, and its update
/// makes it step 1.
@Suite("The header's step through time steps")
struct RecurrentHeaderStepTests {
  static func header(_ state: AppState) -> String {
    Screen.render(state, width: 120, height: 36, context: RecurrentBandTests.colour).plainText.split(separator: "\n").first.map(String.init) ?? ""
  }

  @Test func timeStepsCountAsTheDenseStagesDo() throws {
    var dense = try AppState(config: RunConfiguration())
    // F1, F2, F3, loss, B3, B2: mid-backward of the first iteration.
    dense = try RecurrentBandTests.step(dense, 6)
    #expect(Self.header(dense).contains("step 0"))
    // F1·t1…t5, F2, loss, B2, B1·t5, B1·t4: mid-backward too.
    var rnn = try RecurrentBandTests.state(stages: 10)
    #expect(rnn.stepper.lastStage == .backwardStep(1, t: 4))
    #expect(Self.header(rnn).contains("step 0"), "\(Self.header(rnn))")
    rnn = try RecurrentBandTests.step(rnn, 4)
    #expect(rnn.stepper.lastStage == .update)
    #expect(Self.header(rnn).contains("step 1"), "\(Self.header(rnn))")
  }
}
