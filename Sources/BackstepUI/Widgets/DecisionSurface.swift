import BackstepCore
import TermGrid

/// The network's output over the input plane (two inputs only), with the training points on it.
///
/// Each class's region has a colour of its own (``Role/regionA`` …), a stronger tone where the
/// output is sure of it (confidence ≥ ½); the boundary between regions (p = 0.5 for one sigmoid
/// output, equal largest outputs for softmax, 0 for one output of another kind) is drawn as a
/// line over the edge pixels. Points are drawn in their class's colour and glyph; those in the
/// current batch in reverse video. The classes and confidences come computed
/// (``OutputSurface``); the widget only compares neighbours to find the boundary.
///
/// The plane is drawn at one scale on both axes (``geometry(in:plane:context:)``), with its x
/// and y ranges at the plot's edges and a legend beside it.
public struct DecisionSurface: Widget, Sendable {
  public var surface: OutputSurface
  /// The training inputs `[N × 2]`, their class labels (nil for regression) and targets `[N × k]`.
  public var points: Matrix
  public var labels: [Int]?
  public var targets: Matrix
  /// Rows of `points` in the current batch.
  public var batch: [Int]
  /// The selected example: its row of `points` and its 1-based-to-be position in the batch.
  /// Its point is ringed (``Glyphs/ring``) and the legend names it.
  public var selected: (row: Int, position: Int)?

  public init(surface: OutputSurface, points: Matrix, labels: [Int]?, targets: Matrix, batch: [Int] = []) {
    self.surface = surface
    self.points = points
    self.labels = labels
    self.targets = targets
    self.batch = batch
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard let geometry = Self.geometry(in: area, plane: surface.plane, context: context) else { return }
    drawRegions(geometry, into: &frame, context: context)
    drawPoints(geometry, into: &frame, context: context)
    drawTicks(geometry, into: &frame, context: context)
    if let legend = geometry.legend { drawLegend(in: legend, into: &frame, context: context) }
  }

  /// The class at pixel (px, py) of the geometry's grid, and whether the boundary runs there
  /// (the class changes to the right or below).
  func pixel(_ px: Int, _ py: Int, _ g: Geometry) -> (index: Int, edge: Edge?) {
    let i = surface.index(pixel: px, py, of: g.columns, g.rows)
    let k = surface.classes[i]
    if px + 1 < g.columns, surface.classes[surface.index(pixel: px + 1, py, of: g.columns, g.rows)] != k { return (i, .vertical) }
    if py + 1 < g.rows, surface.classes[surface.index(pixel: px, py + 1, of: g.columns, g.rows)] != k { return (i, .horizontal) }
    return (i, nil)
  }

  enum Edge { case vertical, horizontal }

  /// The region colour of grid point `i`: its class's hue, stronger where the output is sure.
  func regionStyle(_ i: Int, _ context: RenderContext) -> Style {
    context.style(Self.regionRole(surface.classes[i], sure: surface.confidence[i] >= 0.5))
  }

  static func regionRole(_ k: Int, sure: Bool) -> Role {
    switch (min(max(k, 0), 2), sure) {
    case (0, false): .regionA
    case (1, false): .regionB
    case (_, false): .regionC
    case (0, true): .regionSureA
    case (1, true): .regionSureB
    case (_, true): .regionSureC
    }
  }

  static func pointRole(_ k: Int) -> Role { [Role.classA, .classB, .classC][min(max(k, 0), 2)] }

  /// A class's point glyph: one shape per class where colours cannot tell them apart (8 and 16
  /// colours draw every point white, monochrome none); one filled dot for the first two classes otherwise.
  static func pointGlyph(_ k: Int, _ context: RenderContext) -> Character {
    let glyphs = context.glyphs
    let shapes = context.level == .xterm256 || context.level == .truecolor ? [glyphs.point, glyphs.point] : [glyphs.point, glyphs.pointAlt]
    return k <= 0 ? shapes[0] : (k == 1 ? shapes[1] : glyphs.pointThird)
  }

