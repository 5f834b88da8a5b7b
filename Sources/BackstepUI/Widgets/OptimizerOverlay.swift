import BackstepCore
import TermGrid

/// The optimizer overlay: the learning rate the last update used and any change waiting, then
/// per layer ‖ΔW‖/‖W‖ on a log bar with the usual 1e-3 marked, and per parameter its norm and
/// what the optimizer keeps for it: the momentum buffer's norm, Adam's m̂ and v̂ ranges and the
/// step lr·m̂/(√v̂+ε) (median and range), Adagrad's sum, RMSprop's and Adadelta's averages.
/// Every number is from an ``OptimizerReading``; this only lays them out.
struct OptimizerOverlay: Widget, Sendable {
  var reading: OptimizerReading
  /// The key that closes it, for the title.
  var key: String

  /// One row of the box: text, and for a layer's row the bar of its update ratio after it.
  struct Row {
    var line: Line
    var bar: UpdateRatioBar?
  }

  static let barWidth = 20

  func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let width = min(area.width, 120)
    // The two lines that explain the step and the bar go first when the numbers do not all fit.
    var rows = Self.rows(reading, width: width - 4, math: context.math)
    if rows.count + 2 > area.height - 2 { rows = Self.rows(reading, width: width - 4, math: context.math, explained: false) }
    let box = OverlayBox(title: "optimizer state per layer  (\(key) or Esc closes)")
    box.render(in: area, width: width, height: rows.count + 2, into: &frame, context: context) { inner, frame in
      let hidden = rows.count > inner.height
      let visible = inner.height - (hidden ? 1 : 0)
      for (i, row) in rows.prefix(visible).enumerated() {
        let end = row.line.render(x: inner.x + 1, y: inner.y + i, clip: inner, into: &frame, context: context)
        if let bar = row.bar, end + Self.barWidth <= inner.maxX {
          bar.render(x: end, y: inner.y + i, width: Self.barWidth, into: &frame, context: context)
        }
      }
      if hidden { OverlayBox.noteHidden(rows.count - visible, in: inner, into: &frame, context: context) }
    }
  }

  /// The rows for a box `width` columns wide inside; without `explained`, the lines that say
  /// what the step and the bar are.
  static func rows(_ r: OptimizerReading, width: Int, math: MathGlyphs, explained: Bool = true) -> [Row] {
    var rows = [Row(line: Line([(r.settings.summary, .title), (", the rate the last update used (step \(r.step))", .text)]))]
    if let next = r.pending {
      rows.append(Row(line: Line([("next: \(next.summary)" + (r.pendingFrom.map { " from step \($0)" } ?? ""), .accent)])))
    }
    if r.settings.kind == .adagrad && r.settings.lrDecay != 0 {
      rows.append(Row(line: Line([("lr decayed to \(Format.short(r.learningRate, digits: 3)) by lr_decay", .text)])))
    }
    if explained, r.layers.contains(where: { $0.parameters.contains { $0.adam != nil } }) {
      let step = "lr\(math.dot)\(math.mHat)/(\(math.squareRoot)\(math.vHat) + ε)"
      rows.append(Row(line: Line([("step: \(step), the move each entry would take with no new gradient", .dim)])))
    }
    if explained { rows.append(Row(line: Line([("‖ΔW‖/‖W‖ on a log axis 1e-6 to 1; the mark is the usual 1e-3", .dim)]))) }
    guard r.step > 0 else {
      rows.append(Row(line: Line([("no update yet: the buffers fill at the first update", .dim)])))
      return rows
    }
    for layer in r.layers {
      let ratio = layer.updateRatio.map { Format.short($0, digits: 2) } ?? "-"
      rows.append(
        Row(line: Line([("L\(layer.layer)", .title), ("  ‖ΔW‖/‖W‖ " + Text.pad(ratio, 8) + " ", .text)]), bar: UpdateRatioBar(ratio: layer.updateRatio)))
      for p in layer.parameters {
        rows += packed(items(p, math: math), lead: "    " + Text.pad(symbol(p.key.name, math), 2) + " ", width: width).map { Row(line: Line([($0, .text)])) }
      }
    }
    return rows
  }

  /// What one parameter's line says, item by item: its norm, then its buffers.
  static func items(_ p: OptimizerReading.Parameter, math: MathGlyphs) -> [String] {
    let s = symbol(p.key.name, math)
    var items = ["‖\(s)‖ \(Format.short(p.norm, digits: 3))"]
    if let adam = p.adam {
      items.append("\(math.mHat) \(range(adam.mHat))")
      items.append("\(math.vHat) \(range(adam.vHat))")
      let median = adam.step.median.map { Format.short($0, digits: 2) } ?? "-"
      items.append("step median \(median) in \(range(adam.step))")
      return items
    }
    for buffer in p.buffers {
      items.append(buffer.name == "momentum_buffer" ? "‖momentum‖ \(Format.short(buffer.spread.norm, digits: 2))" : "\(buffer.name) \(range(buffer.spread))")
    }
    return items
  }

  /// "[-2.1e-03, 3.0e-03]", with the count of NaN and ∞ when there are any.
  static func range(_ s: ValueSpread) -> String {
    let shown = s.range.map { "[\(Format.short($0.lowerBound, digits: 2)), \(Format.short($0.upperBound, digits: 2))]" } ?? "[-]"
    return shown + (s.nonFinite > 0 ? " +\(s.nonFinite) NaN/∞" : "")
  }

  static func symbol(_ name: ParameterName, _ math: MathGlyphs) -> String {
    switch name {
    case .weights: "W"
    case .biases: "b"
    case .gamma: math.gamma
    case .beta: math.beta
    case .weightsIH: "W_ih"
    case .weightsHH: "W_hh"
    case .biasIH: "b_ih"
    case .biasHH: "b_hh"
    }
  }

  /// Items joined by two spaces into lines of at most `width`, the first after `lead` and the
  /// rest indented under it; an item wider than a line has a line of its own.
  static func packed(_ items: [String], lead: String, width: Int) -> [String] {
    var lines = [lead]
    for item in items {
      let last = lines[lines.count - 1]
      let fresh = last.allSatisfy { $0 == " " } || last == lead
      if fresh || last.count + 2 + item.count <= width {
        lines[lines.count - 1] = last + (fresh ? "" : "  ") + item
      } else {
        lines.append(String(repeating: " ", count: lead.count + 2) + item)
      }
    }
    return lines
  }
}
