import BackstepCore
import TermGrid

/// Layers × iterations of log10 ‖dW‖ on the sequential palette, newest at the right, so that
/// vanishing that develops over training shows as a darkening band.
public struct HistoryStrip: Widget, Sendable {
  /// `series[l]`: ‖dW_{l+1}‖ per iteration.
  public var series: [[Double]]
  public var lowExponent = -8.0
  public var highExponent = 4.0
  /// The name of row k's series (1-based, drawn from the top down: k = count first).
  public var rowLabel: @Sendable (Int) -> String = { "L\($0)" }

  public init(series: [[Double]]) { self.series = series }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.width >= 8, area.height >= 1, !series.isEmpty else { return }
    let count = series.map(\.count).max() ?? 0
    guard count > 0 else { return }
    let labelWidth = 4
    let strip = Rect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth, height: area.height)
    let per = max(1, (count + strip.width - 1) / strip.width)
    let shown = (count + per - 1) / per
    let first = strip.maxX - shown
    // Layers drawn output at the top, input at the bottom, as in the bars; those that do not
    // fit are the middle ones, named in a row of their own.
    let layers = ShownLayers(depth: series.count, room: strip.height)
    for (row, layer) in layers.rows.enumerated() {
      let y = strip.y + row
      guard let layer else {
        layers.drawNotice(in: Rect(x: area.x, y: y, width: area.width, height: 1), into: &frame, context: context)
        continue
      }
      let s = series[layer - 1]
      frame.put(rowLabel(layer), x: area.x, y: y, style: context.style(.dim), clip: area)
      for c in 0..<shown {
        let lo = c * per, hi = min(s.count, lo + per)
        guard lo < hi else { continue }
        var v = 0.0
        var bad = false
        for i in lo..<hi {
          if !s[i].isFinite { bad = true }
          v = max(v, s[i])
        }
        let x = first + c
        if bad {
          frame[x, y] = context.style(.nonFinite).cell(context.glyphs.nan)
          continue
        }
        let t = v > 0 ? (Elementary.log10(v) - lowExponent) / (highExponent - lowExponent) : 0
        if context.theme.hasColor {
          frame[x, y] = Cell(" ", background: Palette.sequential(t, level: context.level))
        } else {
          let shades = context.glyphs.shades
          frame[x, y] = Cell(shades[Clamp.slot(t, count: shades.count)])
        }
      }
    }
  }
}
