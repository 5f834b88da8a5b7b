import BackstepCore
import TermGrid

/// A matrix drawn as coloured cells.
///
/// Signed values use the diverging palette with symmetric limits ±`limit` centred on zero;
/// values that cannot be negative (`fromZero`) the sequential palette from 0 to `limit`;
/// `logMagnitude` shows log10|x| on the sequential palette over six decades below `limit`.
/// With colour and UTF-8, `▀` half blocks give two matrix rows per cell; without UTF-8, each
/// cell is a space on a coloured background; without colour, shade glyphs `·░▒▓█` give the
/// size and a second column gives the sign (`+`, `-`). NaN and ±∞ have their own glyph and
/// style and are never drawn as zero. A matrix larger than its rectangle is pooled (by the
/// largest |x|), and ``geometry(in:context:)`` says how, for titles and for
/// finding the element under a cell.
public struct HeatMap: Widget, Sendable {
  /// The values, row-major `rows × cols` (or `cols × rows` when `transposed`).
  public var values: [Double]
  public var rows: Int
  public var cols: Int
  /// Read `values` as the transpose of what is shown: examples × units shown as units × examples.
  public var transposed = false
  /// The colour limit: ±limit on the diverging scale, the top of the log scale. The widget
  /// measures nothing: the caller passes a limit the core measured (``MapScale/limit``).
  public var limit = 1.0
  /// The values cannot be negative (a sigmoid's or relu's output, σ²): the sequential palette
  /// from 0, and no sign column without colour.
  public var fromZero = false
  public var logMagnitude = false
  public var palette: Palette = .blueOrange
  /// Values from the previous iteration: drawn faded.
  public var dimmed = false
  /// The element to mark, as (row, column).
  public var selected: (row: Int, col: Int)?
  /// A matrix column to underline all the way down (the selected example's, in a map whose
  /// columns are examples); pooled, the drawn column that holds it. Underlined cells keep their
  /// colour, so the column reads in colour, without it and on a projector.
  public var highlightedColumn: Int?
  /// The widest and tallest an element may be drawn, in cells and pixels.
  public var maxCellWidth = 6
  /// Write each value inside its element when the element is large enough
  /// (``numberLayout(_:context:)``).
  public var numbers = true
  public var maxPixelHeight = 4

  /// Takes the limit and the kind of scale from a span the core gave.
  public mutating func scale(_ span: ColourSpan) {
    limit = span.top
    fromZero = span.fromZero
  }

  public init(values: [Double], rows: Int, cols: Int, transposed: Bool = false) {
    self.values = values
    self.rows = rows
    self.cols = cols
    self.transposed = transposed
  }

  /// A matrix shown as it is; `transposed: true` shows [B × n] activations as n × B.
  public init(_ m: Matrix, transposed: Bool = false) {
    self.init(values: m.storage, rows: transposed ? m.cols : m.rows, cols: transposed ? m.rows : m.cols, transposed: transposed)
  }

  @inline(__always)
  func value(_ r: Int, _ c: Int) -> Double {
    transposed ? values[c * rows + r] : values[r * cols + c]
  }

  /// How the matrix maps onto cells.
  public struct Geometry: Sendable {
    public var area: Rect
    /// Matrix rows and columns pooled into one drawn element.
    public var poolRows: Int
    public var poolCols: Int
    /// Drawn elements, after pooling.
    public var shownRows: Int
    public var shownCols: Int
    /// Cells across and pixels down per drawn element (a pixel is half a cell with half blocks).
    public var cellWidth: Int
    public var pixelHeight: Int
    public var halfBlocks: Bool

    public var isPooled: Bool { poolRows > 1 || poolCols > 1 }
    /// The cells actually covered.
    public var drawnWidth: Int { shownCols * cellWidth }
    public var drawnHeight: Int { (shownRows * pixelHeight + (halfBlocks ? 1 : 0)) / (halfBlocks ? 2 : 1) }

    /// The first cell row, from the top of `area`, that shows drawn element row `er`: an element
    /// `pixelHeight` pixels tall can cover several cell rows, and marks drawn once go on this one.
    public func firstCellRow(ofElement er: Int) -> Int { er * pixelHeight / (halfBlocks ? 2 : 1) }

