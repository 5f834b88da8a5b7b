import BackstepCore
import TermGrid

/// The layers of the network as rows of heat maps: the chosen quantity (a, z or W), then δ,
/// then dW, so that each row reads forward on the left and backward on the right.
struct NetworkTable {
  let shown: ShownSession

  /// The three heat-map rectangles of each layer band, plus the label column.
  struct Band {
    var layer: Int
    var label: Rect
    var quantity: Rect
    var delta: Rect
    var dW: Rect
    /// f′(z_l), between the first column and δ, when ``bands(in:units:unitsPerRow:indexRow:examples:)``
    /// was given the batch and each example keeps a column in it.
    var fPrime: Rect?
    /// The blank row under the band, when it has one: where each map's largest |x| goes.
    var gap: Int?
    /// The row under this band naming the layers the panel has no room for, and which they are.
    var notice: (row: Int, layers: ShownLayers)?
  }

  /// The bands inside the panel's inner rectangle; row 0 of `inner` holds the headings and,
  /// when there is room, the last row the legend. When every layer's units fit unpooled
  /// (`unitsPerRow` to a row, 2 with half blocks) with a row for the largest |x| under them,
  /// each band gets the rows it needs and a share of the rest; otherwise each gets
  /// rows in proportion to its units (capped at 16, so that one wide layer does not squeeze
  /// the others to a row). With `indexRow`, row 1 holds the example indices. Given `examples`
  /// (the columns the batch's examples take unpooled), a column for f′(z) goes between the
  /// first column and δ where it has them.
  ///
  /// Every band is at least a row of maps and the blank row under it, so that no band runs
  /// into the next: when the panel has fewer than two rows a layer, the middle layers give way
  /// (``ShownLayers``) and the first band carries the row that names them.
  static func bands(in inner: Rect, units: [Int], unitsPerRow: Int = 2, indexRow: Bool = false, examples: Int? = nil) -> [Band] {
    let depth = units.count
    var body = inner.splitTop(indexRow ? 2 : 1).rest
    if body.height > depth * 2 { body = body.splitBottom(1).rest }
    guard body.height >= 1, depth > 0 else { return [] }
    // One row short of two a layer still leaves a layer out: the notice takes its place.
    let layers = ShownLayers(depth: depth, room: depth * 2 <= body.height ? depth : min(depth - 1, (body.height + 1) / 2))
    let shown = layers.rows.compactMap { $0 }
    let labelWidth = min(10, max(7, inner.width / 9))
    let rest = inner.width - labelWidth
    // f′(z) takes the columns its examples need and no more, when δ (the narrower of the first
    // column and δ) keeps a column an example after it.
    let fWidth = examples.flatMap { cols -> Int? in
      let f = max(cols, fPrimeWidth)
      return (rest - f - 1) * 35 / 100 - 1 >= cols ? f : nil
    }
    let base = rest - (fWidth.map { $0 + 1 } ?? 0)
    let qWidth = base * 4 / 10 - 1, dWidth = base * 35 / 100 - 1
    let wWidth = base - qWidth - dWidth - 3
    // Layers are listed output at the top, input at the bottom, like the stage order backward.
    let heights = bandHeights(rows: body.height - (layers.hidden == nil ? 0 : 1), units: shown.map { units[$0 - 1] }, unitsPerRow: unitsPerRow)
    var y = body.y
    return zip(shown, heights).enumerated().map { i, pair in
      let (layer, height) = pair
      let band = Rect(x: body.x, y: y, width: body.width, height: height)
      y += height
      let usable = Rect(x: band.x, y: band.y, width: band.width, height: max(1, band.height - (band.height >= 2 ? 1 : 0)))
      let cols = usable.columns([labelWidth, qWidth] + (fWidth.map { [$0] } ?? []) + [dWidth, wWidth], gap: 1)
      var result = Band(
        layer: layer, label: cols[0], quantity: cols[1], delta: cols[cols.count - 2], dW: cols[cols.count - 1], gap: band.height >= 2 ? band.maxY - 1 : nil)
      if fWidth != nil { result.fPrime = cols[2] }
      if i == 0, layers.hidden != nil {
        result.notice = (y, layers)
        y += 1
      }
      return result
    }
  }

