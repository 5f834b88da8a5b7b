import BackstepCore
import TermGrid

/// Per-layer gradient norms as bars on a fixed log axis, with the vanishing and exploding
/// zones shaded and each layer's verdict beside its bar.
///
/// A bar is the gradient backprop computed, before clipping. When clipping shortened it, the
/// part clipping took away is drawn in a light shade, a mark stands at the norm the optimizer
/// received, and the text gives that norm after an arrow (`0.035   →7.5e-05`) instead of the
/// verdict.
///
/// Given two networks' bars (``init(a:b:)``), each layer has a row per network that has it,
/// A's over B's, lettered in the networks' roles and drawn with their bar glyphs (``NetworkTag``),
/// over the same zones: vanishing in one and not the other reads down one layer's pair. Depths
/// may differ: the deeper network's extra layers have its row alone.
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

  /// One network's bars, or the first compared network's, from the output layer down.
  public var bars: [Bar]
  /// The second compared network's bars, from its output layer down; nil for one network.
  public var second: [Bar]?
  /// The axis, as powers of ten.
  public var lowExponent = -8.0
  public var highExponent = 4.0
  /// Below this the zone is shaded as vanishing; above `exploding` as exploding.
  public var vanishing = 1e-6
  public var exploding = 1e3
  /// The bars are stale (the update has not run on them yet): drawn dim. `dimmed` is the one
  /// network's or A's; `secondDimmed` B's, whose stages may be elsewhere when the depths differ.
  public var dimmed = false
  public var secondDimmed = false

  public init(bars: [Bar]) { self.bars = bars }

  /// Two compared networks' bars, each from its output layer down (`a[0]` is A's last layer).
  public init(a: [Bar], b: [Bar]) {
    bars = a
    second = b
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.width >= 20, area.height >= 2 else { return }
    let layerWidth = min(4, (bars + (second ?? [])).map(\.label.count).max() ?? 2)
    // A pair's rows carry the network's letter after the layer: "L3 A".
    let labelWidth = layerWidth + (second == nil ? 0 : 2)
    let valueWidth = 18  // " 1.2e-03  vanishing" or " 1.2e-03  →1.0e-05"
    let track = Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1 - valueWidth, height: area.height)
    guard track.width >= 8 else { return }
    func column(_ exponent: Double) -> Int {
      let t = (exponent - lowExponent) / (highExponent - lowExponent)
      return Clamp.slot(t, count: track.width)
    }
    let rows = self.rows(height: area.height)
    for (i, row) in rows.rows.enumerated() {
      let y = area.y + i
      guard case .bar(let bar, let tag, let layer) = row else {
        if case .notice(let layers) = row { layers.drawNotice(in: Rect(x: area.x, y: y, width: area.width, height: 1), into: &frame, context: context) }
        continue
      }
      frame.put(Text.pad(layer ?? "", layerWidth), x: area.x, y: y, style: context.style(.text), clip: area)
      if let tag { frame.put(tag.letter, x: area.x + layerWidth + 1, y: y, style: context.style(tag.role), clip: area) }
      let style = tag == .b && secondDimmed || tag != .b && dimmed ? context.style(.dim) : context.style(bar.verdict.role)
      drawBar(
        bar, glyph: tag?.bar(context.glyphs) ?? context.glyphs.lowerBlock, style: style, track: track, y: y, column: column, into: &frame, context: context)
      let verdict = bar.verdict == .nonFinite ? "NaN/inf" : bar.verdict.rawValue
      let value =
        " " + Text.pad(Format.short(bar.norm, digits: 2), 8) + (bar.clipped.map { "\(context.glyphs.arrowRight)" + Format.short($0, digits: 2) } ?? verdict)
      frame.put(value, x: track.maxX, y: y, style: style, clip: area)
    }
    // Axis labels under the track: every fourth decade.
    let y = area.y + rows.rows.count
    guard rows.showAxis, y < area.maxY else { return }
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

  /// One row's track, its zones shaded, and the bar over it in `glyph` and `barStyle`.
  private func drawBar(
    _ bar: Bar, glyph: Character, style barStyle: Style, track: Rect, y: Int, column: (Double) -> Int, into frame: inout Frame, context: RenderContext
  ) {
    let vanishingColumn = column(Elementary.log10(vanishing)), explodingColumn = column(Elementary.log10(exploding))
    for cx in 0..<track.width {
      let role: Role = cx < vanishingColumn ? .vanishingZone : (cx > explodingColumn ? .explodingZone : .track)
      var style = context.style(role)
      if !context.theme.hasColor && role != .track { style = Style(.default, .default, .dim) }
      frame[track.x + cx, y] = style.cell(role == .track ? context.glyphs.barTrack : context.glyphs.lightShade)
    }
    if bar.norm.isFinite && bar.norm > 0 {
      let end = column(Elementary.log10(bar.norm))
      // Clipping's cut: past it, the bar is the light shade of what was taken away.
      let cut = bar.clipped.map { $0 > 0 ? column(Elementary.log10($0)) : -1 } ?? end
      for cx in 0...end {
        frame[track.x + cx, y] = Cell(
          cx <= cut ? glyph : context.glyphs.lightShade, foreground: barStyle.foreground,
          background: frame[track.x + cx, y].background, attributes: barStyle.attributes)
      }
      if cut >= 0 && cut < end { frame[track.x + cut, y] = context.style(.marker).cell(context.glyphs.vertical) }
    } else if !bar.norm.isFinite {
      frame[track.x, y] = context.style(.nonFinite).cell(context.glyphs.nan)
    }
  }
}
