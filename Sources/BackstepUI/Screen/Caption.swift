import BackstepCore
import TermGrid

/// What the stage just run computed, in words, with its formula and live numbers, followed by
/// the inspector's exact value under the cursor. The teacher reads this line aloud.
enum Caption {
  static func lines(for shown: ShownSession, math: MathGlyphs) -> [Line] {
    [warning(shown), stageLine(shown.stepper, math, cursor: shown.cursor), inspector(shown, math)].compactMap { $0 }
  }

  /// The breakpoint that held at the stage on screen, while the screen is on it — in a
  /// comparison, in either network, named ("break: B: relu — vanishing at B1 …"); else the first
  /// NaN or infinity, while the run carries one.
  static func warning(_ shown: ShownSession) -> Line? {
    let s = shown.stepper
    for session in [shown.session] + (shown.partner.map { [$0] } ?? []) {
      let r = session.stepper
      guard let hit = session.lastBreak, hit.fault == nil, hit.step == r.record.step, hit.stage == r.lastStage else { continue }
      let network = shown.tag == nil ? "" : (session.label ?? "") + " — "
      return Line([("break: ", .error), (network + "\(hit)", .error)])
    }
    return s.firstNonFinite.map { Line([("NaN/∞ first appeared: ", .error), ("\($0)", .error)]) }
  }

  /// Draws the caption into `area`, each line in the rows it is given (``CaptionRows``): when
  /// they do not all fit, the inspector keeps a row and the stage's line gives up its last words.
  static func render(_ shown: ShownSession, in area: Rect, into frame: inout Frame, context: RenderContext) {
    var stage = stageLine(shown.stepper, context.math, cursor: shown.cursor)
    // In a comparison the caption says which network it reads.
    if let heading = shown.heading { stage = Line([(heading.tag.heading(heading.label) + "  ", heading.tag.role)] + stage.runs) }
    let lines = CaptionRows(
      stage: stage,
      inspector: inspector(shown, context.math, width: area.width, rows: max(1, area.height - 1)), warning: warning(shown)
    )
    .fitted(width: area.width, height: area.height)
    var y = area.y
    for (line, rows) in lines {
      TextBlock([line]).render(in: Rect(x: area.x, y: y, width: area.width, height: rows), into: &frame, context: context)
      y += rows
    }
  }

  static func n(_ base: String, _ l: Int, _ math: MathGlyphs) -> String { math.name(base, l) }

  static func f(_ x: Double) -> String { Format.short(x, digits: 4) }

