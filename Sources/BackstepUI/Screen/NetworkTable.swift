import BackstepCore
import TermGrid

/// The layers of the network as rows of heat maps: the chosen quantity (a, z or W), then δ,
/// then dW, so that each row reads forward on the left and backward on the right.
struct NetworkTable {
  let state: AppState

  /// The three heat-map rectangles of each layer band, plus the label column.
  struct Band {
    var layer: Int
    var label: Rect
    var quantity: Rect
    var delta: Rect
    var dW: Rect
  }

  /// The bands inside the panel's inner rectangle; row 0 of `inner` holds the headings and,
  /// when there is room, the last row the legend. Each layer gets rows in proportion to its
  /// units (capped), at least one.
  static func bands(in inner: Rect, units: [Int]) -> [Band] {
    let depth = units.count
    var body = inner.splitTop(1).rest
    if body.height > depth * 2 { body = body.splitBottom(1).rest }
    guard body.height >= 1, depth > 0 else { return [] }
    let labelWidth = min(10, max(7, inner.width / 9))
    let rest = inner.width - labelWidth
    let qWidth = rest * 4 / 10 - 1, dWidth = rest * 35 / 100 - 1
    let wWidth = rest - qWidth - dWidth - 3
    // Layers are listed output at the top, input at the bottom, like the stage order backward.
    let weights = units.reversed().map { Double(min($0, 16) + 2) }
    return body.rows(weighted: weights).enumerated().map { i, band in
      let layer = depth - i
      let usable = Rect(x: band.x, y: band.y, width: band.width, height: max(1, band.height - (band.height >= 3 ? 1 : 0)))
      let cols = usable.columns([labelWidth, qWidth, dWidth, wWidth], gap: 1)
      return Band(layer: layer, label: cols[0], quantity: cols[1], delta: cols[2], dW: cols[3])
    }
  }

