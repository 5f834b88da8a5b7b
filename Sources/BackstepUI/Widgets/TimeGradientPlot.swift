import BackstepCore
import TermGrid

/// ‖δ_t‖ per time step as columns on a log axis, t = 1 at the left and T at the right, over the
/// vanishing and exploding zones shaded: a gradient dying toward t = 1 reads as columns sinking
/// into the vanishing zone from right to left. A time step whose backward stage has not run in
/// this iteration is drawn dim (last iteration's norm), one never computed is left empty.
///
/// Takes `area.height` rows: the plot, then a row of t under it. When T is wider than the plot,
/// a column stands for several time steps and shows their largest norm.
public struct TimeGradientPlot: Widget, Sendable {
  /// `norms[t − 1]` = ‖δ_t‖, nil before it is computed.
  public var norms: [Double?]
  /// `fresh[t − 1]`: computed in this iteration.
  public var fresh: [Bool]
  /// `verdicts[t − 1]`, the colour of its column.
  public var verdicts: [Verdict?]
  /// The time step the network band shows, marked under its column.
  public var current: Int?
  /// The zones' thresholds and the axis, as powers of ten (the magnitude bars' axis).
  public var vanishing = 1e-6
  public var exploding = 1e3
  public var lowExponent = -8.0
  public var highExponent = 4.0

  public init(_ g: GradientThroughTime) {
    norms = g.norms
    fresh = g.fresh
    verdicts = g.verdicts
    vanishing = g.vanishing
    exploding = g.exploding
  }

  /// The labels' columns at the left: "1e-8".
  static let labelWidth = 5

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let T = norms.count
    guard T > 0, area.width >= Self.labelWidth + 4, area.height >= 3 else { return }
    let (plot, axis) = area.splitBottom(1)
    let track = Rect(x: plot.x + Self.labelWidth, y: plot.y, width: plot.width - Self.labelWidth, height: plot.height)
    let per = (T + track.width - 1) / track.width
    let columns = (T + per - 1) / per
    let cellWidth = max(1, min(6, track.width / columns))
    let rows = track.height
    // Row r from the bottom spans exponents [row(r), row(r + 1)).
    func exponent(_ r: Int) -> Double { lowExponent + (highExponent - lowExponent) * Double(r) / Double(rows) }
    let lowZone = Elementary.log10(vanishing), highZone = Elementary.log10(exploding)
    for r in 0..<rows {
      let y = track.maxY - 1 - r
      let middle = (exponent(r) + exponent(r + 1)) / 2
      let role: Role = middle < lowZone ? .vanishingZone : (middle > highZone ? .explodingZone : .track)
      var style = context.style(role)
      if !context.theme.hasColor && role != .track { style = Style(.default, .default, .dim) }
      for x in track.x..<track.maxX {
        frame[x, y] = style.cell(role == .track ? " " : context.glyphs.lightShade)
      }
    }
    for c in 0..<columns {
      let steps = (c * per)..<min(T, (c + 1) * per)
      guard let t = steps.max(by: { (norms[$0] ?? -1) < (norms[$1] ?? -1) }), let norm = norms[t] else { continue }
      let style = steps.contains { fresh[$0] } ? context.style(verdicts[t]?.role ?? .healthy) : context.style(.dim)
      let x = track.x + c * cellWidth
      if !norm.isFinite {
        for dx in 0..<cellWidth { frame[x + dx, track.maxY - 1] = style.cell(context.glyphs.nan) }
        continue
      }
      let height = norm > 0 ? (Elementary.log10(norm) - lowExponent) / (highExponent - lowExponent) * Double(rows) : 0
      for r in 0..<rows where height > Double(r) {
        let part = height - Double(r)
        let glyph = part >= 1 ? context.glyphs.barFull : context.glyphs.eighths[Clamp.slot(part, count: context.glyphs.eighths.count)]
        for dx in 0..<max(1, cellWidth - (cellWidth > 1 ? 1 : 0)) { frame[x + dx, track.maxY - 1 - r] = style.cell(glyph) }
      }
    }
    // The axis: a label at the top, at the vanishing threshold and at the bottom.
    for value in [highExponent, lowZone, lowExponent] {
      let r = min(rows - 1, max(0, Clamp.int((value - lowExponent) / (highExponent - lowExponent) * Double(rows))))
      frame.put("1e\(Clamp.int(value.rounded()))", x: plot.x, y: track.maxY - 1 - r, style: context.style(.axis), clip: plot)
    }
    drawSteps(T: T, per: per, cellWidth: cellWidth, in: Rect(x: track.x, y: axis.y, width: track.width, height: 1), into: &frame, context: context)
  }

  /// The row under the plot: t = 1 under the first column, T under the last, and ▲ under the
  /// time step the band shows; a label the mark would cover moves beside it ("▲t=1", "t=30▲").
  private func drawSteps(T: Int, per: Int, cellWidth: Int, in row: Rect, into frame: inout Frame, context: RenderContext) {
    let bar = max(1, cellWidth - (cellWidth > 1 ? 1 : 0))
    let last = row.x + ((T - 1) / per) * cellWidth
    let mark = current.flatMap { t in t >= 1 && t <= T ? row.x + ((t - 1) / per) * cellWidth + (bar - 1) / 2 : nil }
    let left = "t=1", right = "t=\(T)"
    var leftX = row.x
    if let mark, mark < leftX + left.count { leftX = mark + 1 }
    var rightX = last + bar - right.count
    if let mark, mark >= rightX, mark < rightX + right.count { rightX = mark - right.count }
    let free = frame.put(left, x: leftX, y: row.y, style: context.style(.axis), clip: row)
    if rightX > free { frame.put(right, x: rightX, y: row.y, style: context.style(.axis), clip: row) }
    if let mark { frame.put(String(context.glyphs.markUp), x: mark, y: row.y, style: context.style(.accent), clip: row) }
  }
}
