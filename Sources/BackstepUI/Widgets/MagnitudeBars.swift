import BackstepCore
import TermGrid

/// Per-layer gradient norms as bars on a fixed log axis, with the vanishing and exploding
/// zones shaded and each layer's verdict beside its bar.
///
/// A bar is the gradient backprop computed, before clipping. When clipping shortened it, the
/// part clipping took away is drawn in a light shade, a mark stands at the norm the optimizer
/// received, and the text gives that norm after an arrow (`0.035   →7.5e-05`) instead of the
/// verdict.
public struct MagnitudeBars: Widget, Sendable {
  public struct Bar: Sendable {
    public var label: String
    /// ‖dW‖ before clipping.
    public var norm: Double
    public var verdict: Verdict
    /// ‖dW‖ after clipping, when clipping acted on this layer; nil otherwise.
    public var clipped: Double?
    public init(label: String, norm: Double, verdict: Verdict, clipped: Double? = nil) {
      self.label = label
      self.norm = norm
      self.verdict = verdict
      self.clipped = clipped
    }
  }

  public var bars: [Bar]
  /// The axis, as powers of ten.
  public var lowExponent = -8.0
  public var highExponent = 4.0
  /// Below this the zone is shaded as vanishing; above `exploding` as exploding.
  public var vanishing = 1e-6
  public var exploding = 1e3
  public var dimmed = false

  public init(bars: [Bar]) { self.bars = bars }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.width >= 20, area.height >= 2 else { return }
    let labelWidth = min(4, bars.map(\.label.count).max() ?? 2)
    let valueWidth = 18  // " 1.2e-03  vanishing" or " 1.2e-03  →1.0e-05"
    let track = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1 - valueWidth, height: area.height)
    guard track.width >= 8 else { return }
    func column(_ exponent: Double) -> Int {
      let t = (exponent - lowExponent) / (highExponent - lowExponent)
      return Clamp.slot(t, count: track.width)
    }
    let vanishingColumn = column(Elementary.log10(vanishing)), explodingColumn = column(Elementary.log10(exploding))
    // When the layers do not all fit, the axis goes first; then middle layers are left out
    // and named in a row of their own, keeping the output layer and the layers nearest the
    // input, where vanishing shows. `bars` run from the output layer down, so bar i is layer
    // bars.count − i.
    let showAxis = bars.count <= area.height - 1
    let layers = ShownLayers(depth: bars.count, room: showAxis ? area.height - 1 : area.height)
    let rowsForBars = layers.rows.count
    for (i, layer) in layers.rows.enumerated() {
      let y = area.y + i
      guard let layer else {
        layers.drawNotice(in: Rect(x: area.x, y: y, width: area.width, height: 1), into: &frame, context: context)
        continue
      }
      let bar = bars[bars.count - layer]
      frame.put(Text.pad(bar.label, labelWidth), x: area.x, y: y, style: context.style(.text), clip: area)
      for cx in 0..<track.width {
        let role: Role = cx < vanishingColumn ? .vanishingZone : (cx > explodingColumn ? .explodingZone : .track)
        var style = context.style(role)
        if !context.theme.hasColor && role != .track { style = Style(.default, .default, .dim) }
        frame[track.x + cx, y] = style.cell(role == .track ? context.glyphs.barTrack : context.glyphs.lightShade)
      }
      let verdictRole: Role =
        switch bar.verdict {
        case .healthy: .healthy
        case .vanishing: .vanishing
        case .exploding: .exploding
        case .nonFinite: .nonFinite
        }
      var barStyle = context.style(verdictRole)
      if dimmed { barStyle = context.style(.dim) }
      if bar.norm.isFinite && bar.norm > 0 {
        let end = column(Elementary.log10(bar.norm))
        // Clipping's cut: past it, the bar is the light shade of what was taken away.
        let cut = bar.clipped.map { $0 > 0 ? column(Elementary.log10($0)) : -1 } ?? end
        for cx in 0...end {
          frame[track.x + cx, y] = Cell(
            cx <= cut ? context.glyphs.lowerBlock : context.glyphs.lightShade, foreground: barStyle.foreground,
            background: frame[track.x + cx, y].background, attributes: barStyle.attributes)
        }
        if cut >= 0 && cut < end { frame[track.x + cut, y] = context.style(.marker).cell(context.glyphs.vertical) }
      } else if !bar.norm.isFinite {
        frame[track.x, y] = context.style(.nonFinite).cell(context.glyphs.nan)
      }
      let verdict = bar.verdict == .nonFinite ? "NaN/inf" : bar.verdict.rawValue
      let value =
        " " + Text.pad(Format.short(bar.norm, digits: 2), 8) + (bar.clipped.map { "\(context.glyphs.arrowRight)" + Format.short($0, digits: 2) } ?? verdict)
      frame.put(value, x: track.maxX, y: y, style: barStyle, clip: area)
    }
    // Axis labels under the track: every fourth decade.
    let y = area.y + rowsForBars
    guard showAxis, y < area.maxY else { return }
    var e = lowExponent
    var free = area.x
    while e <= highExponent {
      let label = "1e\(Clamp.int(e))"
      let x = track.x + column(e) - (e == lowExponent ? 0 : label.count / 2)
      if x >= free && x + label.count <= area.maxX {
        frame.put(label, x: x, y: y, style: context.style(.axis), clip: area)
        free = x + label.count + 1
      }
      e += 4
    }
  }
}
