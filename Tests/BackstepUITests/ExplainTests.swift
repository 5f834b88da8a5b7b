import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The inspector decomposes: the caption's line and the explain panel say how the value under
/// the cursor is made, with the numbers the core computed, and the panel leaves every key working.
@Suite("The inspector decomposes")
struct ExplainTests {
  static let mono = RenderContext(level: .none, unicode: true)
  static let m = MathGlyphs.unicode

  /// A run of `layers` hidden layers with a whole iteration done, the cursor on layer `layer`.
  static func state(layers: [Int] = [4, 4], optimizer: String? = nil, momentum: Double? = nil, layer: Int = 2) throws -> AppState {
    var config = RunConfiguration()
    config.layers = layers
    config.optimizer = optimizer
    config.momentum = momentum
    var state = try AppState(config: config)
    state.update(.finishIteration)
    while state.cursor.layer != layer { state.update(.nextLayer) }
    return state
  }

  /// The caption's inspector line as one string.
  static func line(_ state: AppState, width: Int = 1000, rows: Int = 1) -> String {
    Caption.inspector(state.shown, m, width: width, rows: rows).map { $0.runs.map(\.0).joined().replacingOccurrences(of: "\u{00A0}", with: " ") } ?? ""
  }

  /// The panel's text at a size, drawn by the screen with the panel open.
  static func panel(_ state: AppState, width: Int = 250, height: Int = 70) -> String {
    var open = state
    if !open.view.explainOpen { open.update(.toggleExplain) }
    return Screen.render(open, width: width, height: height, context: mono).plainText
  }

  /// z on the cursor: the line writes every term and the bias from the core's decomposition and
  /// ends with the record's z to ten digits.
  @Test func theCaptionWritesTheCoresTermsOfZ() throws {
    var state = try Self.state()
    state.update(.cycleQuantity)
    #expect(state.cursor.map == .z)
    state.update(.moveCursor(dx: 1, dy: 1))
    let d = try #require(state.stepper.decompose(layer: 2, map: .z, row: state.cursor.row, column: state.cursor.column))
    guard case .affine(let s) = d.form else { throw Failure("z is not affine") }
    let terms = s.sum.terms.map { $0.factors.map { Self.m.term($0.value) }.joined(separator: "·") }.joined(separator: " + ")
    let bias = try #require(s.bias)
    let rec = state.stepper.record.layers[1]
    let expected = "\(terms) + \(Self.m.term(bias.value)) = \(Self.m.exact(rec.z[state.cursor.column, state.cursor.row]))"
    #expect(Self.line(state).contains(expected), "\(Self.line(state))")
    #expect(d.checks)
  }

  /// δ of a hidden layer: (Σₖ δₖ·Wₖⱼ) ⊙ f′, the terms and f′ as the core made them.
  @Test func theCaptionWritesTheCoresTermsOfDelta() throws {
    var state = try Self.state()
    // Past a and f′(z) to δ.
    for _ in 0..<(2 * state.batchExamples) { state.update(.moveCursor(dx: 1, dy: 0)) }
    #expect(state.cursor.map == .delta)
    let d = try #require(state.session.explanation)
    guard case .hiddenDelta(let h) = d.form, case .weighted(let t) = h.upstream else { throw Failure("δ₂ is not a hidden δ") }
    let terms = t.terms.map { $0.factors.map { Self.m.term($0.value) }.joined(separator: "·") }.joined(separator: " + ")
    let expected = "(\(terms)) ⊙ \(Self.m.term(h.fPrime.value)) = \(Self.m.exact(state.stepper.record.layers[1].delta[0, 0]))"
    #expect(Self.line(state).contains(expected), "\(Self.line(state))")
  }

