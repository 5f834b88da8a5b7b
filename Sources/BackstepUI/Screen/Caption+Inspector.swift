import BackstepCore
import TermGrid

/// The inspector's line: the exact value under the cursor, on whichever map it is, with the
/// values of the same element in the maps that go with it.
extension Caption {
  /// One value the inspector names: its name and the value, nil until its stage has run.
  typealias Entry = (name: String, value: Double?)

  /// The value under the cursor and how it is made, `inspect z₂[3, ex 1] = Σᵢ W₂[3,i]·a₁[i, ex 1]
  /// + b₂[3] = 0.12·0.5 + (−0.3)·0.1 + 0.01 = 0.0412`, in `rows` rows of `width`: the formula
  /// with names goes first when the line is too long, then the smaller terms of a sum. Before
  /// its stage has run in this iteration, the value drawn with when it comes (``recorded(_:_:)``).
  static func inspector(_ shown: ShownSession, _ math: MathGlyphs, width: Int = 160, rows: Int = 2) -> Line? {
    guard let d = shown.session.explanation else { return recorded(shown, math) }
    let e = Explanation(d, math)
    let count = e.sum?.terms.terms.count ?? 0
    let hint = hint(shown)
    let tries = [(true, count), (false, count)] + (0...min(count, 4)).reversed().map { (false, $0) }
    var line = Line([])
    for (named, terms) in tries {
      var text = e.head + " = " + (named && !e.formula.isEmpty && e.showsValue ? e.formula + " = " : "") + e.numbers(shown: terms, math)
      if e.showsValue { text += " = " + math.exact(e.value) }
      line = Line([("inspect ", .key), (text, .text)] + (e.checks ? [] : [(" (parts do not add up)", .warning)]) + hint)
      if TextBlock.rows(CaptionRows.withoutHint(line), width: width) <= rows { break }
    }
    return line
  }

  /// The caption's hint after the inspector: how to move, and the key of the explain panel.
  static func hint(_ shown: ShownSession) -> [(String, Role)] {
    let explain = "\(KeyMap.key(for: .toggleExplain)) \(shown.view.explainOpen ? "closes the terms" : "lists the terms")"
    guard shown.cursor.map == .a || shown.cursor.map == .z else { return [("   (\(explain))", .dim)] }
    let quantities = Quantity.allCases.map(\.rawValue).joined(separator: "/")
    return [("   (arrows move, \(KeyMap.key(for: .nextLayer)) next layer, \(KeyMap.key(for: .cycleQuantity)) \(quantities), \(explain))", .dim)]
  }

  /// When the value under the cursor is computed: "comes at B2", and "stale (step 4)" while its
  /// map still holds the previous iteration's values, dimmed.
  static func pending(_ shown: ShownSession) -> String? {
    let s = shown.stepper
    guard let stage = shown.session.stage(computing: shown.cursor), !s.isFresh(stage) else { return nil }
    let at = "comes at " + Screen.stageLabel(stage, unicode: true)
    return s.record.step > 1 ? "stale (step \(s.record.step - 1)); \(at)" : at
  }