    /// The first matrix element under a screen cell, if the cell shows one.
    public func element(x: Int, y: Int) -> (row: Int, col: Int)? {
      guard cellWidth > 0, pixelHeight > 0, x >= area.x, y >= area.y else { return nil }
      let ec = (x - area.x) / cellWidth
      let pixel = (y - area.y) * (halfBlocks ? 2 : 1)
      let er = pixel / pixelHeight
      guard ec < shownCols, er < shownRows else { return nil }
      return (er * poolRows, ec * poolCols)
    }
  }

  public func geometry(in area: Rect, context: RenderContext) -> Geometry {
    let half = context.theme.hasColor && context.glyphs.isUnicode
    let mono = !context.theme.hasColor
    let pixels = area.height * (half ? 2 : 1)
    let columnsPerElement = mono ? 2 : 1
    let widthInElements = max(1, area.width / columnsPerElement)
    let poolRows = max(1, (rows + max(pixels, 1) - 1) / max(pixels, 1))
    let poolCols = max(1, (cols + widthInElements - 1) / widthInElements)
    let shownRows = rows == 0 ? 0 : (rows + poolRows - 1) / poolRows
    let shownCols = cols == 0 ? 0 : (cols + poolCols - 1) / poolCols
    var cellWidth = shownCols > 0 ? max(1, min(area.width / shownCols, maxCellWidth)) : 1
    if mono { cellWidth = max(2, cellWidth) }
    let pixelHeight = shownRows > 0 ? max(1, min(pixels / shownRows, maxPixelHeight)) : 1
    return Geometry(
      area: area, poolRows: poolRows, poolCols: poolCols, shownRows: shownRows, shownCols: shownCols,
      cellWidth: cellWidth, pixelHeight: pixelHeight, halfBlocks: half)
  }

  /// The pooled value of drawn element (r, c): NaN or ±∞ win, so they always show.
  func pooled(_ g: Geometry, _ r: Int, _ c: Int) -> Double {
    let r0 = r * g.poolRows, c0 = c * g.poolCols
    let r1 = min(rows, r0 + g.poolRows), c1 = min(cols, c0 + g.poolCols)
    if r1 - r0 == 1 && c1 - c0 == 1 { return value(r0, c0) }
    var best = 0.0
    for i in r0..<r1 {
      for j in c0..<c1 {
        let v = value(i, j)
        if !v.isFinite { return v }
        if abs(v) > abs(best) { best = v }
      }
    }
    return best
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    // Fewer values than rows × cols would index past the end: draw nothing rather than trap.
    guard !area.isEmpty, rows > 0, cols > 0, rows <= values.count / cols else { return }
    let g = geometry(in: area, context: context)
    let selectedCell = selected.map { (row: $0.row / g.poolRows, col: $0.col / g.poolCols) }
    let highlighted = highlightedColumn.map { $0 / g.poolCols }
    // Pool every drawn element once.
    var shown = [Double](repeating: 0, count: g.shownRows * g.shownCols)
    for r in 0..<g.shownRows {
      for c in 0..<g.shownCols { shown[r * g.shownCols + c] = pooled(g, r, c) }
    }
    let nonFinite = context.style(.nonFinite)
    let mark = context.style(.cursorMark)
    if !context.theme.hasColor {
      renderMono(g, shown, limit, selectedCell, &frame, context)
      underline(column: highlighted, g, &frame)
      return
    }
    for cy in 0..<g.drawnHeight {
      let y = area.y + cy
      guard y < area.maxY else { break }
      for ec in 0..<g.shownCols {
        let isSelectedColumn = selectedCell?.col == ec
        for k in 0..<g.cellWidth {
          let x = area.x + ec * g.cellWidth + k
          guard x < area.maxX else { break }
          if g.halfBlocks {
            let upper = (2 * cy) / g.pixelHeight, lower = (2 * cy + 1) / g.pixelHeight
            let vu = upper < g.shownRows ? shown[upper * g.shownCols + ec] : 0
            let vl = lower < g.shownRows ? shown[lower * g.shownCols + ec] : 0
            if !vu.isFinite || (!vl.isFinite && lower < g.shownRows) {
              let bad = !vu.isFinite ? vu : vl
              frame[x, y] = nonFinite.cell(glyph(for: bad, context.glyphs))
              continue
            }
            let fg = upper < g.shownRows ? color(vu, limit, context) : .default
            let bg = lower < g.shownRows ? color(vl, limit, context) : .default
            var cell = Cell(context.glyphs.upperHalf, foreground: fg, background: bg)
            if let sel = selectedCell, isSelectedColumn, cy == g.firstCellRow(ofElement: sel.row), k == g.cellWidth / 2 {
              cell = Cell(context.glyphs.pointThird, foreground: mark.foreground, background: selectedCell?.row == upper ? fg : bg, attributes: mark.attributes)
            }
            frame[x, y] = cell
          } else {
            let er = cy / g.pixelHeight
            guard er < g.shownRows else { continue }
            let v = shown[er * g.shownCols + ec]
            if !v.isFinite {
              frame[x, y] = nonFinite.cell(glyph(for: v, context.glyphs))
              continue
            }
            let selectedHere = isSelectedColumn && selectedCell?.row == er && cy == g.firstCellRow(ofElement: er) && k == g.cellWidth / 2
            frame[x, y] = Cell(
              selectedHere ? "+" : " ", foreground: mark.foreground, background: color(v, limit, context), attributes: selectedHere ? mark.attributes : [])
          }
        }
      }
    }
    drawNumbers(g, shown, selected: selectedCell, &frame, context)
    underline(column: highlighted, g, &frame)
  }

