import BackstepCore
import TermGrid

/// Train and test loss against iterations, in braille dots (2×4 per cell) with axis labels.
///
/// The train series is a solid line and the test series a dashed one, so they differ in glyph
/// as well as colour; NaN or ∞ leave a gap and a mark on the top edge. A nil value (a step
/// that was not evaluated) is skipped and the line joins its neighbours. Without UTF-8, `*`
/// and `o` characters plot the two series. The y axis spans `range`, which the history keeps
/// as losses arrive (``TrainingHistory/lossRange``): the plot measures nothing.
///
/// A ghost, an earlier run's train loss, is drawn first in sparse faint dots (`.` in ASCII),
/// on the same step axis, which then covers both runs; the legend names it.
///
/// Given ``curves`` (two compared networks' train losses), the plot draws those instead of
/// `train` and `test`, each in its ``NetworkTag``'s role and pattern, under one y axis whose
/// `range` is the union of theirs; the legend names them ("A: sigmoid  B: relu", or "A  B"
/// when that does not fit).
public struct LossPlot: Widget, Sendable {
  /// An earlier run's series: its values, the step of the first and the steps between them.
  public struct Ghost: Sendable {
    public var values: [Double?]
    public var firstStep: Int
    public var stride: Int
    /// What the legend calls it ("before: act tanh").
    public var label: String

    public init(values: [Double?], firstStep: Int, stride: Int, label: String) {
      self.values = values
      self.firstStep = firstStep
      self.stride = stride
      self.label = label
    }
  }

  public var train: [Double?]
  public var test: [Double?]
  /// The extent of the finite values of `train` and `test`, and of the ghost's.
  public var range: ValueRange
  public var ghost: Ghost?
  /// Compared networks' curves, drawn in place of `train` and `test` when not empty.
  public var curves: [Curve] = []
  public var logY = false
  /// What the legend says about the y axis, after the series (`log y, auto (y)`); by default
  /// `log y` on a log axis and nothing on a linear one.
  public var axisNote: String?
  /// The iteration to mark with a vertical line (1-based), usually the latest.
  public var marker: Int?
  /// The iteration the first value belongs to.
  public var firstStep = 1
  /// Iterations between values (a long run's history keeps one step in `stride`).
  public var stride = 1
  /// What the plot says before the first loss.
  public var emptyNote = "no loss yet"

  public init(train: [Double?], test: [Double?], range: ValueRange, logY: Bool = false, marker: Int? = nil) {
    self.train = train
    self.test = test
    self.range = range
    self.logY = logY
    self.marker = marker
  }