  /// The fewest columns f′(z) is drawn in, for its heading "f′(z)" and a short largest |x|.
  static let fPrimeWidth = 6

  /// The rows of each shown band, top to bottom, out of `rows`: each band's need (its units
  /// unpooled and the blank row) and a share of what is left when all needs fit, else shares in
  /// proportion to the units; at least two rows a band whenever `rows` allows.
  static func bandHeights(rows: Int, units: [Int], unitsPerRow: Int) -> [Int] {
    let shares = units.map { Double(min($0, 16) + 2) }
    let needs = units.map { Double(($0 + unitsPerRow - 1) / max(unitsPerRow, 1) + 2) }
    let spare = Double(rows) - needs.reduce(0, +)
    let total = shares.reduce(0, +)
    let weights = spare >= 0 ? zip(needs, shares).map { $0 + spare * $1 / total } : shares
    let heights = Rect(x: 0, y: 0, width: 1, height: rows).rows(weighted: weights).map(\.height)
    guard heights.contains(where: { $0 < 2 }), rows >= units.count * 2 else { return heights }
    // A blank row for each band first, then the rest by the weights.
    return Rect(x: 0, y: 0, width: 1, height: rows - units.count).rows(weighted: weights).map { $0.height + 1 }
  }

  /// Draws the bands and returns every heat map drawn, with its layer and map, for clicks.
  func render(in area: Rect, into frame: inout Frame, context: RenderContext) -> [ScreenRegions.HeatMapRegion] {
    let s = shown.stepper
    let u = context.glyphs.isUnicode
    let examples = max(s.record.input.rows, s.schedule.batchSize)
    let title = "network, \(examples) example\(examples == 1 ? "" : "s") a batch"
    let inner = panel(title, in: area, &frame, context)
    let halfBlocks = context.theme.hasColor && context.glyphs.isUnicode
    // Example indices under the headings, when the panel has rows to spare.
    let indexRow = inner.height - 2 > s.network.depth * 8
    // f′(z) has a column of its own when no band is batchnorm, whose parts take the first column.
    let batchNorm = s.network.layers.contains { $0.batchNorm != nil }
    // An example takes two columns in monochrome (shade and sign), one in colour.
    let exampleColumns = examples * (context.theme.hasColor ? 1 : 2)
    let bands = Self.bands(
      in: inner, units: s.network.layers.map(\.units), unitsPerRow: halfBlocks ? 2 : 1, indexRow: indexRow, examples: batchNorm ? nil : exampleColumns)
    guard let first = bands.first else { return [] }
    if indexRow { exampleIndices(over: first, examples: examples, y: inner.y + 1, &frame, context) }
    for (rect, heading) in headings(first, batchNorm: batchNorm) {
      let text = heading.text(width: rect.width, times: context.math.times) { u ? $0 : ascii($0) }
      frame.put(Text.truncate(text, to: rect.width, glyphs: context.glyphs), x: rect.x, y: inner.y, style: context.style(.title), clip: inner)
    }
    let firstMap = shown.view.quantity.map
    let flow = s.lastStage.map { StageFlow.of($0, network: s.network) }
    var geometries: [ScreenRegions.HeatMapRegion] = []
    var pooledBy = (rows: 1, cols: 1)
    /// Draws one of layer l's maps with the cursor's mark and the selected example's column,
    /// and keeps where it went. A map over time starts at time step `firstColumn` + 1: its
    /// columns are steps, and the cursor's column is t − 1.
    func draw(_ heatMap: HeatMap, _ map: ShownMap, layer l: Int, in rect: Rect, _ frame: inout Frame, firstColumn: Int? = nil) -> HeatMap.Geometry {
      var heatMap = heatMap
      let offset = firstColumn ?? 0
      if shown.cursor.layer == l && shown.cursor.map == map, (0..<heatMap.cols).contains(shown.cursor.column - offset) {
        heatMap.selected = (shown.cursor.row, shown.cursor.column - offset)
      }
      if map.isPerExample, firstColumn == nil { heatMap.highlightedColumn = shown.example }
      heatMap.render(in: rect, into: &frame, context: context)
      let g = heatMap.geometry(in: rect, context: context)
      pooledBy = (max(pooledBy.rows, g.poolRows), max(pooledBy.cols, g.poolCols))
      geometries.append(ScreenRegions.HeatMapRegion(layer: l, map: map, geometry: g, firstColumn: offset))
      return g
    }
    /// Draws one of a recurrent layer's maps over time (``NetworkTable/timeMap(_:_:layer:window:)``),
    /// or where none of its steps has run, the stage that fills in its first column.
    func drawOverTime(_ maps: TimeMaps, _ map: ShownMap, in rect: Rect, window: ClosedRange<Int>, gap: Int?, _ frame: inout Frame) {
      guard Self.anyPresent(maps, map) else { return placeholder(rect, stage: Self.firstStage(of: map, maps, unicode: u), &frame, context) }
      let h = timeMap(maps, map, layer: maps.layer, window: window)
      let g = draw(h, map, layer: maps.layer, in: rect, &frame, firstColumn: window.lowerBound - 1)
      Self.clearAbsent(maps, map, window: window, geometry: g, &frame)
      noteLargest(maps.scale(of: map), map: g, example: h.highlightedColumn, gap: gap, &frame, context)
    }
    for var band in bands {
      if let (row, layers) = band.notice {
        layers.drawNotice(in: Rect(x: inner.x, y: row, width: inner.width, height: 1), into: &frame, context: context)
      }
      let l = band.layer
      let layer = s.network.layers[l - 1]
      let rec = s.record.layers[l - 1]
      // A recurrent layer's maps are fresh from its first time step on.
      let forwardFresh = s.isUnderWay(.forward(l)), backwardFresh = s.isUnderWay(.backward(l))
      // A recurrent layer draws h (or z), f′ and δ over time for the selected example, h and δ
      // the same window of steps (f′, narrower, the part of it around the current step), named
      // on a row of their own where the band has one.
      let time = layer.recurrent != nil ? s.timeMaps(layer: l, example: shown.example) : nil
      var titleRow: Int?
      if time != nil { (band, titleRow) = Self.titled(band, units: layer.units, halfBlocks: halfBlocks) }
      let bn = layer.batchNorm
      let parts = bn != nil ? BatchNormBand.parts(of: band.quantity) : BatchNormBand.Parts(main: band.quantity)
      let colour = context.theme.hasColor
      let window = time.map { Self.timeWindow($0, rects: (shown.view.quantity.isPerExample ? [parts.main] : []) + [band.delta], colour: colour) }
      let fWindow = time.flatMap { maps in band.fPrime.map { Self.timeWindow(maps, rects: [$0], colour: colour) } }.flatMap { f in
        window.map { f.count < $0.count ? f : $0 }
      }
      // A batchnorm layer is named by its kind; its shape is its width, as it has no W.
      let name = Subscript.name("L", l, unicode: false) + (layer.batchNorm != nil ? " bn" : layer.recurrent != nil ? " rnn" : "")
      var shape = layer.batchNorm != nil ? "\(layer.units) units" : "\(layer.units)" + context.math.times + "\(layer.inputs)"
      // A recurrent layer's maps hold one time step, a = h_t and δ = δ_t: its step says which.
      if let t = s.shownTimeStep(layer: l), let steps = s.timeSteps { shape = "t=\(t)/\(steps)" }
      let activation = layer.activation.rawValue.replacingOccurrences(of: "leaky_relu", with: "leaky")
      // What the stage run last reads from this band and writes in it comes first; the
      // layer's name, activation and shape fold into fewer rows to make room.
      let flowLines = flow.map { Self.flowLines($0, layer: l, width: band.label.width, math: context.math) } ?? []
      let timeLines = time.flatMap { maps in window.map { Self.timeLabel(maps, window: $0, unicode: u) } } ?? []
      // A recurrent band's example and steps stay in every form: they say what its maps show.
      let forms = [[name, activation, shape], [name + " " + activation, shape], [name + " " + activation]].map { $0 + timeLines }
      let labelLines = forms.first { $0.count + flowLines.count <= band.label.height } ?? forms[forms.count - 1]
      var lines = labelLines.enumerated().map { i, text in (text, i == 0 ? Role.text : .dim) } + flowLines
      if lines.count > band.label.height, band.label.height > 0 {
        // Names the rows cannot hold are not dropped silently: the last row ends in an ellipsis.
        lines = Array(lines.prefix(band.label.height))
        let last = lines[lines.count - 1].0
        lines[lines.count - 1].0 = String(last.prefix(max(0, band.label.width - context.glyphs.ellipsis.count - 1))) + " " + context.glyphs.ellipsis
      }
      for (i, (text, role)) in lines.enumerated() {
        frame.put(
          Text.truncate(text, to: band.label.width, glyphs: context.glyphs), x: band.label.x, y: band.label.y + i, style: context.style(role), clip: band.label)
      }
      let exampleWidth = Self.exampleCellWidth(
        [band.delta] + (shown.view.quantity.isPerExample ? [parts.main] : []) + [parts.xhat].compactMap { $0 }, examples: examples)
      // The chosen quantity.
      var q: HeatMap?
      switch shown.view.quantity {
      case .a: q = rec.a.count > 0 ? HeatMap(rec.a, transposed: true) : nil
      case .z: q = rec.z.count > 0 ? HeatMap(rec.z, transposed: true) : nil
      case .weights: q = HeatMap(layer.weights)
      }
      // W's b beside it, one value per unit, where the first column has room for both.
      var mainRect = parts.main
      if shown.view.quantity == .weights, bn == nil, let bias = Self.shownBias(of: layer) {
        let (wRect, bRect) = Self.gradientParts(of: parts.main)
        if let bRect {
          mainRect = wRect
          let g = draw(biasMap(Self.biasColumns(bias, of: layer), layer: l), .bias, layer: l, in: bRect, &frame)
          noteLargest(s.scale(of: .bias, layer: l), map: g, gap: band.gap, &frame, context)
        }
      }
      if let time, let window, TimeMaps.isOverTime(firstMap) {
        drawOverTime(time, firstMap, in: mainRect, window: window, gap: band.gap, &frame)
      } else if var q {
        q.dimmed = shown.view.quantity != .weights && !forwardFresh
        q.scale(span(firstMap, layer: l))
        q.logMagnitude = shown.view.logScale
        q.palette = palette
        if shown.view.quantity.isPerExample { q.maxCellWidth = exampleWidth }
        let g = draw(q, firstMap, layer: l, in: mainRect, &frame)
        noteLargest(s.scale(of: firstMap, layer: l), map: g, example: firstMap.isPerExample ? shown.example : nil, gap: band.gap, &frame, context)
      } else {
        placeholder(parts.main, stage: "F\(l)", &frame, context)
      }
      if let rect = band.fPrime, let time, let fWindow {
        drawOverTime(time, .fPrime, in: rect, window: fWindow, gap: band.gap, &frame)
      } else if let rect = band.fPrime {
        // Its cells are as wide as its own column allows: it is sized to its examples' fewest.
        if let h = fPrimeMap(rec, layer: l, cellWidth: Self.exampleCellWidth([rect], examples: examples), fresh: backwardFresh) {
          let g = draw(h, .fPrime, layer: l, in: rect, &frame)
          noteLargest(s.scale(of: .fPrime, layer: l), map: g, example: shown.example, gap: band.gap, &frame, context)
        } else {
          fPrimeNote(rect, layer: l, &frame, context)
        }
      }
      var gradients: [(Matrix, Rect, Bool, ShownMap)] = [(rec.delta, band.delta, true, .delta), (rec.dW, band.dW, false, .dW)]
      if let time, let window { drawOverTime(time, .delta, in: band.delta, window: window, gap: band.gap, &frame) }
      if let time, let titleRow {
        timeTitles(time, main: mainRect, band: band, row: titleRow, fPrime: fWindow == window ? nil : fWindow, &frame, context)
      }
      if let bn {
        if let rect = parts.xhat {
          if let h = xhatMap(rec, in: rect, beside: parts.main, layer: l, forwardFresh: forwardFresh) {
            _ = draw(h, .xhat, layer: l, in: rect, &frame)
          } else {
            placeholder(rect, stage: "F\(l)", &frame, context)
          }
        }
        drawStrips(bn, rec, parts, layer: l, forwardFresh: forwardFresh, &frame, context)
      }
      // dW (dγ) and db (dβ) beside it, when there is room for both.
      let (dWRect, dbRect) = Self.gradientParts(of: band.dW)
      gradients[1].1 = dWRect
      // A recurrent layer's δ is drawn over time above.
      if time != nil { gradients.removeFirst() }
      // db keeps a scale of its own: a shared one would mix dense layers' db and batchnorm's dβ.
      if let dbRect { gradients.append((Self.biasColumns(rec.db, of: layer), dbRect, false, .db)) }
      var said = false
      for (matrix, rect, transposed, map) in gradients {
        guard matrix.count > 0 else {
          // δ and dW come at the same stage: said once, not "comes at B2 at B2".
          if !said { placeholder(rect, stage: "B\(l)", &frame, context) }
          said = true
          continue
        }
        var h = HeatMap(matrix, transposed: transposed)
        h.dimmed = !backwardFresh
        h.scale(span(map, layer: l))
        if transposed { h.maxCellWidth = exampleWidth }
        h.logMagnitude = shown.view.logScale
        h.palette = palette
        let g = draw(h, map, layer: l, in: rect, &frame)
        noteLargest(s.scale(of: map, layer: l), map: g, example: map.isPerExample ? shown.example : nil, gap: band.gap, &frame, context)
      }
    }
    if let flow { Self.drawFrames(Self.frames(geometries, flow: flow), into: &frame, clip: inner, context: context) }
    if pooledBy.rows > 1 || pooledBy.cols > 1 {
      // Never cut silently: say that some cells stand for several values, and how.
      let times = context.math.times
      let pooled = "\(title); a cell = max|x| of \(pooledBy.rows)\(times)\(pooledBy.cols)"
      panel(pooled, in: area, &frame, context)
    }
    if inner.height - 1 > s.network.depth * 2 {
      let row = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
      if cursorIsHidden(drawn: geometries) {
        hiddenCursorNote(in: row, drawn: geometries, into: &frame, context: context)
      } else {
        legend(in: row, into: &frame, context: context)
      }
    }
    return geometries
  }

