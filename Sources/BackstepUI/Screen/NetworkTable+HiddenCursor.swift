import BackstepCore
import TermGrid

/// The cursor on a map the panel has no room to draw: f′(z), b or db on a narrow panel. The
/// inspector still reads its value; the legend's row says where the cursor is, so that nobody
/// looks for it on the maps. (A panel short enough to leave layers out has no legend row; its
/// notice names the layers left out.)
extension NetworkTable {
  /// Whether the cursor's map holds values this iteration but is not among the maps drawn.
  func cursorIsHidden(drawn: [ScreenRegions.HeatMapRegion]) -> Bool {
    let c = shown.cursor
    guard (1...shown.stepper.network.depth).contains(c.layer) else { return false }
    guard !drawn.contains(where: { $0.layer == c.layer && $0.map == c.map && showsColumn($0, c.column) }) else { return false }
    let rec = shown.stepper.record.layers[c.layer - 1]
    // A recurrent layer's map over time before any of its steps has run says when it comes.
    if shown.session.columnsAreTimeSteps(layer: c.layer, map: c.map) {
      return shown.stepper.timeMaps(layer: c.layer, example: shown.example).map { Self.anyPresent($0, c.map) } ?? false
    }
    switch c.map {
    case .a: return rec.a.count > 0
    case .z: return rec.z.count > 0
    case .fPrime: return rec.fPrime.count > 0
    case .delta: return rec.delta.count > 0
    case .dW: return rec.dW.count > 0
    case .db: return !rec.db.isEmpty
    case .xhat: return (rec.batchNorm?.xhat.count ?? 0) > 0
    case .weights, .bias, .beta: return true
    case .mean, .variance, .target, .outputGradient: return false
    }
  }

  /// Whether a drawn map holds the cursor's column: a recurrent map over time shows a window
  /// of steps around the current one, and the cursor's step may be outside it.
  func showsColumn(_ region: ScreenRegions.HeatMapRegion, _ column: Int) -> Bool {
    guard shown.session.columnsAreTimeSteps(layer: region.layer, map: region.map) else { return true }
    return (region.firstColumn..<region.firstColumn + region.geometry.shownCols).contains(column)
  }

  /// "the cursor is on f′(z₂), not drawn at this size: the inspector below reads it", in the
  /// legend's row; on a map over time whose window leaves the cursor's step out, "the cursor's
  /// step t=30 is outside the steps shown".
  func hiddenCursorNote(in row: Rect, drawn: [ScreenRegions.HeatMapRegion], into frame: inout Frame, context: RenderContext) {
    let c = shown.cursor
    let name = Self.name(MapRef(layer: c.layer, map: c.map), context.math)
    let outside = drawn.contains { $0.layer == c.layer && $0.map == c.map }
    let texts =
      outside
      ? ["the cursor on \(name) is at t=\(c.column + 1), outside the steps shown: the inspector below reads it", "the cursor's t=\(c.column + 1) is not shown"]
      : ["the cursor is on \(name), not drawn at this size: the inspector below reads it", "the cursor is on \(name), not drawn here"]
    let text = texts.first { $0.count <= row.width } ?? texts[1]
    frame.put(Text.truncate(text, to: row.width, glyphs: context.glyphs), x: row.x, y: row.y, style: context.style(.accent), clip: row)
  }
}
