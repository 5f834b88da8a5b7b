import BackstepCore
import TermGrid

/// The line under the network table that says how to read a colour, with numbers: the map it
/// describes (the one under the cursor, or that map's column when the scale is shared), the
/// values at the two ends of its swatch, and the scale's mode, e.g.
/// `a₂ −0.83 ▓▒░·░▒▓ +0.83  per map (s), linear (l)  × NaN  ∞ inf`.
///
/// The ends are the colour limit the core measured (``MapScale/limit``); on the log scale they
/// are the six decades below it that the maps show.
struct ScaleLegend {
  /// The map described: `a₂`, or `a, all layers` when the scale is shared.
  var name: String
  /// The colours' span: ±top on the diverging scale, 0…top from zero, the top of the log
  /// scale; nil while the map has no values, when the ends read −max and +max.
  var span: ColourSpan?
  /// Whose range a span that is a range is (the activation's name).
  var rangeOf: String
  var shared: Bool
  var log: Bool
  var palette: Palette

  /// Cells of the colour swatch.
  static let swatch = 12

  /// The values at the left and right ends of the swatch, as printed.
  func ends(minus: String) -> (low: String, high: String) {
    guard let span else { return log ? ("small", "large") : (minus + "max", "+max") }
    if log { return (Magnitude.text(span.top * HeatMap.logFloor), Magnitude.text(span.top)) }
    if span.fromZero { return ("0", Magnitude.text(span.top)) }
    return (Magnitude.signed(-span.top, minus: minus), Magnitude.signed(span.top, minus: minus))
  }

  func render(in row: Rect, into frame: inout Frame, context: RenderContext) {
    let g = context.glyphs
    let (low, high) = ends(minus: context.math.minus)
    let label = (log ? "|\(name)| " : "\(name) ")
    let fixed = label.count + low.count + 2 + high.count
    // The longest form that fits; with none, the name and colours alone, no number cut.
    let fit = forms(context: context).first { fixed + $0.swatch + $0.tail.count <= row.width }
    let swatch = fit?.swatch ?? Self.swatch
    let sequential = log || span?.fromZero == true
    var x = frame.put(label + (fit == nil ? "" : low + " "), x: row.x, y: row.y, style: context.style(.title), clip: row)
    for i in 0..<swatch where x < row.maxX {
      let t = Double(i) / Double(swatch - 1)
      if context.theme.hasColor {
        let c = sequential ? Palette.sequential(t, level: context.level) : palette.diverging(2 * t - 1, level: context.level)
        frame[x, row.y] = Cell(" ", background: c)
      } else {
        frame[x, row.y] = Cell(g.shades[Clamp.slot(sequential ? t : abs(2 * t - 1), count: g.shades.count)])
      }
      x += 1
    }
    guard let fit else { return }
    x = frame.put(" " + high, x: x, y: row.y, style: context.style(.title), clip: row)
    frame.put(fit.tail, x: x, y: row.y, style: context.style(.axis), clip: row)
  }

  /// The swatch's cells and the words after the right end, longest first, each shorter than the
  /// one before by what matters least: the keys, the NaN and ∞ glyphs, half the swatch, whose
  /// range or which scale, the rest of the swatch, the scale's kind, the sign note.
  func forms(context: RenderContext) -> [(swatch: Int, tail: String)] {
    let g = context.glyphs, minus = context.math.minus
    let fromRange = span?.isRange == true ? "\(rangeOf)'s range" : nil
    let kind = log ? "log" : "linear"
    let mode = (fromRange ?? (shared ? "shared" : "per map")) + ", " + kind
    let keyed = (fromRange ?? (shared ? "shared (s)" : "per map (s)")) + ", " + (log ? "log (l)" : "linear (l)")
    let sign = context.theme.hasColor || log || span?.fromZero == true ? "" : "  +\(minus) sign"
    let nonFinite = "  \(g.nan) NaN  \(g.posInfinity) inf"
    let half = Self.swatch * 2 / 3, least = 5
    return [
      (Self.swatch, "  " + keyed + sign + nonFinite), (Self.swatch, "  " + mode + sign + nonFinite), (Self.swatch, "  " + mode + sign),
      (half, "  " + mode + sign), (half, "  " + kind + sign), (least, "  " + kind + sign), (least, sign), (least, ""),
    ]
  }
}
