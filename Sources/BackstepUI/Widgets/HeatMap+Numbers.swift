import BackstepCore
import TermGrid

extension HeatMap {
  /// The fewest characters a number inside a cell takes (`0.52`, `-.08`, `4e-3`).
  static let numberWidth = 4

  /// Where the numbers go: in colour, unpooled elements whose cell rows each show one element
  /// alone (whole cell rows, not half of one shared with the next element). Numbers never
  /// touch: an element wider than ``numberWidth`` keeps a blank cell after its number; one
  /// exactly ``numberWidth`` wide and at least two cell rows tall fills its cell, and odd
  /// columns write on their element's second row, so that neighbours sit on alternate rows.
  /// nil when the numbers are left out and the colour tells alone.
  func numberLayout(_ g: Geometry, context: RenderContext) -> (width: Int, staggered: Bool)? {
    guard numbers, context.theme.hasColor, !g.isPooled, !g.halfBlocks || g.pixelHeight % 2 == 0 else { return nil }
    let rowsPerElement = g.halfBlocks ? g.pixelHeight / 2 : g.pixelHeight
    if g.cellWidth > Self.numberWidth { return (g.cellWidth - 1, false) }
    if g.cellWidth == Self.numberWidth && rowsPerElement >= 2 { return (g.cellWidth, true) }
    return nil
  }

  /// Writes each element's value (`0.52`, `-.08`) right-aligned in its cell, on the row
  /// ``numberLayout(_:context:)`` gives it, over its own colour, in black or white, whichever
  /// reads on that colour: every element's, or none when one of them does not fit (a map half
  /// numbered would read as two kinds of cell). The element under the cursor keeps its mark.
  func drawNumbers(_ g: Geometry, _ shown: [Double], selected: (row: Int, col: Int)?, _ frame: inout Frame, _ context: RenderContext) {
    guard let layout = numberLayout(g, context: context) else { return }
    let texts = shown.map { $0.isFinite ? Self.cellText($0, width: layout.width) : "" }
    guard !texts.contains(nil) else { return }
    for er in 0..<g.shownRows {
      for ec in 0..<g.shownCols where !(selected?.row == er && selected?.col == ec) {
        let y = g.area.y + g.firstCellRow(ofElement: er) + (layout.staggered && ec % 2 == 1 ? 1 : 0)
        let v = shown[er * g.shownCols + ec]
        guard y < g.area.maxY, v.isFinite, let text = texts[er * g.shownCols + ec] else { continue }
        let background = color(v, limit, context)
        let x = g.area.x + ec * g.cellWidth + (layout.width - text.count)
        frame.put(text, x: x, y: y, foreground: Self.contrast(on: background, level: context.level), background: background, clip: g.area)
      }
    }
  }

  /// A value in at most `width` characters, its leading zero dropped when that makes it fit
  /// (`-.08`); nil when even that does not fit (`-4e-3` in four), and the colour tells alone.
  static func cellText(_ v: Double, width: Int) -> String? {
    let text = Magnitude.text(v, width: width)
    if text.count <= width { return text }
    let wider = Magnitude.text(v, width: width + 1)
    // Only a leading zero goes: "10.5" must not read as "1.5".
    let short = wider.hasPrefix("0.") ? String(wider.dropFirst()) : wider.hasPrefix("-0.") ? "-" + wider.dropFirst(2) : wider
    return short.count <= width ? short : nil
  }

  /// Black on a light colour, white on a dark one (by the colour's luma).
  static func contrast(on color: Color, level: ColorLevel) -> Color {
    let (r, g, b): (Int, Int, Int)
    switch color {
    case .rgb(let red, let green, let blue): (r, g, b) = (Int(red), Int(green), Int(blue))
    case .indexed(let i): (r, g, b) = ColorMath.rgb(of: i)
    case .default: return .default
    }
    let light = 299 * r + 587 * g + 114 * b > 128_000
    return .indexed(light ? 0 : (level >= .xterm256 ? 231 : 15))
  }
}