  /// Underlines every drawn cell of drawn column `ec`, over whatever glyph the cell holds.
  private func underline(column ec: Int?, _ g: Geometry, _ frame: inout Frame) {
    guard let ec, ec >= 0, ec < g.shownCols else { return }
    for cy in 0..<min(g.drawnHeight, g.area.height) {
      for k in 0..<g.cellWidth where g.area.x + ec * g.cellWidth + k < g.area.maxX {
        frame[g.area.x + ec * g.cellWidth + k, g.area.y + cy].attributes.insert(.underline)
      }
    }
  }

  private func renderMono(
    _ g: Geometry, _ shown: [Double], _ limit: Double, _ selectedCell: (row: Int, col: Int)?, _ frame: inout Frame,
    _ context: RenderContext
  ) {
    let shades = context.glyphs.shades
    for cy in 0..<g.drawnHeight {
      let y = g.area.y + cy
      let er = cy / g.pixelHeight
      guard y < g.area.maxY, er < g.shownRows else { break }
      for ec in 0..<g.shownCols {
        let x = g.area.x + ec * g.cellWidth
        guard x + 1 < g.area.maxX else { break }
        let v = shown[er * g.shownCols + ec]
        let attributes: Attributes = (selectedCell?.row == er && selectedCell?.col == ec) ? .reverse : (dimmed ? .dim : [])
        if !v.isFinite {
          frame[x, y] = context.style(.nonFinite).cell(glyph(for: v, context.glyphs))
          frame[x + 1, y] = context.style(.nonFinite).cell(v.isNaN ? " " : (v > 0 ? "+" : "-"))
          continue
        }
        let t = logMagnitude ? logPosition(v, limit) : min(abs(v) / limit, 1)
        let shade = shades[Clamp.slot(t, count: shades.count)]
        let sign: Character = logMagnitude || fromZero || t < 0.125 ? " " : (v < 0 ? "-" : "+")
        frame[x, y] = Cell(shade, attributes: attributes)
        frame[x + 1, y] = Cell(sign, attributes: attributes)
      }
    }
  }

  func glyph(for v: Double, _ glyphs: Glyphs) -> Character {
    v.isNaN ? glyphs.nan : (v > 0 ? glyphs.posInfinity : glyphs.negInfinity)
  }

  /// The decades below the limit that the log scale shows, and the bottom of that scale as a
  /// fraction of the limit (10⁻⁶), for the legend's left end.
  static let logDecades = 6.0
  static let logFloor = 1e-6

  /// Where log10|x| sits in the ``logDecades`` below the limit, 0…1.
  func logPosition(_ v: Double, _ limit: Double) -> Double {
    guard v != 0 else { return 0 }
    return min(max((Elementary.log10(abs(v)) - Elementary.log10(limit) + Self.logDecades) / Self.logDecades, 0), 1)
  }

  func color(_ v: Double, _ limit: Double, _ context: RenderContext) -> Color {
    if logMagnitude { return Palette.sequential(logPosition(v, limit), level: context.level, dimmed: dimmed) }
    if fromZero { return Palette.sequential(v / limit, level: context.level, dimmed: dimmed) }
    return palette.diverging(v / limit, level: context.level, dimmed: dimmed)
  }
}
