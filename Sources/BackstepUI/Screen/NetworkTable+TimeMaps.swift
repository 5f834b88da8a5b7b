import BackstepCore
import TermGrid

/// A recurrent layer's band over time: h_t (or z_t), f′(z_t) and δ_t of the selected example,
/// each a map of H units × T time steps (``TimeMaps``), in place of the other bands' maps of
/// units × examples. h fills in from the left one column a forward key, δ from the right one
/// column a backward key; a step not run in this iteration is an empty column, never a stale
/// one. The current step's column is underlined and marked under the map. Where T columns do
/// not fit, every map shows the same window of steps around the current one, and the label
/// column says which (`t 11–40`).
extension NetworkTable {
  /// The steps every time map of the band shows: all T where the narrowest has a column for
  /// each (two cells a step in monochrome), else a window around the current step.
  static func timeWindow(_ maps: TimeMaps, rects: [Rect], colour: Bool) -> ClosedRange<Int> {
    let columns = rects.map { $0.width / (colour ? 1 : 2) }.min() ?? maps.steps
    return TimeMaps.window(columns: columns, steps: maps.steps, current: maps.current)
  }

  /// The label lines that say what the time maps show: the example and the steps, `ex 3`,
  /// `t 11–40`.
  static func timeLabel(_ maps: TimeMaps, window: ClosedRange<Int>, unicode: Bool) -> [String] {
    let dash = unicode ? "–" : "-"
    return ["ex \(maps.example + 1)", "t \(window.lowerBound)\(dash)\(window.upperBound)"]
  }

  /// The colours of one of the time maps: over the activation's range for h and f′, else to
  /// the largest |x| over the batch and the steps computed (with the other layers' when the
  /// scale is shared down the column).
  func timeSpan(_ maps: TimeMaps, _ map: ShownMap, layer l: Int) -> ColourSpan {
    let own = maps.scale(of: map)
    let scale = shown.view.sharedScale ? MapScale.combined([own, shown.stepper.sharedScale(of: map)]) : own
    return ColourSpan(scale, within: map.range(activation: shown.stepper.network.layers[l - 1].activation))
  }

  /// `window`'s columns of one time map, on its span, the current step's column underlined.
  func timeMap(_ maps: TimeMaps, _ map: ShownMap, layer l: Int, window: ClosedRange<Int>) -> HeatMap {
    let all = maps.values(map) ?? Matrix(rows: maps.units, cols: maps.steps)
    let first = window.lowerBound - 1
    var values: [Double] = []
    values.reserveCapacity(maps.units * window.count)
    for u in 0..<maps.units {
      for t in window { values.append(all[u, t - 1]) }
    }
    var h = HeatMap(values: values, rows: maps.units, cols: window.count)
    h.scale(timeSpan(maps, map, layer: l))
    h.logMagnitude = shown.view.logScale
    h.palette = palette
    if let current = maps.current, window.contains(current) { h.highlightedColumn = current - 1 - first }
    return h
  }

  /// Clears the columns of a drawn time map whose step has not run in this iteration: they
  /// are empty until their stage runs.
  static func clearAbsent(_ maps: TimeMaps, _ map: ShownMap, window: ClosedRange<Int>, geometry g: HeatMap.Geometry, _ frame: inout Frame) {
    for (j, t) in window.enumerated() where !maps.isPresent(map, t: t) {
      let x = g.area.x + j * g.cellWidth
      frame.fill(Rect(x: x, y: g.area.y, width: min(g.cellWidth, g.area.maxX - x), height: min(g.drawnHeight, g.area.height)), with: .blank)
    }
  }

  /// Whether any step of `map` has run in this iteration.
  static func anyPresent(_ maps: TimeMaps, _ map: ShownMap) -> Bool {
    (1...max(1, maps.steps)).contains { maps.isPresent(map, t: $0) }
  }

  /// The stage that computes the first column of `map` to fill in: F1·t1 for z and h, B1·tT for f′ and δ.
  static func firstStage(of map: ShownMap, _ maps: TimeMaps, unicode: Bool) -> String {
    let stage: Stage = TimeMaps.isOverTime(map) && (map == .z || map == .a) ? .forwardStep(maps.layer, t: 1) : .backwardStep(maps.layer, t: maps.steps)
    return Screen.stageLabel(stage, unicode: unicode)
  }

  /// The band with its maps one row lower, and the row freed for their names, when the maps
  /// keep a row for every unit (two with half blocks) below it; else the band as it was.
  static func titled(_ band: Band, units: Int, halfBlocks: Bool) -> (Band, Int?) {
    let needed = halfBlocks ? (units + 1) / 2 : units
    guard band.quantity.height - 1 >= needed else { return (band, nil) }
    var lower = band
    lower.quantity = band.quantity.splitTop(1).rest
    lower.delta = band.delta.splitTop(1).rest
    lower.dW = band.dW.splitTop(1).rest
    lower.fPrime = band.fPrime.map { $0.splitTop(1).rest }
    return (lower, band.quantity.y)
  }

  /// What each map over time shows, over it on `row`: `h_t, example 3`, `f′(z_t)`, `δ_t, example 3`
  /// (shorter where the map is narrow), as the column headings above name the other bands'.
  /// f′ names its own steps where it shows fewer than the others (`f′ t 8–12`).
  func timeTitles(_ maps: TimeMaps, main: Rect, band: Band, row: Int, fPrime steps: ClosedRange<Int>?, _ frame: inout Frame, _ context: RenderContext) {
    let m = context.math
    let first = shown.view.quantity.map
    var titles: [(Rect, String, Bool)] = [(band.delta, m.delta + "_t", true)]
    if TimeMaps.isOverTime(first) { titles.append((main, first == .z ? "z_t" : "h_t", true)) }
    if let rect = band.fPrime {
      let dash = context.glyphs.isUnicode ? "–" : "-"
      titles.append((rect, steps.map { "f\(m.prime) t \($0.lowerBound)\(dash)\($0.upperBound)" } ?? "f\(m.prime)(z_t)", false))
    }
    for (rect, name, perExample) in titles {
      let forms = perExample ? ["\(name), example \(maps.example + 1)", "\(name), ex \(maps.example + 1)", name] : [name]
      let text = forms.first { $0.count <= rect.width } ?? name
      let area = Rect(x: rect.x, y: row, width: rect.width, height: 1)
      frame.put(Text.truncate(text, to: rect.width, glyphs: context.glyphs), x: rect.x, y: row, style: context.style(.title), clip: area)
    }
  }
}
