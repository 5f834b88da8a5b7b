import TermGrid

/// How the caption's lines share its few rows (2 at 80×24): each line by priority gets one row
/// — the stage's line, then the NaN warning (once a NaN or ∞ has appeared, where it came from
/// matters more than one element's value), then the inspector — and rows left over go to the
/// stage's words first, then to the warning, then to the inspector. The inspector stays visible while the cursor is
/// on a map, dropping its key hint when it has fewer rows than it wraps to; a line given fewer
/// rows than it wraps to loses its last words, never part of one, so no number is cut.
struct CaptionRows {
  var stage: Line
  var inspector: Line?
  var warning: Line?

  /// The lines in the order they read (warning, stage, inspector), each with its rows; a line
  /// given no row is left out.
  func fitted(width: Int, height: Int) -> [(Line, Int)] {
    var byPriority = [stage, warning, inspector]
    var rows = Self.share(byPriority, width: width, height: height)
    if let whole = inspector, rows[2] < TextBlock.rows(whole, width: width) {
      byPriority[2] = Self.withoutHint(whole)
      rows = Self.share(byPriority, width: width, height: height)
    }
    return [1, 0, 2].compactMap { i in byPriority[i].flatMap { rows[i] > 0 ? (Self.clipped($0, rows: rows[i], width: width), rows[i]) : nil } }
  }

  /// `line` cut to what `rows` rows of `width` hold, at the end of a clause (after `,` `;` or
  /// `.`) so that no `‖dW‖ =` is left without its number, and marked `…`; the line itself
  /// when it fits.
  static func clipped(_ line: Line, rows: Int, width: Int) -> Line {
    let pieces = TextBlock.wrap(line, width: width)
    guard let last = pieces.last, last.row >= rows else { return line }
    var kept = Array(pieces.prefix { $0.row < rows })
    // Room for the mark on the last row.
    while let end = kept.last, end.row == rows - 1, end.column + end.text.count + 2 > width { kept.removeLast() }
    if let clause = kept.lastIndex(where: { [",", ";", "."].contains($0.text.last) }) { kept = Array(kept.prefix(through: clause)) }
    var runs = kept.map { ($0.column == 0 && $0.row > 0 ? " " + $0.text : $0.text, $0.role) }
    runs.append((" …", .dim))
    return Line(runs)
  }

  /// Rows for each line, in priority order: one each while rows last, then the rest to each
  /// line in turn up to what it wraps to.
  static func share(_ lines: [Line?], width: Int, height: Int) -> [Int] {
    var rows = lines.map { _ in 0 }
    var left = height
    for i in lines.indices where lines[i] != nil && left > 0 {
      rows[i] = 1
      left -= 1
    }
    for (i, line) in lines.enumerated() {
      guard let line, rows[i] > 0 else { continue }
      let more = min(left, TextBlock.rows(line, width: width) - 1)
      rows[i] += more
      left -= more
    }
    return rows
  }

  /// The inspector without its trailing key hint (a dim run), for when rows are short.
  static func withoutHint(_ line: Line) -> Line {
    guard let last = line.runs.last, last.1 == .dim else { return line }
    return Line(Array(line.runs.dropLast()))
  }
}