  /// The number of each example (1-based) over its column in the first band's maps whose
  /// columns are examples, where the numbers fit without running together; the maps below
  /// line up with these, as every band draws an example at one width. The selected example's
  /// number is drawn as a selection.
  func exampleIndices(over first: Band, examples: Int, y: Int, _ frame: inout Frame, _ context: RenderContext) {
    let layer = shown.stepper.network.layers[first.layer - 1]
    let parts = layer.batchNorm != nil ? BatchNormBand.parts(of: first.quantity) : BatchNormBand.Parts(main: first.quantity)
    let rects = [first.delta] + (shown.view.quantity.isPerExample ? [parts.main] : []) + [parts.xhat].compactMap { $0 }
    let width = Self.exampleCellWidth(rects, examples: examples)
    let widths = rects.map { ($0, width) } + (first.fPrime.map { [($0, Self.exampleCellWidth([$0], examples: examples))] } ?? [])
    for (rect, width) in widths {
      var map = HeatMap(values: [], rows: layer.units, cols: examples, transposed: true)
      map.maxCellWidth = width
      let g = map.geometry(in: rect, context: context)
      guard !g.isPooled else { continue }
      var free = rect.x
      for j in 0..<g.shownCols {
        let label = String(j + 1), x = rect.x + j * g.cellWidth
        guard x >= free, x + label.count <= rect.maxX else { continue }
        // The selected example's number stands out over its underlined column.
        let role: Role = j == shown.example ? .selection : .axis
        free = frame.put(label, x: x, y: y, style: context.style(role), clip: Rect(x: rect.x, y: y, width: rect.width, height: 1)) + 1
      }
    }
  }

