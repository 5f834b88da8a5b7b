/// A Frame as the bytes that bring a terminal showing another frame to show this one: what a
/// recording of the screen stores.
extension Frame {
  /// ANSI text that, written to a terminal of this frame's size showing `previous`, leaves it
  /// showing this frame at `level`.
  ///
  /// Without a previous frame (the first, or after a resize or an invalidation), or with one of
  /// another size, the screen is cleared and every cell written; otherwise only the cells that
  /// differ, with a cursor move before each run of them (a gap of a few unchanged cells is
  /// written over instead, which is shorter than a move), or the whole screen again when that
  /// is shorter. Empty when nothing changed. The text ends in the default style, so that what
  /// follows it starts plain.
  ///
  /// Each cell is written in the form the terminal session sends it, ``cheapest(shown:)`` at
  /// `level`, so that the recording shows what the screen showed and costs what it cost.
  public func ansiUpdate(from previous: Frame?, level: ColorLevel) -> String {
    let shown = { (color: Color) in ColorMath.downgrade(color, to: level) }
    let now = cheapest(shown: shown)
    let whole = "\u{1B}[0m\u{1B}[?25l\u{1B}[2J" + now.cells(level: level) { _, _ in true }
    guard let previous, previous.width == width, previous.height == height else { return whole }
    // A cell whose form alone changed (a space taking its left neighbour's colours) looks as
    // it did: only cells whose content changed are written.
    let changes = now.cells(level: level) { previous[$0, $1] != self[$0, $1] }
    return changes.utf8.count < whole.utf8.count ? changes : whole
  }

  /// The cells for which `changed(column, row)` holds, each run after a cursor move; unchanged
  /// cells closer than ``Frame/gapWrittenOver`` to the last one written are written too.
  private func cells(level: ColorLevel, changed: (Int, Int) -> Bool) -> String {
    var out = ""
    var current: Style? = nil
    for row in 0..<height {
      var next: Int? = nil  // the column the cursor stands at after the last cell written
      for column in 0..<width where changed(column, row) {
        if let from = next, column - from <= Frame.gapWrittenOver {
          for gap in from..<column { write(self[gap, row], &out, &current, level) }
        } else {
          out += ANSI.move(column: column, row: row)
        }
        write(self[column, row], &out, &current, level)
        next = column + 1
      }
    }
    if let current, current != .plain { out += ANSI.sgr(.plain) }
    return out
  }

  /// Unchanged cells between two changed ones are rewritten rather than skipped with a cursor
  /// move (`ESC[row;colH`, 6 to 8 bytes) when there are at most this many.
  static let gapWrittenOver = 4

  private func write(_ cell: Cell, _ out: inout String, _ current: inout Style?, _ level: ColorLevel) {
    let style = ANSI.shownStyle(cell, level: level)
    if style != current {
      out += ANSI.sgr(style)
      current = style
    }
    out.append(cell.character)
  }
}