  /// Compared networks' train losses on one axis: `range` spans them all (``ValueRange/union(_:)``).
  public init(curves: [Curve], range: ValueRange, logY: Bool = false, marker: Int? = nil) {
    self.init(train: [], test: [], range: range, logY: logY, marker: marker)
    self.curves = curves
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.width >= 12, area.height >= 3 else { return }
    legend(width: area.width, context: context).render(x: area.x, y: area.y, clip: area, into: &frame, context: context)
    let body = area.splitTop(1).rest
    guard let ends = range.ends(log: logY) else {
      frame.put(emptyNote, x: body.x, y: body.y + body.height / 2, style: context.style(.dim), clip: body)
      return
    }
    var (lo, hi) = ends
    if hi - lo < 1e-12 {
      lo -= 0.5
      hi += 0.5
    }
    // Halves, so that a range as wide as ±1e308 does not overflow to ∞ (and ∞/∞ to NaN).
    let spread = hi / 2 - lo / 2
    let labels = Self.tickLabels([hi, hi / 2 + lo / 2, lo].map { logY ? pow10($0) : $0 })
    let labelWidth = min(Self.labelWidth, labels.compactMap { $0?.count }.max() ?? 4)
    let (axisArea, plotAndX) = body.splitLeft(labelWidth + 1)
    let (plot, xAxis) = plotAndX.splitBottom(1)
    guard plot.width >= 4, plot.height >= 1 else { return }
    // Y labels and axis line.
    let axisStyle = context.style(.axis)
    for (label, y) in zip(labels, [plot.y, plot.y + plot.height / 2, plot.maxY - 1]) {
      guard let label, plot.height >= 3 || y != plot.y + plot.height / 2 else { continue }
      frame.put(Text.pad(label, labelWidth), x: axisArea.x, y: y, style: axisStyle, clip: axisArea)
    }
    for y in plot.y..<plot.maxY { frame[axisArea.maxX - 1, y] = axisStyle.cell(context.glyphs.vertical) }
    // X labels: the steps of the current run, widened to take in the ghost's.
    let count = curves.isEmpty ? max(train.count, test.count) : curves.map(\.values.count).max() ?? 0
    var steps = count > 0 ? (first: firstStep, last: firstStep + (count - 1) * stride) : nil
    if let ghost, !ghost.values.isEmpty {
      let last = ghost.firstStep + (ghost.values.count - 1) * ghost.stride
      steps = steps.map { (min($0.first, ghost.firstStep), max($0.last, last)) } ?? (ghost.firstStep, last)
    }
    let (firstShown, lastShown) = steps ?? (firstStep, firstStep - stride)
    // One value: its step once, at the right, not "1 … step 1".
    if lastShown != firstShown { frame.put("\(firstShown)", x: plot.x, y: xAxis.y, style: axisStyle, clip: xAxis) }
    let right = "step \(lastShown)"
    frame.put(right, x: plot.maxX - right.count, y: xAxis.y, style: axisStyle, clip: xAxis)

    let dotsX = plot.width * context.glyphs.dotsPerCell.columns
    let dotsY = plot.height * context.glyphs.dotsPerCell.rows
    /// Where `step` falls along the axis, 0 … 1.
    func along(_ step: Int) -> Double { lastShown <= firstShown ? 0 : Double(step - firstShown) / Double(lastShown - firstShown) }
    func dot(_ step: Int, _ v: Double) -> (Int, Int)? {
      guard v.isFinite, !logY || v > 0 else { return nil }
      let yv = logY ? Elementary.log10(v) : v
      let x = Clamp.slot(along(step), count: dotsX)
      let y = Clamp.slot(spread > 0 ? (hi / 2 - yv / 2) / spread : 0.5, count: dotsY)
      return (x, y)
    }
    // The marker first, so that the lines draw over it.
    if let marker, count > 0 {
      let i = (marker - firstStep) / max(1, stride)
      if i >= 0 && i < count {
        let x = plot.x + Clamp.slot(along(firstStep + i * stride), count: plot.width)
        for y in plot.y..<plot.maxY { frame[x, y] = context.style(.marker).cell(context.glyphs.vertical) }
      }
    }
    let series = plotted(context.glyphs)
    if context.glyphs.isUnicode {
      var bits = [UInt8](repeating: 0, count: plot.width * plot.height)
      var owner = [Role?](repeating: nil, count: plot.width * plot.height)
      for line in series {
        var previous: (Int, Int)?
        // The dots the line has passed through, for a pattern that dashes along the line.
        var walked = 0
        for (i, value) in line.values.enumerated() {
          guard let v = value else { continue }
          let step = line.firstStep + i * line.stride
          guard let p = dot(step, v) else {
            previous = nil
            if !v.isFinite && line.pattern != .sparse {
              let x = Clamp.int(along(step) * Double(plot.width - 1), in: 0...(plot.width - 1))
              frame[plot.x + x, plot.y] = context.style(.nonFinite).cell(v.isNaN ? context.glyphs.nan : context.glyphs.posInfinity)
            }
            continue
          }
          let from = previous ?? p
          let steps = max(abs(p.0 - from.0), abs(p.1 - from.1), 1)
          for s in 0...steps {
            let x = from.0 + (p.0 - from.0) * s / steps
            let y = from.1 + (p.1 - from.1) * s / steps
            if s > 0 || previous == nil { walked += 1 }
            if !line.pattern.draws(x, walked: walked) { continue }
            let cell = (y / 4) * plot.width + x / 2
            bits[cell] |= Glyphs.brailleBit(column: x % 2, row: y % 4)
            owner[cell] = line.role
          }
          previous = p
        }
      }
      for cy in 0..<plot.height {
        for cx in 0..<plot.width where bits[cy * plot.width + cx] != 0 {
          frame[plot.x + cx, plot.y + cy] = context.style(owner[cy * plot.width + cx] ?? .trainLine).cell(Glyphs.braille(bits[cy * plot.width + cx]))
        }
      }
    } else {
      for line in series {
        for (i, value) in line.values.enumerated() {
          guard let v = value, let p = dot(line.firstStep + i * line.stride, v) else { continue }
          frame[plot.x + p.0, plot.y + p.1] = context.style(line.role).cell(line.mark)
        }
      }
    }
  }
}

extension LossPlot {
  /// The widest a y label may be.
  static let labelWidth = 8

  /// The y axis's labels for `values` (top, middle, bottom), with as few significant digits
  /// as tell them apart (3 to 6), so that no two read the same. Where even 6 digits cannot,
  /// or the labels would not fit ``labelWidth``, the middle one is left out (nil), and the
  /// bottom one too when it still equals the top.
  static func tickLabels(_ values: [Double]) -> [String?] {
    for digits in 3...6 {
      let labels = values.map { Format.short($0, digits: digits) }
      if Set(labels).count == labels.count && labels.allSatisfy({ $0.count <= labelWidth }) { return labels }
    }
    let ends = [values[0], values[values.count - 1]].map { Format.short($0, digits: 3) }
    return [ends[0], nil, ends[1] == ends[0] ? nil : ends[1]]
  }
}

@inline(__always)
func pow10(_ x: Double) -> Double { Elementary.exp(x * 2.302585092994046) }