  /// The gradient column: dW (dγ) on the left and db (dβ), one value per unit, in a column
  /// ``biasWidth`` wide on its right, when dW keeps ``gradientWidth`` columns for its cells,
  /// heading and largest |x|. Where db has no room the cursor can still be on it: the
  /// inspector's line gives its value.
  static func gradientParts(of rect: Rect) -> (dW: Rect, db: Rect?) {
    guard rect.width >= gradientWidth + biasWidth + 1 else { return (rect, nil) }
    let (left, rest) = rect.splitLeft(rect.width - biasWidth - 1)
    return (left, rest.splitLeft(1).rest)
  }

  /// The columns of a per-unit map (db, dβ): room for a two-column monochrome cell and a
  /// number's sign.
  static let biasWidth = 3
  /// The narrowest dW that gives up columns to db: "dW: out × in" and "max|x| 0.033" fit.
  static let gradientWidth = 13

  /// The widest an example's column may be drawn in every map of a band whose columns are the
  /// batch's examples (a or z, x̂, δ), so that example j stands at the same offset in each:
  /// the narrowest of the maps' shares, at most ``HeatMap``'s own widest.
  static func exampleCellWidth(_ rects: [Rect], examples: Int) -> Int {
    max(1, min(HeatMap(values: [], rows: 0, cols: 0).maxCellWidth, rects.map { $0.width / max(examples, 1) }.min() ?? 1))
  }