  /// The output's δ of bce with a sigmoid comes straight from the logit: (p − t)/B with the
  /// example's target and prediction.
  @Test func theOutputDeltaComesFromTheTargetAndThePrediction() throws {
    var state = try Self.state(layer: 3)
    for _ in 0..<state.batchExamples { state.update(.moveCursor(dx: 1, dy: 0)) }
    #expect(state.cursor.map == .delta)
    let r = state.stepper.record
    let (p, t, b) = (r.layers[2].a[0, 0], r.target[0, 0], state.batchExamples)
    let expected = "δ₃[1, ex 1] = (p − t)/B, bce from the logit = (\(Self.m.term(p)) − \(Self.m.term(t)))/\(b) = \(Self.m.exact(r.layers[2].delta[0, 0]))"
    #expect(Self.line(state).contains(expected), "\(Self.line(state))")
  }

  /// dW with an L2 penalty: the examples' sum and the regularisation term, both with numbers.
  @Test func aGradientNamesItsRegularisation() throws {
    var config = RunConfiguration()
    config.l2 = 0.001
    var state = try AppState(config: config)
    state.update(.finishIteration)
    for _ in 0..<(3 * state.batchExamples) { state.update(.moveCursor(dx: 1, dy: 0)) }
    #expect(state.cursor.map == .dW)
    let d = try #require(state.session.explanation)
    guard case .gradient(let g) = d.form, let reg = g.regularization else { throw Failure("no regularisation term") }
    let line = Self.line(state, width: 1000, rows: 3)
    #expect(line.contains("Σₑ over \(state.batchExamples) examples δ₁·x + 0.001·W (l2) = "), "\(line)")
    #expect(line.contains(" + \(Self.m.term(reg.value)) = \(Self.m.exact(state.stepper.record.layers[0].dW[0, 0]))"), "\(line)")
  }