  func render(in area: Rect, into frame: inout Frame, context: RenderContext) -> [Int: (Rect, HeatMap.Geometry)] {
    let s = state.stepper
    let u = context.glyphs.isUnicode
    let examples = max(s.record.input.rows, s.schedule.batchSize)
    let title = "network: rows = units, columns = \(examples) example\(examples == 1 ? "" : "s")"
    let inner = Panel(title: title).render(in: area, into: &frame, context: context)
    let bands = Self.bands(in: inner, units: s.network.layers.map(\.units))
    guard let first = bands.first else { return [:] }
    for (rect, text) in headings(first, batchNorm: s.network.layers.contains { $0.batchNorm != nil }) {
      frame.put(Text.truncate(u ? text : ascii(text), to: rect.width, glyphs: context.glyphs), x: rect.x, y: inner.y, style: context.style(.title), clip: inner)
    }
    let shown = state.quantity.map
    var geometries: [Int: (Rect, HeatMap.Geometry)] = [:]
    var pooledBy = (rows: 1, cols: 1)
    func draw(_ map: HeatMap, in rect: Rect, _ frame: inout Frame) -> HeatMap.Geometry {
      map.render(in: rect, into: &frame, context: context)
      let g = map.geometry(in: rect, context: context)
      pooledBy = (max(pooledBy.rows, g.poolRows), max(pooledBy.cols, g.poolCols))
      return g
    }
    for band in bands {
      let l = band.layer
      let layer = s.network.layers[l - 1]
      let rec = s.record.layers[l - 1]
      let forwardFresh = s.isFresh(.forward(l)), backwardFresh = s.isFresh(.backward(l))
      // A batchnorm layer is named by its kind; its shape is its width, as it has no W.
      let name = Subscript.name("L", l, unicode: false) + (layer.batchNorm != nil ? " bn" : "")
      let shape = layer.batchNorm != nil ? "\(layer.units) units" : "\(layer.units)" + context.math.times + "\(layer.inputs)"
      let activation = layer.activation.rawValue.replacingOccurrences(of: "leaky_relu", with: "leaky")
      let labelLines = band.label.height >= 3 ? [name, activation, shape] : [name + " " + activation, shape]
      for (i, text) in labelLines.enumerated() where i < band.label.height {
        frame.put(
          Text.truncate(text, to: band.label.width, glyphs: context.glyphs), x: band.label.x, y: band.label.y + i, style: context.style(i == 0 ? .text : .dim),
          clip: band.label)
      }
      let bn = layer.batchNorm
      let parts = bn != nil ? BatchNormBand.parts(of: band.quantity) : BatchNormBand.Parts(main: band.quantity)
      // The chosen quantity.
      var q: HeatMap?
      switch state.quantity {
      case .a: q = rec.a.count > 0 ? HeatMap(rec.a, transposed: true) : nil
      case .z: q = rec.z.count > 0 ? HeatMap(rec.z, transposed: true) : nil
      case .weights: q = HeatMap(layer.weights)
      }
      if var q {
        q.dimmed = state.quantity != .weights && !forwardFresh
        q.limit = limit(shown, layer: l)
        q.logMagnitude = state.logScale
        q.palette = palette
        if state.cursor.layer == l { q.selected = (state.cursor.row, state.cursor.column) }
        geometries[l] = (parts.main, draw(q, in: parts.main, &frame))
      } else {
        placeholder(parts.main, stage: "F\(l)", &frame, context)
      }
      var gradients: [(Matrix, Rect, Bool, Double)] = [
        (rec.delta, band.delta, true, limit(.delta, layer: l)), (rec.dW, band.dW, false, limit(.dW, layer: l)),
      ]
      if let bn {
        drawBatchNormParts(bn, rec, parts, layer: l, forwardFresh: forwardFresh, &frame, context)
        // dγ where a dense layer has dW, and dβ beside it when there is room.
        let (dGamma, dBeta) = BatchNormBand.gradientParts(of: band.dW)
        gradients[1].1 = dGamma
        // dβ keeps a scale of its own: a shared dW column would be set by the dense layers' dW.
        if let dBeta { gradients.append((Matrix(rows: rec.db.count, cols: 1, storage: rec.db), dBeta, false, s.scale(of: .db, layer: l).limit)) }
      }
      var said = false
      for (matrix, rect, transposed, limit) in gradients {
        guard matrix.count > 0 else {
          // δ and dW come at the same stage: said once, not "comes at B2 at B2".
          if !said { placeholder(rect, stage: "B\(l)", &frame, context) }
          said = true
          continue
        }
        var h = HeatMap(matrix, transposed: transposed)
        h.dimmed = !backwardFresh
        h.limit = limit
        h.logMagnitude = state.logScale
        h.palette = palette
        _ = draw(h, in: rect, &frame)
      }
    }
    if pooledBy.rows > 1 || pooledBy.cols > 1 {
      // Never cut silently: say that some cells stand for several values, and how.
      let times = context.math.times
      let pooled = "network: units \(times) \(examples) examples, a cell = max|x| of \(pooledBy.rows)\(times)\(pooledBy.cols)"
      Panel(title: pooled).render(in: area, into: &frame, context: context)
    }
    if inner.height - 1 > bands.count * 2 {
      legend(in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), into: &frame, context: context)
    }
    return geometries
  }

  /// The column headings over the first band. With batchnorm layers, the parts of their
  /// bands that dense bands do not have are named too (x̂, the strips, dβ), and the quantity's
  /// heading is cut to the part that shows it.
  func headings(_ first: Band, batchNorm: Bool) -> [(Rect, String)] {
    var quantity = (first.quantity, state.quantity.heading)
    var gradient = (first.dW, "dW = δᵀ·a")
    var extra: [(Rect, String)] = []
    if batchNorm {
      let parts = BatchNormBand.parts(of: first.quantity)
      if parts.main.width < first.quantity.width {
        let short = state.quantity == .weights ? "W, γ" : state.quantity.rawValue
        quantity = (parts.main, state.quantity.heading.count <= parts.main.width ? state.quantity.heading : short)
      }
      if let xhat = parts.xhat { extra.append((xhat, "x̂ normalised")) }
      if let strips = parts.strips { extra.append((strips, "   per unit max")) }
      let (dGamma, dBeta) = BatchNormBand.gradientParts(of: first.dW)
      gradient = dBeta == nil ? (first.dW, "dW, dγ") : (dGamma, "dW, dγ")
      if let dBeta { extra.append((dBeta, "dβ")) }
    }
    return [(first.label, "layer"), quantity, (first.delta, "δ = dL/dz"), gradient] + extra
  }

  /// A batchnorm band's x̂ map and its μ, σ², γ, β strips, where its parts have room.
  func drawBatchNormParts(
    _ bn: BatchNormLayer, _ rec: LayerRecord, _ parts: BatchNormBand.Parts, layer l: Int, forwardFresh: Bool, _ frame: inout Frame, _ context: RenderContext
  ) {
    if let rect = parts.xhat {
      if let xhat = rec.batchNorm?.xhat, xhat.count > 0 {
        var h = HeatMap(xhat, transposed: true)
        h.dimmed = !forwardFresh
        h.limit = state.stepper.scale(of: .xhat, layer: l).limit
        h.logMagnitude = state.logScale
        h.palette = palette
        h.render(in: rect, into: &frame, context: context)
      } else {
        placeholder(rect, stage: "F\(l)", &frame, context)
      }
    }
    if let rect = parts.strips {
      let strips = BatchNormBand.strips(layer: bn, record: rec.batchNorm, scale: { state.stepper.scale(of: $0, layer: l) }, forwardFresh: forwardFresh)
      BatchNormBand.render(strips, in: rect, palette: palette, stage: "F\(l)", into: &frame, context: context)
    }
  }

  /// One line saying how to read a heat map: the colour (or shade) scale, whether it is per
  /// map or shared, linear or log, and the glyph of NaN and infinity.
  func legend(in row: Rect, into frame: inout Frame, context: RenderContext) {
    let g = context.glyphs
    let minus = context.math.minus
    var x = frame.put(state.logScale ? "|x|: small " : minus + "max ", x: row.x, y: row.y, style: context.style(.axis), clip: row)
    let swatch = 12
    for i in 0..<swatch where x < row.maxX {
      let t = Double(i) / Double(swatch - 1)
      if context.theme.hasColor {
        let c = state.logScale ? Palette.sequential(t, level: context.level) : palette.diverging(2 * t - 1, level: context.level)
        frame[x, row.y] = Cell(" ", background: c)
      } else {
        let m = state.logScale ? t : abs(2 * t - 1)
        let shade = g.shades[Clamp.slot(m, count: g.shades.count)]
        frame[x, row.y] = Cell(shade)
      }
      x += 1
    }
    let sign = context.theme.hasColor ? "" : ", then + or \(minus) for the sign"
    let full =
      (state.logScale ? " large" : " +max") + sign + "; "
      + (state.sharedScale ? "one scale per column (s)" : "each map to its own max (s)")
      + (state.logScale ? ", log (l)" : ", linear (l)")
    let short =
      (state.logScale ? " large" : " +max") + (context.theme.hasColor ? "" : "; +\(minus) sign")
      + (state.sharedScale ? "; shared (s)" : "; per map (s)")
    let nonFinite = "  \(g.nan) NaN  \(g.posInfinity) inf"
    x = frame.put(x + full.count + nonFinite.count <= row.maxX ? full : short, x: x, y: row.y, style: context.style(.axis), clip: row)
    frame.put(nonFinite, x: x, y: row.y, style: context.style(.axis), clip: row)
  }

  var palette: Palette { Palette.allCases[state.paletteIndex % Palette.allCases.count] }

  /// Where a matrix has no values yet, the stage that will compute it, so the empty space
  /// teaches the order of the pass.
  func placeholder(_ rect: Rect, stage: String, _ frame: inout Frame, _ context: RenderContext) {
    let full = "comes at " + stage
    let text = full.count <= rect.width ? full : Text.truncate("at " + stage, to: rect.width, glyphs: context.glyphs)
    frame.put(text, x: rect.x, y: rect.y, style: context.style(.dim), clip: rect)
  }

  /// The colour limit of one of layer l's maps, as the core measured it: the map's own, or the
  /// column's over every layer when the scale is shared.
  func limit(_ map: ShownMap, layer l: Int) -> Double {
    (state.sharedScale ? state.stepper.sharedScale(of: map) : state.stepper.scale(of: map, layer: l)).limit
  }

  func ascii(_ s: String) -> String {
    s.replacingOccurrences(of: "δ", with: "delta").replacingOccurrences(of: "ᵀ", with: "^T").replacingOccurrences(of: "×", with: "x")
      .replacingOccurrences(of: "·", with: "*")
  }
}

extension Quantity {
  /// The core's name for the map this column shows.
  var map: ShownMap {
    switch self {
    case .a: .a
    case .z: .z
    case .weights: .weights
    }
  }
}