  /// Layer l's biases b `[n × 1]` (a recurrent layer's `[H × 2]`) as a map, on the core's
  /// scale of `.bias`.
  func biasMap(_ bias: Matrix, layer l: Int) -> HeatMap {
    var h = HeatMap(bias, transposed: false)
    h.scale(span(.bias, layer: l))
    h.logMagnitude = shown.view.logScale
    h.palette = palette
    return h
  }

  /// The column headings over the first band, each naming its maps' axes. With batchnorm
  /// layers, the parts of their bands that dense bands do not have are named too (x̂, the
  /// strips, dβ), and the quantity's heading is cut to the part that shows it.
  func headings(_ first: Band, batchNorm: Bool) -> [(Rect, ColumnHeading)] {
    var quantity = (first.quantity, shown.view.quantity.columnHeading)
    var extra: [(Rect, ColumnHeading)] = []
    if shown.view.quantity == .weights, !batchNorm, case (let wRect, let bRect?) = Self.gradientParts(of: first.quantity) {
      quantity.0 = wRect
      extra.append((bRect, ColumnHeading(name: "b", formula: "b")))
    }
    let (dWRect, dbRect) = Self.gradientParts(of: first.dW)
    var gradient = (dWRect, ColumnHeading(name: "dW", formula: "dW = δᵀ·a", axes: .outputsByInputs))
    if let dbRect { extra.append((dbRect, ColumnHeading(name: "db", formula: batchNorm ? "db, dβ" : "db"))) }
    if batchNorm {
      let parts = BatchNormBand.parts(of: first.quantity)
      if parts.main.width < first.quantity.width, shown.view.quantity == .weights {
        quantity = (parts.main, ColumnHeading(name: "W, γ", formula: "W, γ", axes: .outputsByInputs))
      } else {
        quantity.0 = parts.main
      }
      if let xhat = parts.xhat { extra.append((xhat, ColumnHeading(name: "x̂", formula: "x̂ normalised"))) }
      if let strips = parts.strips { extra.append((strips, ColumnHeading(name: "", formula: "   per unit max"))) }
      gradient = (dWRect, ColumnHeading(name: "dW, dγ", formula: "dW, dγ", axes: .outputsByInputs))
    }
    let delta = ColumnHeading(name: "δ", formula: "δ = dL/dz", axes: .unitsByExamples)
    if let rect = first.fPrime { extra.append((rect, ColumnHeading(name: "f′(z)", formula: "f′(z)", axes: .unitsByExamples))) }
    return [(first.label, ColumnHeading(name: "layer", formula: "layer")), quantity, (first.delta, delta), gradient] + extra
  }

