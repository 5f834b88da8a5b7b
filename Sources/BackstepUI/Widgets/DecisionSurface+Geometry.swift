import BackstepCore
import TermGrid

extension DecisionSurface {
  /// Where a drawing of the input plane goes inside a panel, and on what grid of pixels.
  ///
  /// The plane's x and y spans are drawn at one scale, so that a circle in the data is round on
  /// the screen: a terminal cell is about ``cellAspect`` times as tall as it is wide, and a half
  /// block splits it into two pixels that are nearly square. The part of the panel the plot
  /// does not need is left blank.
  ///
  ///     ytick│plot (columns × rows pixels)│  legend
  ///          │xtick                       │
  public struct Geometry: Equatable, Sendable {
    /// The cells the plane is drawn in.
    public var plot: Rect
    /// The pixel grid: one pixel per cell across; one per cell down, or two with half blocks.
    public var columns: Int
    public var rows: Int
    /// Whether a cell holds two pixels (upper and lower half block).
    public var halfBlocks: Bool
    /// Left of the plot: y at its top and bottom rows. Under the plot: x at its left and right.
    public var yTicks: Rect
    public var xTicks: Rect
    /// Right of the plot, when there is room: the classes, the boundary and the batch.
    public var legend: Rect?
  }

  /// A terminal cell's height over its width.
  static let cellAspect = 2.0
  /// The legend's columns, a gap included: "● class 2", "─ p = 0.5", "● in batch".
  static let legendWidth = 13
  /// The narrowest plot worth drawing, in cells.
  static let minimumPlot = (columns: 4, rows: 2)

  /// The labels of the plane's edges on an axis, as the ticks write them.
  static func tickLabels(_ low: Double, _ high: Double) -> (low: String, high: String) {
    (Format.short(low, digits: 2), Format.short(high, digits: 2))
  }

  /// The geometry of a drawing of `plane` in `area` (a panel's inside); nil where the area is
  /// too small for a plot with its ticks.
  public static func geometry(in area: Rect, plane: OutputSurface.Plane, context: RenderContext) -> Geometry? {
    let half = context.theme.hasColor && context.glyphs.isUnicode
    let y = tickLabels(plane.yMin, plane.yMax)
    let tickWidth = max(y.low.count, y.high.count) + 1
    let room = (columns: area.width - tickWidth, rows: area.height - 1)
    guard room.columns >= minimumPlot.columns, room.rows >= minimumPlot.rows else { return nil }
    let withLegend = room.columns - legendWidth >= minimumPlot.columns
    let maxColumns = withLegend ? room.columns - legendWidth : room.columns
    let maxPixelRows = room.rows * (half ? 2 : 1)
    // A pixel's height in pixel widths: 1 for a half block, 2 for a whole cell.
    let pixelAspect = half ? cellAspect / 2 : cellAspect
    let span = (x: plane.xMax - plane.xMin, y: plane.yMax - plane.yMin)
    // Rows first (an even number with half blocks, so that the last cell holds two pixels of
    // the plane), then the columns that give the plane its aspect at that height.
    let rowsForWidth = Double(maxColumns) * span.y / (span.x * pixelAspect)
    var rows = Clamp.int(rowsForWidth, in: 1...maxPixelRows, nan: maxPixelRows)
    if half { rows = max(2, rows / 2 * 2) }
    let columns = Clamp.int((Double(rows) * pixelAspect * span.x / span.y).rounded(), in: 1...maxColumns, nan: maxColumns)
    let plot = Rect(x: area.x + tickWidth, y: area.y, width: columns, height: half ? rows / 2 : rows)
    let legendX = plot.maxX + 2
    return Geometry(
      plot: plot, columns: columns, rows: rows, halfBlocks: half,
      yTicks: Rect(x: area.x, y: plot.y, width: tickWidth - 1, height: plot.height),
      xTicks: Rect(x: plot.x, y: plot.maxY, width: area.maxX - plot.x, height: 1),
      legend: withLegend ? Rect(x: legendX, y: area.y, width: area.maxX - legendX, height: area.height) : nil)
  }
}
