import BackstepCore
import TermGrid

/// A one-line scale: `-0.93 ▀▀▀▀▀▀ 0 ▀▀▀▀▀▀ 0.93`, or for log magnitude `1e-6·lim … lim`.
public struct ColorBar: Widget, Sendable {
  public var limit: Double
  public var logMagnitude: Bool
  public var palette: Palette
  public var label: String

  public init(limit: Double, logMagnitude: Bool = false, palette: Palette = .blueOrange, label: String = "") {
    self.limit = limit
    self.logMagnitude = logMagnitude
    self.palette = palette
    self.label = label
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.height >= 1, area.width >= 12 else { return }
    let low = logMagnitude ? Format.short(limit * 1e-6, digits: 2) : Format.short(-limit, digits: 2)
    let high = Format.short(limit, digits: 2)
    let prefix = label.isEmpty ? "" : label + " "
    let barWidth = min(24, area.width - prefix.count - low.count - high.count - 2)
    var x = frame.put(prefix + low + " ", x: area.x, y: area.y, style: context.style(.axis), clip: area)
    guard barWidth >= 4 else { return }
    for i in 0..<barWidth {
      let t = Double(i) / Double(barWidth - 1)
      if context.theme.hasColor {
        let c = logMagnitude ? Palette.sequential(t, level: context.level) : palette.diverging(2 * t - 1, level: context.level)
        frame[x, area.y] = Cell(" ", background: c)
      } else {
        let shades = context.glyphs.shades
        let m = logMagnitude ? t : abs(2 * t - 1)
        frame[x, area.y] = Cell(shades[Clamp.slot(m, count: shades.count)])
      }
      x += 1
    }
    frame.put(" " + high, x: x, y: area.y, style: context.style(.axis), clip: area)
  }
}
