import BackstepCore
import TermGrid

extension HeatMap {
  /// The fewest characters a number inside a cell takes (`0.52`, `4e-3`), and a blank cell
  /// after it so that neighbouring numbers do not run together.
  static let numberWidth = 4

  /// Whether the elements are drawn large enough to carry their own value: in colour, an
  /// element at least ``numberWidth`` + 1 cells wide, unpooled, whose top cell row shows it
  /// alone (a whole cell row, not half of one shared with the next element).
  func showsNumbers(_ g: Geometry, context: RenderContext) -> Bool {
    numbers && context.theme.hasColor && !g.isPooled && g.cellWidth > Self.numberWidth && (!g.halfBlocks || g.pixelHeight % 2 == 0)
  }

  /// Writes each element's value (`0.52`, `-.08`) on its top cell row, over its own colour, in
  /// black or white, whichever reads on that colour: every element's, or none when one of
  /// them does not fit (a map half numbered would read as two kinds of cell). The element under
  /// the cursor keeps its mark.
  func drawNumbers(_ g: Geometry, _ shown: [Double], selected: (row: Int, col: Int)?, _ frame: inout Frame, _ context: RenderContext) {
    let texts = shown.map { $0.isFinite ? Self.cellText($0, width: g.cellWidth - 1) : "" }
    guard !texts.contains(nil) else { return }
    let rowsPerElement = g.halfBlocks ? g.pixelHeight / 2 : g.pixelHeight
    for er in 0..<g.shownRows {
      let y = g.area.y + er * rowsPerElement
      guard y < g.area.maxY else { break }
      for ec in 0..<g.shownCols where !(selected?.row == er && selected?.col == ec) {
        let v = shown[er * g.shownCols + ec]
        guard v.isFinite, let text = texts[er * g.shownCols + ec] else { continue }
        let background = color(v, limit, context)
        let x = g.area.x + ec * g.cellWidth + (g.cellWidth - 1 - text.count)
        frame.put(text, x: x, y: y, foreground: Self.contrast(on: background, level: context.level), background: background, clip: g.area)
      }
    }
  }

  /// A value in at most `width` characters, its leading zero dropped when that makes it fit
  /// (`-.08`); nil when even that does not fit (`-4e-3` in four), and the colour tells alone.
  static func cellText(_ v: Double, width: Int) -> String? {
    let text = Magnitude.text(v, width: width)
    if text.count <= width { return text }
    let short = Magnitude.text(v, width: width + 1).replacingOccurrences(of: "0.", with: ".")
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
