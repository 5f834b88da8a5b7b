import BackstepCore
import TermGrid

/// The network's output over the input plane (two inputs only), as a heat map, with the
/// training points on it.
///
/// For one sigmoid output the colour is P(class 1) around 0.5; for softmax, the winning class's
/// hue; for regression, the output on the diverging scale. Points are drawn as `●` (train) in
/// their class's colour. The outputs come computed (``OutputSurface``); each pixel takes the
/// grid point under it, which is exact when the grid has the drawing's size.
public struct DecisionSurface: Widget, Sendable {
  public var surface: OutputSurface
  public var points: Matrix
  public var labels: [Int]?
  public var targets: Matrix
  public var palette: Palette = .blueOrange

  public init(surface: OutputSurface, points: Matrix, labels: [Int]?, targets: Matrix) {
    self.surface = surface
    self.points = points
    self.labels = labels
    self.targets = targets
  }

  /// The grid that a drawing in `area` shows exactly: one point per cell across, and one per
  /// half cell down where half blocks are drawn. Nil where the area is too small to draw.
  public static func grid(in area: Rect, context: RenderContext) -> (columns: Int, rows: Int)? {
    guard area.width >= 6, area.height >= 3 else { return nil }
    return (area.width, area.height * (context.theme.hasColor && context.glyphs.isUnicode ? 2 : 1))
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard let (width, pixelRows) = Self.grid(in: area, context: context) else { return }
    let half = pixelRows > area.height
    let out = surface.outputs
    let bounds = surface.plane
    func tone(_ px: Int, _ py: Int) -> Double {
      let i = surface.index(pixel: px, py, of: width, pixelRows)
      if out.cols == 1 {
        let v = out[i, 0]
        return surface.outputActivation == .sigmoid ? (v - 0.5) * 2 : v
      }
      let k = Evaluation.predictedClass(out, row: i)
      return k == 0 ? -out[i, k] : out[i, k]
    }
    func color(_ t: Double) -> Color {
      // Pale: the points must stand out on it.
      palette.diverging(t * 0.6, level: context.level)
    }
    if !context.theme.hasColor {
      let shades = context.glyphs.shades
      for y in 0..<area.height {
        for x in 0..<area.width {
          let t = tone(x, y)
          frame[area.x + x, area.y + y] = Cell(t >= 0 ? shades[Clamp.int(t * 2.99, in: 0...2)] : " ")
        }
      }
    } else {
      for y in 0..<area.height {
        for x in 0..<area.width {
          if half {
            let upper = tone(x, 2 * y), lower = tone(x, 2 * y + 1)
            frame[area.x + x, area.y + y] = Cell(context.glyphs.upperHalf, foreground: color(upper), background: color(lower))
          } else {
            frame[area.x + x, area.y + y] = Cell(" ", background: color(tone(x, y)))
          }
        }
      }
    }
    // The points.
    for i in 0..<points.rows {
      let fx = (points[i, 0] - bounds.xMin) / max(bounds.xMax - bounds.xMin, 1e-12)
      let fy = (bounds.yMax - points[i, 1]) / max(bounds.yMax - bounds.yMin, 1e-12)
      let x = area.x + Clamp.int(fx * Double(area.width), in: 0...(area.width - 1))
      let y = area.y + Clamp.int(fy * Double(area.height), in: 0...(area.height - 1))
      let role: Role
      let glyph: Character
      if let labels {
        switch labels[i] {
        case 0: (role, glyph) = (.classA, context.glyphs.point)
        case 1: (role, glyph) = (.classB, context.theme.hasColor ? context.glyphs.point : context.glyphs.pointAlt)
        default: (role, glyph) = (.classC, context.glyphs.pointThird)
        }
      } else {
        (role, glyph) = (targets[i, 0] >= 0 ? .classB : .classA, context.glyphs.point)
      }
      let style = context.style(role)
      frame[x, y] = Cell(glyph, foreground: style.foreground, background: frame[x, y].background, attributes: .bold)
    }
  }
}
