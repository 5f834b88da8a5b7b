import BackstepCore
import TermGrid

/// An example's input sequence: a row per feature, a cell per time step (t = 1 at the left),
/// each a column of eighths from the feature's smallest value to its largest, so that the
/// adding problem's marked steps stand out in the marker's row.
public struct SequenceStrip: Widget, Sendable {
  public var sequence: ExampleSequence

  public init(_ sequence: ExampleSequence) { self.sequence = sequence }

  /// The label's columns: "x1 ".
  static let labelWidth = 5

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.width > Self.labelWidth, area.height >= 1 else { return }
    let eighths = context.glyphs.eighths
    for (i, series) in sequence.features.prefix(area.height).enumerated() {
      let y = area.y + i
      frame.put("x\(i + 1)", x: area.x, y: y, style: context.style(.dim), clip: area)
      guard let (low, high) = sequence.ranges[i].ends(log: false) else { continue }
      let per = max(1, (series.count + area.width - Self.labelWidth - 1) / (area.width - Self.labelWidth))
      for c in 0..<((series.count + per - 1) / per) {
        // A cell standing for several steps shows the first of them.
        let v = series[c * per]
        guard v.isFinite else {
          frame[area.x + Self.labelWidth + c, y] = context.style(.nonFinite).cell(context.glyphs.nan)
          continue
        }
        let t = high > low ? (v - low) / (high - low) : 0.5
        frame[area.x + Self.labelWidth + c, y] = context.style(.accent).cell(eighths[Clamp.slot(t, count: eighths.count)])
      }
    }
  }
}