  /// A batchnorm band's x̂ map, ready to draw in `rect`; nil before forward(l) computed it.
  func xhatMap(_ rec: LayerRecord, in rect: Rect, beside main: Rect, layer l: Int, forwardFresh: Bool) -> HeatMap? {
    guard let xhat = rec.batchNorm?.xhat, xhat.count > 0 else { return nil }
    var h = HeatMap(xhat, transposed: true)
    h.maxCellWidth = Self.exampleCellWidth([rect, main], examples: xhat.rows)
    h.dimmed = !forwardFresh
    h.limit = shown.stepper.scale(of: .xhat, layer: l).limit
    h.logMagnitude = shown.view.logScale
    h.palette = palette
    return h
  }

  /// A batchnorm band's μ, σ², γ, β strips, where its parts have room.
  func drawStrips(
    _ bn: BatchNormLayer, _ rec: LayerRecord, _ parts: BatchNormBand.Parts, layer l: Int, forwardFresh: Bool, _ frame: inout Frame, _ context: RenderContext
  ) {
    if let rect = parts.strips {
      let strips = BatchNormBand.strips(layer: bn, record: rec.batchNorm, scale: { shown.stepper.scale(of: $0, layer: l) }, forwardFresh: forwardFresh)
      BatchNormBand.render(strips, in: rect, palette: palette, stage: "F\(l)", into: &frame, context: context)
    }
  }

