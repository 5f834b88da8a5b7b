import BackstepCore
import TermGrid

/// The explain panel: how the value under the cursor is made, a row per term of its sum (the
/// factors' values and their product), the other values its formula used, and the check that
/// the parts give the value back. Drawn in the right column in place of the magnitudes and the
/// surface while it is open; stepping, arrows and clicks go on as before.
struct ExplainPanel {
  /// The value explained, or why there is none: when its stage comes, or nothing to explain.
  var explanation: Explanation?
  var pending: String
  var math: MathGlyphs

  /// The panel's rows at `width` and `height`: the formula (up to two rows), the terms (the
  /// largest by |value| and "… k more" when they do not all fit), the values used, the check.
  func rows(width: Int, height: Int) -> [Line] {
    guard let e = explanation else { return Self.wrapped(Line([(pending, .caption)]), width: width) }
    let head = Array(Self.wrapped(Line([(e.head + " = " + e.formula, .formula)]), width: width).prefix(2))
    let formulaRows = head.count
    let check = checkRow(e, width: width)
    let left = max(0, height - formulaRows - 1)
    var terms: [Line] = []
    if let sum = e.sum, !sum.terms.terms.isEmpty {
      let count = sum.terms.terms.count
      let room = min(count, max(min(count, 3), left - e.parts.count - 1))
      // A heading names the factors of every row: `i  W₂[3,i]·a₁[i, ex 1]`.
      terms = [row("\(sum.index)  \(sum.names)", "", width: width)] + termRows(sum, fitting: room, width: width)
    }
    let parts = e.parts.prefix(max(0, left - terms.count)).map { row($0.name, $0.value, width: width) }
    return head + terms + parts + [check]
  }

  /// A line word-wrapped to `width`, a line per row.
  static func wrapped(_ line: Line, width: Int) -> [Line] {
    let pieces = TextBlock.wrap(line, width: width)
    return (0..<TextBlock.rows(line, width: width)).map { r in Line(pieces.filter { $0.row == r }.map { ($0.text, $0.role) }) }
  }

  /// Up to `room` rows for the terms: all of them, or the largest and a row for the rest.
  func termRows(_ sum: (index: String, names: String, terms: TermSum), fitting room: Int, width: Int) -> [Line] {
    let all = sum.terms.terms
    let (shown, restCount, restSum) = sum.terms.largest(room >= all.count ? all.count : max(0, room - 1))
    // The shown terms keep their input order: find each one's position for its index.
    var positions: [Int] = []
    var next = 0
    for p in shown {
      while next < all.count && all[next] != p { next += 1 }
      positions.append(next)
      next += 1
    }
    // A narrow panel (80×24) writes the factors with three digits, so that a row holds them.
    let digits = width < 44 ? 3 : 4
    var rows = zip(positions, shown).map { i, p in
      row("\(sum.index)=\(i + 1)  \(math.values(p, digits: digits))", math.number(p.value, digits: digits), width: width, role: .text)
    }
    if restCount > 0 { rows.append(row("\(math.ellipsis) \(restCount) more", "\(math.sum) \(math.number(restSum))", width: width, role: .dim)) }
    return rows
  }

  /// "= 0.0412 ✓, as forward(2) computed it", or the difference when the parts do not give it.
  func checkRow(_ e: Explanation, width: Int) -> Line {
    guard e.showsValue else { return Line([("= ", .text), (math.exact(e.value), .accent), (" now", .dim)]) }
    let said =
      e.checks
      ? [" \(math.check) as \(e.stage) computed it", " \(math.check) \(e.stage)", " \(math.check)"] : [" \(math.ellipsis) not \(e.stage)'s value", " differs"]
    let value = math.exact(e.value)
    let fits = said.first { 2 + value.count + $0.count <= width } ?? said[said.count - 1]
    return Line([("= ", .text), (value, .accent), (fits, e.checks ? .healthy : .warning)])
  }

  /// A name on the left and its value at the right edge, the name cut first when short of room.
  func row(_ name: String, _ value: String, width: Int, role: Role = .dim) -> Line {
    let name = name.replacingOccurrences(of: String(TextBlock.unbreakable), with: " ")
    let room = max(0, width - value.count - 1)
    let label = name.count > room ? String(name.prefix(max(0, room - 1))) + math.ellipsis : name
    return Line([(label, role), (String(repeating: " ", count: max(1, width - label.count - value.count)), .text), (value, .accent)])
  }

  func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let inner = Panel(title: Screen.fitted(["how the value under the cursor is made", "how it is made", "explain"], area)).render(
      in: area, into: &frame, context: context)
    guard !inner.isEmpty else { return }
    for (i, line) in rows(width: inner.width, height: inner.height).prefix(inner.height).enumerated() {
      line.render(x: inner.x, y: inner.y + i, clip: inner, into: &frame, context: context)
    }
  }
}
