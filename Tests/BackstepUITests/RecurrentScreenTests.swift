import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// A recurrent network on screen: the gradient-through-time panel in the decision surface's
/// place, filling in from t = T as the backward time steps run, and the time step's captions.
@Suite("A recurrent network on screen")
struct RecurrentScreenTests {
  /// `--rnn 4 --dataset adding --seq-len 5` after `iterations` whole iterations and `stages` more.
  static func state(iterations: Int = 0, stages: Int) throws -> AppState {
    var config = RunConfiguration()
    config.rnn = 4
    config.dataset = "adding"
    config.seqLen = 5
    var state = try AppState(config: config)
    state.stepper.run(iterations: iterations)
    for _ in 0..<stages { state.update(.step) }
    return state
  }

  static func frame(_ state: AppState, _ width: Int, _ height: Int) -> Frame {
    Screen.render(state, width: width, height: height, context: RenderContext(level: .xterm256, unicode: true))
  }

  /// The stages of one iteration up to B1·t4: F1·t1 … F1·t5, F2, loss, B2, B1·t5, B1·t4.
  static let midBackward = 10

  @Test func screensAt80x24() throws { try screensMidForwardAndMidBackward(80, 24) }
  @Test func screensAt120x36() throws { try screensMidForwardAndMidBackward(120, 36) }
  @Test func screensAt200x60() throws { try screensMidForwardAndMidBackward(200, 60) }

  func screensMidForwardAndMidBackward(_ width: Int, _ height: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let forward = try Self.state(iterations: 3, stages: 3)
    #expect(forward.stepper.lastStage == .forwardStep(1, t: 3))
    expectSnapshot(Self.frame(forward, width, height), named: "rnn-mid-forward-\(width)x\(height)")
    let backward = try Self.state(iterations: 3, stages: Self.midBackward)
    #expect(backward.stepper.lastStage == .backwardStep(1, t: 4))
    let frame = Self.frame(backward, width, height)
    expectSnapshot(frame, named: "rnn-mid-backward-\(width)x\(height)")
    #expect(frame.plainText.contains("through time"))
    #expect(frame.plainText.contains("t=5"))
  }

  /// The panel's columns: t = 5 and t = 4 are this iteration's, drawn in a verdict's colour;
  /// t = 3 … 1 are the last iteration's, dimmed.
  @Test func theColumnsOfThisIterationAreBrightAndTheRestDim() throws {
    let state = try Self.state(iterations: 2, stages: Self.midBackward)
    let g = try #require(state.stepper.gradientThroughTime)
    #expect(g.fresh == [false, false, false, true, true])
    var frame = Frame(width: 20, height: 10)
    let context = RenderContext(level: .xterm256, unicode: true)
    TimeGradientPlot(g).render(in: frame.bounds, into: &frame, context: context)
    // Cell width 3 for five steps in 15 columns; each column's bottom cell is its bar's.
    let bottom = frame.height - 2
    let x = TimeGradientPlot.labelWidth
    for t in 1...5 {
      let cell = frame[x + (t - 1) * 3, bottom]
      let role: Role = g.fresh[t - 1] ? (g.verdicts[t - 1] ?? .healthy).role : .dim
      #expect(Style(cell.foreground, cell.background, cell.attributes) == context.style(role), "t = \(t)")
    }
    #expect(frame.plainText.split(separator: "\n").last?.contains("t=1") == true)
  }

  /// At 200×60 the panel has rows for the selected example: its target, its prediction once
  /// the output's forward stage has run, and its sequence a feature a row.
  @Test func theSelectedExamplesSequenceHeadsThePanelWhereItFits() throws {
    let state = try Self.state(iterations: 1, stages: 2)
    let reading = try #require(state.stepper.example(0))
    let early = Self.frame(state, 200, 60).plainText
    #expect(early.contains("example 1: target \(Format.short(reading.target[0], digits: 3)), a₂ comes at F2"), "\(early)")
    #expect(early.contains("x1 ") && early.contains("x2 "))
    let later = try Self.state(iterations: 1, stages: Self.midBackward)
    let prediction = try #require(later.stepper.example(0)?.prediction)
    #expect(Self.frame(later, 200, 60).plainText.contains("a₂ = \(Format.short(prediction[0], digits: 3))"))
  }

  /// The inspector on the band's maps over time names the entry by unit and time step, h₁,₃
  /// while the forward steps run; the step the record holds is h_3.
  @Test func theInspectorNamesTheTimeStep() throws {
    let forward = try Self.state(iterations: 1, stages: 3)
    let early = Caption.inspector(forward.shown, MathGlyphs.unicode, width: 1000, rows: 1).map { $0.runs.map(\.0).joined() } ?? ""
    let fs = try #require(forward.stepper.record.layers[0].recurrent)
    #expect(early.contains("h₁,₁ = tanh(z₁,₁) = \(Caption.exact(fs.h[0][0, 0]))"), "\(early)")
    #expect(early.contains("z₁,₁ = \(Caption.exact(fs.z[0][0, 0]))"), "\(early)")
  }

  @Test func beforeAnyBackwardStageThePanelSaysWhereItComes() throws {
    let state = try Self.state(stages: 2)
    let text = Self.frame(state, 120, 36).plainText
    #expect(text.contains("comes at B1·t5"))
  }

  @Test func theBackwardCaptionNamesTheActivationsDerivativeAndTheRatio() throws {
    let state = try Self.state(iterations: 1, stages: Self.midBackward)
    let norms = try #require(state.stepper.deltaThroughTime[0])
    let text = Self.frame(state, 200, 60).plainText.replacingOccurrences(of: "\n ", with: " ")
    #expect(text.contains("tanh′(z₄)"))
    #expect(text.contains("‖δ₄‖/‖δ₅‖ = \(Caption.f(norms[3] / norms[4]))"))
  }

  /// b and db hold b_ih and b_hh side by side, H × 2: the cursor's second column is b_hh,
  /// H values on in the record's db.
  @Test func theBiasColumnsHoldBothBiases() throws {
    var state = try Self.state(iterations: 1, stages: 0)
    let H = 4
    #expect(state.displayedShape(layer: 1, map: .db) == (rows: H, cols: 2))
    #expect(state.focused.cursorMaps(layer: 1, quantity: .weights).contains(.bias))
    let rec = state.stepper.record.layers[0]
    let m = MathGlyphs.unicode
    func line() -> String {
      Caption.inspector(state.shown, m, width: 1000, rows: 1).map { $0.runs.map(\.0).joined().replacingOccurrences(of: "\u{00A0}", with: " ") } ?? ""
    }
    state.cursor = Cursor(layer: 1, row: 2, column: 1, map: .db)
    #expect(line().contains("db_hh"), "\(line())")
    #expect(line().contains(Caption.exact(rec.db[H + 2])), "\(line())")
    state.cursor = Cursor(layer: 1, row: 2, column: 0, map: .db)
    #expect(line().contains("db_ih") && line().contains(Caption.exact(rec.db[2])), "\(line())")
    let matrix = NetworkTable.biasColumns(rec.db, of: state.stepper.network.layers[0])
    #expect(matrix.rows == H && matrix.cols == 2 && matrix[2, 0] == rec.db[2] && matrix[2, 1] == rec.db[H + 2])
  }
}