  /// A narrow layer's z: the panel has a row for each of its inputs, and its last row gives
  /// the record's value with the check.
  @Test func thePanelListsEveryTermOfANarrowLayer() throws {
    var state = try Self.state(layers: [5, 4])
    state.update(.cycleQuantity)
    let text = Self.panel(state)
    for i in 1...5 { #expect(text.contains("i=\(i) "), "no row for input \(i)") }
    #expect(!text.contains("more"))
    let z = state.stepper.record.layers[1].z[0, 0]
    #expect(text.contains("= \(Self.m.exact(z)) ✓ as forward(2) computed it"))
  }

  /// A wide layer's z at 80×24: the largest terms, then "… k more" with their sum, the row
  /// counts adding up to the layer's inputs.
  @Test func thePanelShowsTheLargestTermsOfAWideLayer() throws {
    var state = try Self.state(layers: [64, 4])
    state.update(.cycleQuantity)
    let text = Self.panel(state, width: 80, height: 24)
    let shown = (1...64).filter { text.contains("i=\($0) ") }.count
    let more = try #require(text.firstMatch(of: /… (\d+) more/)).1
    #expect(shown > 0 && shown + (Int(more) ?? 0) == 64, "\(shown) shown, \(more) more")
    let d = try #require(state.session.explanation)
    guard case .affine(let s) = d.form else { throw Failure("z is not affine") }
    let rest = s.sum.largest(shown).restSum
    #expect(text.contains("Σ \(Self.m.number(rest))"))
  }

  /// Every optimizer's update panel names the state it keeps, and the value after the update.
  @Test(arguments: [
    ("sgd", 0.9, ["momentum_buffer"]), ("adagrad", nil, ["sum"]), ("rmsprop", nil, ["square_avg"]),
    ("adam", nil, ["exp_avg", "exp_avg_sq", "mˆ", "vˆ"]), ("adamw", nil, ["exp_avg", "exp_avg_sq", "mˆ", "vˆ"]),
    ("adadelta", nil, ["square_avg", "acc_delta"]),
  ])
  func theUpdatePanelNamesTheOptimizersState(_ optimizer: String, _ momentum: Double?, _ names: [String]) throws {
    var state = try Self.state(optimizer: optimizer, momentum: momentum)
    while state.view.quantity != .weights { state.update(.cycleQuantity) }
    let text = Self.panel(state)
    for name in names { #expect(text.contains(name), "\(optimizer) does not name \(name)") }
    let w = state.stepper.network.layers[1].weights[0, 0]
    #expect(text.contains("→ \(Self.m.exact(w))"), "\(optimizer): no value after")
  }

  /// In ASCII the panel and the line spell every symbol out: an Adam update and a wide sum.
  @Test(arguments: [("adam", [4, 4]), ("sgd", [64, 4])])
  func thePanelIsPlainASCIIWithoutUTF8(_ optimizer: String, _ layers: [Int]) throws {
    var state = try Self.state(layers: layers, optimizer: optimizer)
    let shown: Quantity = optimizer == "adam" ? .weights : .z
    while state.view.quantity != shown { state.update(.cycleQuantity) }
    state.update(.toggleExplain)
    for (width, height) in [(80, 24), (120, 36)] {
      let text = Screen.render(state, width: width, height: height, context: RenderContext(level: .none, unicode: false)).plainText
      let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
      #expect(ascii, "\(text)")
      #expect(text.contains(optimizer == "adam" ? "mhat" : "..."))
    }
  }

  /// Before its stage, the panel and the line say when the value comes, and that the map holds
  /// the previous step's values.
  @Test func aValueNotComputedYetSaysWhenItComes() throws {
    var state = try Self.state()
    for _ in 0..<state.batchExamples { state.update(.moveCursor(dx: 1, dy: 0)) }
    state.update(.step)
    #expect(state.session.explanation == nil)
    #expect(Self.panel(state).contains("this value: stale (step 1); comes at B2"))
    #expect(Self.line(state).contains("stale (step 1); comes at B2"))
    for _ in 0..<5 { state.update(.step) }
    #expect(state.stepper.lastStage == .backward(2))
    #expect(state.session.explanation != nil)
  }

  /// The panel is not modal: with it open, stepping, arrows and the selected example go on,
  /// and the explanation follows the cursor.
  @Test func thePanelLeavesEveryKeyWorking() throws {
    var state = try Self.state()
    state.handle(.character("f"))
    #expect(state.view.explainOpen)
    let step = state.stepper.reached
    state.handle(.character(" "))
    state.handle(.right)
    #expect(state.stepper.reached != step)
    #expect(state.cursor.column == 1)
    #expect(state.session.explanation == state.stepper.decompose(layer: 2, map: state.cursor.map, row: state.cursor.row, column: state.cursor.column))
    state.handle(.character("f"))
    #expect(!state.view.explainOpen)
  }

  /// Run mode's stages run outside update(_:): the run loop explains the value anew before
  /// each frame it draws.
  @Test func runModeExplainsAnewEveryFrame() throws {
    var state = try Self.state()
    state.update(.toggleRun)
    for _ in 0..<3 {
      state.update(.tick(seconds: 1.0 / 30))
      while state.owesWork { state.runOwedWork() }
    }
    let clock = VirtualClock()
    var loop = RunLoop(state: state, terminal: RecordingTerminal(clock: clock, script: []), clock: clock)
    let s = loop.state
    let now = s.stepper.decompose(layer: 2, map: s.cursor.map, row: s.cursor.row, column: s.cursor.column)
    #expect(s.session.explanation != now)
    loop.draw()
    #expect(loop.state.session.explanation == now)
  }

  /// The panel open on δ₁ at backward(1), at a projector's and a laptop's size, in colour and
  /// in monochrome.
  @Test(arguments: [(80, 24), (120, 36)])
  func snapshots(_ width: Int, _ height: Int) throws {
    var state = try AppState(config: RunConfiguration())
    for _ in 0..<3 { state.update(.finishIteration) }
    // backward(1): δ₁'s four terms come from layer 2.
    for _ in 0..<7 { state.update(.step) }
    for _ in 0..<(2 * state.batchExamples + 2) { state.update(.moveCursor(dx: 1, dy: 0)) }
    state.update(.toggleExplain)
    state.message = nil
    for level in [ColorLevel.xterm256, .none] {
      let context = RenderContext(level: level, unicode: true)
      state.refreshSurface(width: width, height: height, context: context)
      let frame = Screen.render(state, width: width, height: height, context: context)
      expectSnapshot(frame, named: "screen-explain-\(level == .none ? "mono-" : "")\(width)x\(height)")
    }
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ s: String) { description = s }
  }
}