  func drawRegions(_ g: Geometry, into frame: inout Frame, context: RenderContext) {
    let boundary = context.style(.boundary)
    for cy in 0..<g.plot.height {
      for cx in 0..<g.columns {
        if g.halfBlocks {
          let upper = pixel(cx, 2 * cy, g), lower = pixel(cx, 2 * cy + 1, g)
          let top = upper.edge == nil ? regionStyle(upper.index, context).background : boundary.foreground
          let bottom = lower.edge == nil ? regionStyle(lower.index, context).background : boundary.foreground
          frame[g.plot.x + cx, g.plot.y + cy] = Cell(context.glyphs.upperHalf, foreground: top, background: bottom)
          continue
        }
        let (i, edge) = pixel(cx, cy, g)
        let region = regionStyle(i, context)
        let cell: Cell
        switch edge {
        case .vertical: cell = Cell(context.glyphs.vertical, foreground: boundary.foreground, background: region.background, attributes: boundary.attributes)
        case .horizontal:
          cell = Cell(context.glyphs.horizontal, foreground: boundary.foreground, background: region.background, attributes: boundary.attributes)
        case nil: cell = Cell(Self.regionGlyph(surface.classes[i], context), foreground: region.foreground, background: region.background)
        }
        frame[g.plot.x + cx, g.plot.y + cy] = cell
      }
    }
  }

  /// Without colour a region is told by its texture: blank, light dots, a light shade.
  static func regionGlyph(_ k: Int, _ context: RenderContext) -> Character {
    guard !context.theme.hasColor, k > 0 else { return " " }
    let shades = context.glyphs.shades
    return shades[min(k - 1, shades.count - 1)]
  }

  /// The class point `i` belongs to: its label, or for regression the sign of its target.
  func pointClass(_ i: Int) -> Int {
    if let labels, i < labels.count { return labels[i] }
    return targets.rows > i && targets[i, 0] >= 0 ? 1 : 0
  }

  /// Every training point's cell, in the order drawn: the points outside the batch, the
  /// batch's, then the selected example's, so that the one on top of a shared cell comes last.
  func pointCells(_ g: Geometry) -> [ScreenRegions.PointRegion] {
    let inBatch = Set(batch)
    let valid = { (i: Int) in i >= 0 && i < points.rows }
    let ringed = selected.map(\.row).flatMap { valid($0) ? $0 : nil }
    let order = (0..<points.rows).filter { !inBatch.contains($0) } + batch.filter { valid($0) && $0 != ringed } + (ringed.map { [$0] } ?? [])
    let bounds = surface.plane
    return order.map { i in
      let fx = (points[i, 0] - bounds.xMin) / max(bounds.xMax - bounds.xMin, 1e-12)
      let fy = (bounds.yMax - points[i, 1]) / max(bounds.yMax - bounds.yMin, 1e-12)
      let x = g.plot.x + Clamp.int(fx * Double(g.plot.width), in: 0...(g.plot.width - 1))
      let y = g.plot.y + Clamp.int(fy * Double(g.plot.height), in: 0...(g.plot.height - 1))
      return ScreenRegions.PointRegion(row: i, x: x, y: y)
    }
  }

  /// Where the points go when the widget is drawn in `area`, for reading clicks; none when
  /// the area has no room for a plot.
  public func pointCells(in area: Rect, context: RenderContext) -> [ScreenRegions.PointRegion] {
    Self.geometry(in: area, plane: surface.plane, context: context).map(pointCells) ?? []
  }

  func drawPoints(_ g: Geometry, into frame: inout Frame, context: RenderContext) {
    let inBatch = Set(batch)
    for p in pointCells(g) {
      let k = pointClass(p.row)
      let style = context.style(Self.pointRole(k))
      var attributes = style.attributes.union(.bold)
      if inBatch.contains(p.row) { attributes.insert(.reverse) }
      let glyph = p.row == selected?.row ? context.glyphs.ring : Self.pointGlyph(k, context)
      frame[p.x, p.y] = Cell(glyph, foreground: style.foreground, background: frame[p.x, p.y].background, attributes: attributes)
    }
  }
}