  static func stageLine(_ s: Stepper, _ math: MathGlyphs, cursor: Cursor? = nil) -> Line {
    guard let stage = s.lastStage else {
      let b = s.upcomingBatchSize
      return Line([
        ("Ready. ", .accent),
        (
          "Press \(KeyMap.key(for: .step)) to run forward(1) on a batch of \(b) examples; \(KeyMap.key(for: .finishIteration)) finishes an "
            + "iteration, \(KeyMap.key(for: .toggleRun)) runs, \(KeyMap.key(for: .toggleHelp)) lists every key.", .caption
        ),
      ])
    }
    let r = s.record
    let dot = math.dot
    let t = math.transpose
    let delta = math.delta
    switch stage {
    case .forward(let l):
      let layer = s.network.layers[l - 1]
      let rec = r.layers[l - 1]
      if let bn = layer.batchNorm, let stats = rec.batchNorm {
        let input = l == 1 ? r.input : r.layers[l - 2].a
        return BatchNormCaption.forward(l, bn, rec, stats, input: input, focus: Self.focus(cursor, layer: l, rec), math)
      }
      var numbers = "\(n("z", l, math)) and \(n("a", l, math)) are \(rec.z.rows)\(math.times)\(rec.z.cols)"
      if let reading = rec.forwardReading {
        numbers += "; mean |a| = \(f(reading.meanAbsActivation))"
        if layer.activation == .tanh || layer.activation == .sigmoid {
          numbers += ", \(Clamp.int((reading.saturatedFraction * 100).rounded(), in: 0...100))% saturated"
        }
        if layer.activation == .relu { numbers += ", \(reading.deadUnits) of \(reading.units) units dead" }
      }
      return Line([
        ("forward(\(l)) ", .accent),
        (
          "\(n("z", l, math)) = \(n("a", l - 1, math))\(dot)\(n("W", l, math))\(t)"
            + (layer.dense?.hasBias == false ? " (no bias)" : " + \(n("b", l, math))")
            + ", \(n("a", l, math)) = \(layer.activation.rawValue)(\(n("z", l, math))). ",
          .formula
        ),
        (numbers + ".", .caption),
      ])
    case .forwardStep(let l, let t):
      return RecurrentCaption.forward(l, t: t, s, math)
    case .backwardStep(let l, let t):
      return RecurrentCaption.backward(l, t: t, s, math)
    case .loss:
      return Line([
        ("loss ", .accent), (s.network.loss.formula.replacingOccurrences(of: "sum", with: math.sum) + ". ", .formula),
        (
          "L = \(f(r.dataLoss))" + (r.regLoss != 0 ? " + \(f(r.regLoss)) (regularisation) = \(f(r.loss))" : "")
            + " on this batch; dL/da is \(r.dLdaOutput.rows)\(math.times)\(r.dLdaOutput.cols).", .caption
        ),
      ])
    case .backward(let l):
      let L = s.network.depth
      let layer = s.network.layers[l - 1]
      let rec = r.layers[l - 1]
      if let bn = layer.batchNorm, let stats = rec.batchNorm {
        return BatchNormCaption.backward(l, bn, rec, stats, focus: Self.focus(cursor, layer: l, rec), math)
      }
      let how: String
      // f′ as the network table's column and frames name it; the band's label names f.
      let fPrime = "f′(\(n("z", l, math)))"
      if l == L && s.network.loss.isFusedWithOutput {
        how = "\(n(delta, l, math)) = (\(layer.activation == .softmax ? "softmax" : "σ")(\(n("z", l, math))) − t)/B, straight from the logit"
      } else if l == L {
        how = "\(n(delta, l, math)) = dL/da \(math.hadamard) \(fPrime)"
      } else if s.network.layers[l].batchNorm != nil {
        how = "\(n(delta, l, math)) = dL/dx of batchnorm(\(l + 1)) \(math.hadamard) \(fPrime)"
      } else {
        how = "\(n(delta, l, math)) = (\(n(delta, l + 1, math))\(dot)\(n("W", l + 1, math))) \(math.hadamard) \(fPrime)"
      }
      let reading = rec.backwardReading
      let verdict = reading?.verdict
      return Line([
        ("backward(\(l)) ", .accent),
        ("\(how); \(n("dW", l, math)) = \(n(delta, l, math))\(t)\(dot)\(n("a", l - 1, math)). ", .formula),
        (reading.map { "‖\(n(delta, l, math))‖ = \(f($0.normDelta)), ‖\(n("dW", l, math))‖ = \(f($0.normDW))" } ?? "", .caption),
        (verdict.map { " (\($0.rawValue))" } ?? "", verdict == .healthy ? .healthy : .warning),
        (".", .caption),
      ])
    case .update:
      // The settings this iteration ran with: a live change since waits for the next one.
      let o = (r.settings ?? s.settings).optimizer
      let rule = (o.kind == .sgd && o.momentum == 0 ? "" : o.kind.rawValue + ": ") + UpdateRule.text(o, math)
      var numbers = "step \(r.step): batch loss \(f(r.loss))"
      if let d = r.diagnostics {
        if let train = d.trainLoss { numbers += ", train loss now \(f(train))" }
        if let test = d.testLoss { numbers += ", test \(f(test))" }
        if let largest = d.largestUpdateRatio { numbers += "; largest ‖ΔW‖/‖W‖ = \(f(largest.ratio)) (layer \(largest.layer))" }
      }
      if r.clipCoefficient < 1 { numbers += "; gradients clipped by \(f(r.clipCoefficient))" }
      return Line([("update ", .accent), (rule + ". ", .formula), (numbers + ".", .caption)])
    }
  }

  /// The unit and example a caption follows: the cursor's, when it is on a map of layer l
  /// whose columns are examples, else the first.
  static func focus(_ cursor: Cursor?, layer l: Int, _ rec: LayerRecord) -> (unit: Int, example: Int) {
    guard let c = cursor, c.layer == l, c.map.isPerExample, c.row < rec.z.cols, c.column < rec.z.rows else { return (0, 0) }
    return (c.row, c.column)
  }

}
