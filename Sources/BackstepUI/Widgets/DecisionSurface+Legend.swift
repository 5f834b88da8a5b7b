import BackstepCore
import TermGrid

/// What the decision surface writes around its plot: the plane's range on each axis and a
/// legend of the class colours, the boundary and the batch mark.
extension DecisionSurface {
  /// y's top and bottom at the plot's first and last rows; x's left and right under its
  /// first and last columns (the right one left out where it would run into the left one).
  func drawTicks(_ g: Geometry, into frame: inout Frame, context: RenderContext) {
    let axis = context.style(.axis)
    let plane = surface.plane
    let y = Self.tickLabels(plane.yMin, plane.yMax), x = Self.tickLabels(plane.xMin, plane.xMax)
    frame.put(y.high, x: g.yTicks.maxX - y.high.count, y: g.yTicks.y, style: axis, clip: g.yTicks)
    if g.yTicks.height >= 2 { frame.put(y.low, x: g.yTicks.maxX - y.low.count, y: g.yTicks.maxY - 1, style: axis, clip: g.yTicks) }
    let leftEnd = frame.put(x.low, x: g.xTicks.x, y: g.xTicks.y, style: axis, clip: g.xTicks)
    let rightStart = g.plot.maxX - x.high.count
    if rightStart > leftEnd { frame.put(x.high, x: rightStart, y: g.xTicks.y, style: axis, clip: g.xTicks) }
  }

  /// How many classes the output tells apart: two for one output, one per output otherwise.
  var classCount: Int { surface.outputs.cols == 1 ? 2 : surface.outputs.cols }

  /// The legend's rows, one a row: each class (its point on its region's colour), the
  /// boundary, the mark of a point in the batch and the ring of the selected example. Rows that do not fit are left out.
  func drawLegend(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let text = context.style(.text)
    let signed = surface.outputs.cols == 1 && surface.outputActivation != .sigmoid
    var rows: [(Cell, String)] = (0..<classCount).map { k in
      let point = context.style(Self.pointRole(k)), region = context.style(Self.regionRole(k, sure: true))
      let swatch = Cell(Self.pointGlyph(k, context), foreground: point.foreground, background: region.background, attributes: point.attributes.union(.bold))
      return (swatch, signed ? (k == 0 ? "output < 0" : "output ≥ 0") : "class \(k)")
    }
    let boundary = context.style(.boundary)
    let rule = surface.outputs.cols > 1 ? "argmax" : (signed ? "output 0" : "p = 0.5")
    rows.append((Cell(context.glyphs.horizontal, foreground: boundary.foreground, attributes: boundary.attributes.union(.bold)), rule))
    let first = context.style(Self.pointRole(0))
    rows.append((Cell(Self.pointGlyph(0, context), foreground: first.foreground, attributes: [.bold, .reverse]), "in batch"))
    if let selected {
      rows.append((Cell(context.glyphs.ring, foreground: first.foreground, attributes: [.bold, .reverse]), "example \(selected.position + 1)"))
    }
    for (row, (swatch, label)) in rows.prefix(area.height).enumerated() {
      frame[area.x, area.y + row] = swatch
      frame.put(label, x: area.x + 2, y: area.y + row, style: text, clip: area)
    }
  }
}