  /// The legend of the first column's map in the cursor's layer, or of its column when the
  /// scale is shared; of f′(z) while the cursor is on it, as its scale is its own.
  func legend(in row: Rect, into frame: inout Frame, context: RenderContext) {
    let onFPrime = shown.cursor.map == .fPrime
    let map = onFPrime ? .fPrime : shown.view.quantity.map, l = shown.cursor.layer
    let base = onFPrime ? "f′" : shown.view.quantity.rawValue
    let name = shown.view.sharedScale ? "\(base), all layers" : Subscript.name(base, l, unicode: context.glyphs.isUnicode)
    // A map not computed yet has no size to print: its ends say −max and +max.
    let rec = shown.stepper.record.layers[max(0, min(l, shown.stepper.record.layers.count) - 1)]
    let values: Matrix = map == .fPrime ? rec.fPrime : (map == .a ? rec.a : rec.z)
    let computed = shown.view.sharedScale || map == .weights || values.count > 0
    // A recurrent layer's maps over time are drawn on their scale over the steps run.
    let layers = shown.stepper.network.layers
    let overTime = layers.indices.contains(l - 1) && layers[l - 1].recurrent != nil && TimeMaps.isOverTime(map)
    let time = overTime ? shown.stepper.timeMaps(layer: l, example: shown.example) : nil
    let activation = shown.stepper.network.layers[max(0, min(l, shown.stepper.network.depth) - 1)].activation
    ScaleLegend(
      name: name, span: computed ? time.map { timeSpan($0, map, layer: l) } ?? span(map, layer: l) : nil, rangeOf: activation.rawValue + (onFPrime ? "′" : ""),
      shared: shown.view.sharedScale,
      log: shown.view.logScale, palette: palette
    )
    .render(in: row, into: &frame, context: context)
  }

