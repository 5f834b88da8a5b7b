import BackstepCore
import TermGrid

/// The network's output over the input plane (two inputs only), as a heat map, with the
/// training points on it.
///
/// For one sigmoid output the colour is P(class 1) around 0.5; for softmax, the winning class's
/// hue; for regression, the output on the diverging scale. Points are drawn as `●` (train) in
/// their class's colour.
public struct DecisionSurface: Widget, Sendable {
  public var network: Network
  public var points: Matrix
  public var labels: [Int]?
  public var targets: Matrix
  /// The plane shown: [xMin, xMax] × [yMin, yMax].
  public var bounds: (xMin: Double, xMax: Double, yMin: Double, yMax: Double)
  public var palette: Palette = .blueOrange

  public init(network: Network, points: Matrix, labels: [Int]?, targets: Matrix) {
    self.network = network
    self.points = points
    self.labels = labels
    self.targets = targets
    var xMin = -1.0, xMax = 1.0, yMin = -1.0, yMax = 1.0
    for i in 0..<points.rows {
      xMin = min(xMin, points[i, 0])
      xMax = max(xMax, points[i, 0])
      yMin = min(yMin, points[i, 1])
      yMax = max(yMax, points[i, 1])
    }
    bounds = (xMin, xMax, yMin, yMax)
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.width >= 6, area.height >= 3, network.inputCount == 2 else { return }
    let half = context.theme.hasColor && context.glyphs.isUnicode
    let pixelRows = area.height * (half ? 2 : 1)
    // One forward pass over the grid, evaluation mode.
    var grid = Matrix(rows: pixelRows * area.width, cols: 2)
    for py in 0..<pixelRows {
      for px in 0..<area.width {
        let i = py * area.width + px
        grid[i, 0] = bounds.xMin + (Double(px) + 0.5) / Double(area.width) * (bounds.xMax - bounds.xMin)
        grid[i, 1] = bounds.yMax - (Double(py) + 0.5) / Double(pixelRows) * (bounds.yMax - bounds.yMin)
      }
    }
    let out = network.predict(grid)
    func tone(_ i: Int) -> Double {
      if out.cols == 1 {
        let v = out[i, 0]
        return network.layers[network.depth - 1].activation == .sigmoid ? (v - 0.5) * 2 : v
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
          let t = tone(y * area.width + x)
          frame[area.x + x, area.y + y] = Cell(t >= 0 ? shades[Clamp.int(t * 2.99, in: 0...2)] : " ")
        }
      }
    } else {
      for y in 0..<area.height {
        for x in 0..<area.width {
          if half {
            let upper = tone((2 * y) * area.width + x), lower = tone((2 * y + 1) * area.width + x)
            frame[area.x + x, area.y + y] = Cell(context.glyphs.upperHalf, foreground: color(upper), background: color(lower))
          } else {
            frame[area.x + x, area.y + y] = Cell(" ", background: color(tone(y * area.width + x)))
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