  /// "inspect δ₂[unit 1, example 3] = …   z₂ = …", or for W, dW (γ, dγ) and dβ their element
  /// with its partners (W with dW and ΔW), with when it is computed. Nil when the cursor's map
  /// has no value there.
  static func recorded(_ shown: ShownSession, _ math: MathGlyphs) -> Line? {
    let s = shown.stepper
    let c = shown.cursor
    guard c.layer >= 1, c.layer <= s.network.depth else { return nil }
    if shown.session.columnsAreTimeSteps(layer: c.layer, map: c.map) { return overTime(shown, math) }
    let rec = s.record.layers[c.layer - 1]
    let layer = s.network.layers[c.layer - 1]
    let bn = layer.batchNorm != nil
    // A recurrent layer's per-example maps hold one time step each: z and a the forward step's,
    // δ and f′ the backward step's; their names say which, δ₁(t=3).
    func at(_ base: String) -> String {
      let step = RecurrentCaption.heldStep(s, layer: c.layer, forward: base == "a" || base == "z")
      return n(base, c.layer, math) + (step.map { "(t=\($0))" } ?? "")
    }
    // Per-example maps are [B × n], drawn transposed; W-shaped ones are drawn as stored.
    func example(_ m: Matrix) -> Double? { c.column < m.rows && c.row < m.cols ? m[c.column, c.row] : nil }
    func element(_ m: Matrix) -> Double? { c.row < m.rows && c.column < m.cols ? m[c.row, c.column] : nil }
    let w = bn ? math.gamma : "W"
    let entries: [Entry]
    switch c.map {
    case .a, .z, .xhat:
      let m = c.map == .a ? rec.a : (c.map == .z ? rec.z : rec.batchNorm?.xhat ?? Matrix(rows: 0, cols: 0))
      entries =
        [(at(c.map == .xhat ? math.xhat : (c.map == .a ? "a" : "z")), example(m))]
        + (rec.delta.count == m.count ? [(at(math.delta), example(rec.delta))] : [])
    case .fPrime:
      entries = [("f′(\(at("z")))", example(rec.fPrime)), (at("z"), example(rec.z)), (at(math.delta), example(rec.delta))]
    case .delta:
      entries = [(at(math.delta), example(rec.delta)), (at("z"), example(rec.z))]
    case .weights:
      entries = [(n(w, c.layer, math), element(layer.weights))] + partners(rec, element, w)
    case .dW:
      entries = [(n("d" + w, c.layer, math), element(rec.dW)), (n(w, c.layer, math), element(layer.weights))] + Array(partners(rec, element, w).dropFirst())
    case .bias:
      let i = NetworkTable.biasIndex(row: c.row, column: c.column, of: layer)
      let bias = NetworkTable.shownBias(of: layer) ?? layer.bias
      let b = bias.indices.contains(i) ? bias[i] : nil
      let name = NetworkTable.biasName("b", column: c.column, of: layer)
      entries = [(n(name, c.layer, math), b), (n("d" + name, c.layer, math), rec.db.indices.contains(i) ? rec.db[i] : nil)]
    case .db:
      let i = NetworkTable.biasIndex(row: c.row, column: c.column, of: layer)
      let db = rec.db.indices.contains(i) ? rec.db[i] : nil
      entries = [(n(bn ? "d" + math.beta : NetworkTable.biasName("db", column: c.column, of: layer), c.layer, math), db)]
    default:
      return nil
    }
    guard let first = entries.first, let value = first.value else { return nil }
    let space = TextBlock.unbreakable
    let at =
      c.map.isPerExample
      ? "[\(c.row + 1),\(space)ex\(space)\(c.column + 1)]" : (bn || c.map == .db || c.map == .bias ? "[\(c.row + 1)]" : "[\(c.row + 1),\(c.column + 1)]")
    var runs: [(String, Role)] = [("inspect ", .key), ("\(first.name)\(at) = ", .text), (exact(value), .accent)]
    // When it comes goes first: the partners give way to it on a short row.
    if let note = pending(shown) { runs.append(("   \(note).", .caption)) }
    for entry in entries.dropFirst() {
      guard let v = entry.value else { continue }
      runs += [("   \(entry.name) = ", .text), (exact(v), .accent)]
    }
    return Line(runs + hint(shown))
  }

  /// A weight's gradient and its last update, as the inspector names them beside it.
  static func partners(_ rec: LayerRecord, _ element: (Matrix) -> Double?, _ w: String) -> [Entry] {
    [("d" + w, element(rec.dW)), ("Δ" + w, element(rec.updateW))]
  }

  /// A value with every digit it needs, so that it can be checked by hand.
  static func exact(_ x: Double) -> String { x.isFinite ? Format.printed("%.10g", x) : Format.short(x) }
}