  /// A map's own largest |x| (or its NaN or ∞), so that colours have a size even when the
  /// scale is shared: on the row under the map when the band has one (its blank row, or a row
  /// the map left empty), else beside the map on its first row when the map leaves room.
  /// Under a map whose columns are examples, the selected example's column gets a mark
  /// (``Glyphs/markUp``) on that row, and the note moves right of it rather than cover it.
  func noteLargest(_ scale: MapScale, map g: HeatMap.Geometry, example: Int? = nil, gap: Int?, _ frame: inout Frame, _ context: RenderContext) {
    let size = Magnitude.text(scale.shown)
    let below = g.area.y + g.drawnHeight
    let under = below < g.area.maxY || below == gap
    let row = Rect(x: g.area.x, y: under ? below : g.area.y, width: g.area.width, height: 1)
    var mark: Int?
    if under, let example, g.poolCols > 0, example / g.poolCols < g.shownCols {
      let x = g.area.x + example / g.poolCols * g.cellWidth + (g.cellWidth - 1) / 2
      frame.put(String(context.glyphs.markUp), x: x, y: below, style: context.style(.accent), clip: row)
      mark = x
    }
    let starts = under ? [g.area.x] + (mark.map { [$0 + 2] } ?? []) : [g.area.x + g.drawnWidth + 1]
    for text in ["max|x| " + size, size] {
      // The first place where the note fits and leaves the mark alone.
      let fits = { (x: Int) in x + text.count <= g.area.maxX && (mark.map { $0 < x || $0 >= x + text.count } ?? true) }
      if let x = starts.first(where: fits) {
        frame.put(text, x: x, y: row.y, style: context.style(.dim), clip: row)
        return
      }
    }
  }

  var palette: Palette { shown.view.palette }

  /// Where a matrix has no values yet, the stage that will compute it, so the empty space
  /// teaches the order of the pass.
  func placeholder(_ rect: Rect, stage: String, _ frame: inout Frame, _ context: RenderContext) {
    let full = "comes at " + stage
    let text = full.count <= rect.width ? full : Text.truncate("at " + stage, to: rect.width, glyphs: context.glyphs)
    frame.put(text, x: rect.x, y: rect.y, style: context.style(.dim), clip: rect)
  }

  /// The colour limit of one of layer l's maps, as the core measured it: the map's own, or the
  /// column's over every layer when the scale is shared. dβ keeps a scale of its own: a shared
  /// one would be set by the dense layers' db, which the column does not show.
  func limit(_ map: ShownMap, layer l: Int) -> Double {
    (shown.view.sharedScale && map != .db ? shown.stepper.sharedScale(of: map) : shown.stepper.scale(of: map, layer: l)).limit
  }

  /// The colours of one of layer l's maps: from zero when its values cannot be negative, over
  /// the activation's range when that is bounded, else to ``limit(_:layer:)``.
  func span(_ map: ShownMap, layer l: Int) -> ColourSpan {
    let layers = shown.stepper.network.layers
    let activation = layers[max(0, min(l, layers.count) - 1)].activation
    return ColourSpan(MapScale(largest: limit(map, layer: l)), within: map.range(activation: activation))
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

extension NetworkTable {
  /// The table's panel: in a comparison its title starts with the network's heading in the
  /// network's role ("A: sigmoid · network, …"), and the focused network's border takes that
  /// role too, so that the one the cursor reads stands out.
  @discardableResult
  func panel(_ title: String, in area: Rect, _ frame: inout Frame, _ context: RenderContext) -> Rect {
    guard let heading = shown.heading else { return Panel(title: title).render(in: area, into: &frame, context: context) }
    let name = heading.text(width: max(0, area.width - 4))
    // The heading stays whole; "network, " goes before the title is cut.
    let short = title.replacingOccurrences(of: "network, ", with: "")
    let full = [name + " · " + title, name + " · " + short].first { $0.count <= area.width - 4 } ?? name + " · " + short
    let inner = Panel(title: full, role: shown.focused ? heading.tag.role : .border).render(in: area, into: &frame, context: context)
    heading.render(in: Rect(x: area.x + 2, y: area.y, width: min(name.count, max(0, area.width - 4)), height: 1), into: &frame, context: context)
    return inner
  }
}
