import BackstepCore
import TermGrid

/// A batchnorm layer's band in the network table. Its quantity column holds, left to right,
/// the chosen quantity (a or z, or γ for W), x̂ = (x − μ)/√(σ² + ε) when there is room, and
/// four labelled per-unit strips when there is room: μ and σ² of the batch (from the record),
/// γ and β (the layer's parameters). Its gradient column holds dγ, and dβ beside it when
/// there is room. Every number drawn is one the core kept; nothing is computed here.
struct BatchNormBand {
  /// Where the parts of a batchnorm band's quantity column go.
  struct Parts: Equatable {
    /// The chosen quantity; hit-testing reads this rectangle.
    var main: Rect
    var xhat: Rect?
    /// The strips block: one row per strip, `name strip max`.
    var strips: Rect?
  }

  /// Width of the strips block: a two-cell name, the strip (`stripWidth` cells), the largest |x|.
  static let stripWidth = 6
  static let stripsWidth = 3 + stripWidth + 1 + Magnitude.width
  /// The narrowest a heat map is drawn beside another.
  static let minimumMap = 7

  /// The parts of a quantity column `rect`: the strips take the right when the main map keeps
  /// `minimumMap` columns (μ, σ², γ and β say more than x̂ while γ = 1 and β = 0 make x̂ = z);
  /// x̂ then halves what is left when both halves keep `minimumMap`.
  /// Depends on the width only, so the parts line up from band to band under one heading.
  static func parts(of rect: Rect) -> Parts {
    var main = rect
    var strips: Rect?
    if rect.width >= minimumMap + 1 + stripsWidth {
      let (left, rest) = rect.splitLeft(rect.width - stripsWidth - 1)
      main = left
      strips = rest.splitLeft(1).rest
    }
    var xhat: Rect?
    if main.width >= 2 * minimumMap + 1 {
      let (left, rest) = main.splitLeft((main.width - 1) / 2)
      main = left
      xhat = rest.splitLeft(1).rest
    }
    return Parts(main: main, xhat: xhat, strips: strips)
  }

  /// One strip: its name, its values per unit (`[n]`), and whether they are from an earlier stage.
  struct Strip {
    var name: String
    var values: [Double]
    /// The map the values are, which says whether they can be negative (σ² cannot).
    var map: ShownMap
    /// The size of `values`, as the core measured it.
    var scale: MapScale
    var dimmed: Bool
  }

  /// The four strips of a layer, in the order drawn: μ, σ² (empty until the layer's forward
  /// stage has run once), γ, β.
  /// `scale` gives the core's measure of each map (μ, σ², γ as the layer's weights, β).
  static func strips(layer: BatchNormLayer, record: BatchNormRecord?, scale: (ShownMap) -> MapScale, forwardFresh: Bool) -> [Strip] {
    [
      Strip(name: "μ", values: record?.mean ?? [], map: .mean, scale: scale(.mean), dimmed: !forwardFresh),
      Strip(name: "σ²", values: record?.variance ?? [], map: .variance, scale: scale(.variance), dimmed: !forwardFresh),
      Strip(name: "γ", values: layer.gamma, map: .weights, scale: scale(.weights), dimmed: false),
      Strip(name: "β", values: layer.beta, map: .beta, scale: scale(.beta), dimmed: false),
    ]
  }

  /// Draws as many strips as `rect` has rows, one a row: the name, the values as a 1 × n heat
  /// map (unit 1 on the left), and the strip's largest |x| (or its NaN or ∞) so the colours have a size.
  static func render(_ strips: [Strip], in rect: Rect, palette: Palette, stage: String, into frame: inout Frame, context: RenderContext) {
    for (i, strip) in strips.prefix(rect.height).enumerated() {
      let row = Rect(x: rect.x, y: rect.y + i, width: rect.width, height: 1)
      let nameStyle = context.style(strip.dimmed ? .dim : .text)
      frame.put(strip.name, x: row.x, y: row.y, style: nameStyle, clip: row)
      let body = row.splitLeft(3).rest
      guard !strip.values.isEmpty else {
        frame.put(Text.truncate("comes at " + stage, to: body.width, glyphs: context.glyphs), x: body.x, y: row.y, style: context.style(.dim), clip: body)
        continue
      }
      var map = HeatMap(values: strip.values, rows: 1, cols: strip.values.count)
      map.dimmed = strip.dimmed
      map.scale(ColourSpan(strip.scale, within: strip.map.range()))
      map.palette = palette
      map.render(in: body.splitLeft(stripWidth).left, into: &frame, context: context)
      // A NaN or ∞ is named rather than left out of the largest |x|.
      let magnitude = Magnitude.text(strip.scale.shown)
      frame.put(magnitude, x: row.maxX - magnitude.count, y: row.y, style: context.style(.dim), clip: row)
    }
  }
}
