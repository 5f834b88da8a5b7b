import BackstepCore
import TermGrid

/// Every layer's histogram of W, dW or a, in a grid of panels that fills the screen: bins as
/// columns of block glyphs on a log-count axis (a bin of 1 still shows, and one of 10 000 does
/// not flatten the rest), each panel titled with the layer, its shape and its value count, the
/// range under the bars, and NaN and ∞ counted beside it. When not every layer fits, the ones
/// left out are named. The bins come from a ``LayerHistograms``; this only draws them.
struct HistogramOverlay: Widget, Sendable {
  var histograms: LayerHistograms
  /// The key that shows the next quantity, for the title.
  var key: String

  /// A panel's fewest rows (border, three rows of bars, the range, the count) and columns (the
  /// border and one column a bin).
  static let panelHeight = 7
  static let panelWidth = Histogram.binCount + 4

  func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let subject = histograms.subject
    let title = "histograms of \(Self.symbol(subject)) per layer, log count  (\(key): \(Self.symbol(subject.next)) next, Esc closes)"
    OverlayBox(title: title).render(in: area, width: area.width, height: area.height - 2, into: &frame, context: context) { inner, frame in
      let layers = histograms.layers
      guard !layers.isEmpty else { return }
      let columns = max(1, min(layers.count, inner.width / Self.panelWidth))
      let fitRows = max(1, (inner.height - 1) / Self.panelHeight)
      let rows = min(fitRows, (layers.count + columns - 1) / columns)
      let shown = min(layers.count, rows * columns)
      let footer = shown < layers.count ? 1 : 0
      let height = (inner.height - footer) / rows, width = inner.width / columns
      for (i, entry) in layers.prefix(shown).enumerated() {
        let cell = Rect(x: inner.x + (i % columns) * width, y: inner.y + (i / columns) * height, width: width, height: height)
        render(entry, in: cell, into: &frame, context: context)
      }
      if footer == 1 {
        let hidden = layers.count - shown == 1 ? "L\(layers.count)" : "L\(shown + 1)–L\(layers.count)"
        frame.put("\(hidden) hidden: enlarge the terminal to see every layer", x: inner.x + 1, y: inner.maxY - 1, style: context.style(.dim), clip: inner)
      }
    }
  }

  /// One layer's panel: the bars, the axis's two ends (and 0 between them when it spans 0), and
  /// the count with the non-finite values.
  func render(_ entry: LayerHistograms.Entry, in area: Rect, into frame: inout Frame, context: RenderContext) {
    let h = entry.histogram
    let name = context.math.name(Self.symbol(histograms.subject), entry.layer)
    let inner = Panel(title: "\(name)  \(entry.rows)\(context.math.times)\(entry.columns)").render(in: area, into: &frame, context: context)
    guard inner.height >= 3, inner.width >= h.counts.count else { return }
    let binWidth = inner.width / h.counts.count
    let plot = Rect(x: inner.x + (inner.width - binWidth * h.counts.count) / 2, y: inner.y, width: binWidth * h.counts.count, height: inner.height - 2)
    let top = Elementary.log10(Double(h.largestCount) + 1)
    for (bin, count) in h.counts.enumerated() where count > 0 {
      // Eighths of the plot's height: log(1 + count) against log(1 + the largest count).
      let eighths = max(1, Int((Elementary.log10(Double(count) + 1) / top * Double(plot.height * 8)).rounded()))
      for row in 0..<plot.height {
        let filled = eighths - row * 8
        guard filled > 0 else { break }
        let glyph = context.glyphs.eighths[min(filled, 8) - 1]
        for dx in 0..<binWidth { frame[plot.x + bin * binWidth + dx, plot.maxY - 1 - row] = context.style(.healthy).cell(glyph) }
      }
    }
    let axisY = plot.maxY
    let low = Format.short(h.range.lowerBound, digits: 2), high = Format.short(h.range.upperBound, digits: 2)
    frame.put(low, x: plot.x, y: axisY, style: context.style(.axis), clip: inner)
    frame.put(high, x: plot.maxX - high.count, y: axisY, style: context.style(.axis), clip: inner)
    if h.range.lowerBound < 0 { frame.put("0", x: plot.x + plot.width / 2, y: axisY, style: context.style(.axis), clip: inner) }
    var x = frame.put("n \(h.total), top bin \(h.largestCount)", x: inner.x, y: axisY + 1, style: context.style(.dim), clip: inner)
    if h.nonFinite > 0 {
      let parts = [(h.nan, "NaN"), (h.positiveInfinity, "+∞"), (h.negativeInfinity, "−∞")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
      x = frame.put("  " + parts.joined(separator: " "), x: x, y: axisY + 1, style: context.style(.nonFinite), clip: inner)
    }
  }

  static func symbol(_ subject: LayerHistograms.Subject) -> String {
    switch subject {
    case .weights: "W"
    case .gradients: "dW"
    case .activations: "a"
    }
  }
}
