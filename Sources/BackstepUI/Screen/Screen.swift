import BackstepCore
import TermGrid

/// Draws the whole screen for a state and a size: pure, with no terminal.
public enum Screen {
  /// One frame of the visualizer.
  public static func render(_ state: AppState, width: Int, height: Int, context: RenderContext) -> Frame {
    draw(state, width: width, height: height, context: context).frame
  }

  /// One frame of the visualizer and where it put its heat maps, for reading clicks (as
  /// ratatui's stateful widgets hand back what they drew): the regions are the ones the
  /// frame was drawn with, at its size and with its glyphs.
  public static func draw(_ state: AppState, width: Int, height: Int, context: RenderContext) -> (frame: Frame, regions: ScreenRegions) {
    var frame = Frame(width: width, height: height)
    var regions = ScreenRegions()
    // The network the caption reads: the only one, or the focused one of a comparison.
    let shown = state.shown
    let s = shown.stepper
    guard let layout = state.layout(width: width, height: height) else {
      TooSmall(size: (width, height), needed: (ScreenLayout.minimumWidth, ScreenLayout.minimumHeight))
        .render(in: frame.bounds, into: &frame, context: context)
      return (frame, regions)
    }
    Header(session: shown.session, runner: state.runner, comparison: comparisonNote(state, layout)).render(in: layout.header, into: &frame, context: context)
    StageStrip(labels: s.stages.map { stageLabel($0, unicode: context.glyphs.isUnicode) }, reached: s.record.step == 0 ? 0 : s.reached)
      .render(in: layout.stages.inset(dx: 1, dy: 0), into: &frame, context: context)
    ExampleStrip(shown).render(in: layout.example.inset(dx: 1, dy: 0), into: &frame, context: context)
    if let second = layout.second {
      regions.heatMaps = NetworkTable(shown: state.shown(.left)).render(in: layout.network, into: &frame, context: context)
      regions.heatMaps += NetworkTable(shown: state.shown(.right)).render(in: second, into: &frame, context: context)
    } else {
      regions.heatMaps = NetworkTable(shown: shown).render(in: layout.network, into: &frame, context: context)
    }
    renderLoss(state.sessions, view: state.view, running: state.runner.running, layout.loss, &frame, context)
    if state.view.explainOpen {
      // The panel takes the magnitudes' rows and the surface's below them.
      let bottom = layout.surface?.maxY ?? layout.magnitudes.maxY
      let area = Rect(x: layout.magnitudes.x, y: layout.magnitudes.y, width: layout.magnitudes.width, height: bottom - layout.magnitudes.y)
      ExplainPanel(explanation: shown.session.explanation.map { Explanation($0, context.math) }, pending: explainPending(shown), math: context.math)
        .render(in: area, into: &frame, context: context)
    } else if layout.surface == nil, !state.isComparing, s.network.isRecurrent {
      // Too short for a panel of its own: the gradient through time takes the bars' place.
      GradientThroughTimePanel(stepper: s).render(in: layout.magnitudes, into: &frame, context: context)
    } else {
      renderMagnitudes(state.session, second: state.other, layout.magnitudes, &frame, context)
    }
    if let area = layout.surface, !state.view.explainOpen, s.network.isRecurrent {
      // A sequence is not a point of the plane: the surface's place shows the gradient through time.
      GradientThroughTimePanel(stepper: s, example: shown.example).render(in: area, into: &frame, context: context)
    } else if let area = layout.surface, !state.view.explainOpen {
      // In a comparison, the network's letter first: the surface is the shown network's.
      let network = shown.heading.map { $0.tag.letter + ": " } ?? ""
      let inner = Panel(title: SurfaceTitle.text(shown.session, prefix: network, width: area.width - 4)).render(in: area, into: &frame, context: context)
      if let surface = shown.session.surface {
        var plane = DecisionSurface(
          surface: surface, points: s.data.train.inputs, labels: s.data.train.labels, targets: s.data.train.targets, batch: s.record.batchIndices
        )
        plane.selected = shown.session.trainingRow(ofExample: state.example).map { (row: $0, position: state.example) }
        plane.render(in: inner, into: &frame, context: context)
        regions.points = plane.pointCells(in: inner, context: context)
      }
    }
    if let area = layout.lesson, let player = state.lesson { LessonPanel(player: player).render(in: area, into: &frame, context: context) }
    Caption.render(shown, in: layout.caption.inset(dx: 1, dy: 0), into: &frame, context: context)
    var status = StatusLine(hints: hints(state), message: state.message)
    status.prominent = state.messageIsNew
    status.render(in: layout.status, into: &frame, context: context)
    renderOverlay(state, &frame, context)
    if !context.glyphs.isUnicode { frame.foldToASCII() }
    return (frame, regions)
  }

  /// What the explain panel says when there is nothing explained: when the value comes.
  static func explainPending(_ shown: ShownSession) -> String {
    guard let note = Caption.pending(shown) else { return "nothing is computed here: move the cursor onto a heat map" }
    return "this value: " + note
  }

  static func stageLabel(_ stage: Stage, unicode: Bool) -> String {
    switch stage {
    case .forward(let l): "F" + String(l)
    case .backward(let l): "B" + String(l)
    case .loss: "loss"
    case .update: "update"
    case .forwardStep(let l, let t): "F" + String(l) + (unicode ? "·" : ".") + "t" + String(t)
    case .backwardStep(let l, let t): "B" + String(l) + (unicode ? "·" : ".") + "t" + String(t)
    }
  }

  /// The loss panel: one network's train and test curves, or in a comparison each network's
  /// train curve (``comparedPlot(_:range:logY:)``), over the previous run's ghost.
  static func renderLoss(_ sessions: [Session], view: ViewOptions, running: Bool, _ area: Rect, _ frame: inout Frame, _ context: RenderContext) {
    let session = sessions[0]
    let s = session.stepper
    let h = s.history
    let compared = sessions.count > 1
    let title = compared ? LossTitle.compared(sessions, width: area.width - 4) : LossTitle.text(session, running: running, width: area.width - 4)
    let inner = Panel(title: title).render(in: area, into: &frame, context: context)
    // One axis under every curve: each range was measured once, as its losses arrived.
    let curvesRange = sessions.dropFirst().reduce(h.lossRange) { $0.union($1.stepper.history.lossRange) }
    let range = session.ghost.map { curvesRange.union($0.range) } ?? curvesRange
    let logY = view.lossAxis.isLog(range)
    var plot =
      compared
      ? comparedPlot(sessions, range: range, logY: logY)
      : LossPlot(train: h.trainLoss, test: h.testLoss, range: range, logY: logY, marker: h.count > 0 ? h.step(at: h.count - 1) : nil)
    // The legend: "━ train  ┅ test  " (17 columns), or the networks' letters "━ A  ╍ B  " (10),
    // the ghost's "┄ label  " before the axis note, each shortened to what fits.
    var used = compared ? 10 : 17
    if let ghost = session.ghost {
      let label = [ghost.label, "before"].first { used + $0.count + 4 <= inner.width } ?? "before"
      plot.ghost = LossPlot.Ghost(values: ghost.train, firstStep: ghost.firstStep, stride: ghost.stride, label: label)
      used += label.count + 4
    }
    let key = KeyMap.key(for: .cycleLossAxis)
    let axis = logY ? "log y" : "linear y"
    let notes = [axis + (view.lossAxis == .auto ? ", auto" : "") + " (\(key))", axis + " (\(key))", logY ? axis : ""]
    plot.axisNote = notes.first { used + $0.count <= inner.width } ?? notes[2]
    plot.firstStep = h.step(at: 0)
    plot.stride = h.stride
    if !compared, let loss = LossTitle.freshBatchLoss(session, running: running) {
      // The loss stage has run but the update has not: say the loss just computed.
      let said = "batch loss \(Format.short(loss, digits: 4)) at step \(s.record.step)"
      let more = said + "; curves start at the update"
      plot.emptyNote = more.count <= inner.width ? more : said
    } else {
      plot.emptyNote = "no loss yet: press \(KeyMap.key(for: .step)) or \(KeyMap.key(for: .finishIteration))"
    }
    plot.render(in: inner, into: &frame, context: context)
  }

  /// The first of `titles` that fits in a panel's top border over `area`, else the last.
  static func fitted(_ titles: [String], _ area: Rect) -> String {
    titles.first { $0.count <= area.width - 4 } ?? titles[titles.count - 1]
  }

  /// Accuracy as a percentage, or "n/a" once a loss is NaN or infinite: the outputs it was
  /// counted from are not numbers either, and a count of them would look like a real score.
  static func accuracy(_ acc: Double, losses: [Double?]) -> String {
    guard acc.isFinite, losses.allSatisfy({ $0?.isFinite ?? true }) else { return "n/a" }
    return Format.short(acc * 100, digits: 3) + "%"
  }

  /// The gradient-magnitude panel: a bar per layer, each compared network's bars in pairs.
  static func renderMagnitudes(_ session: Session, second: Session? = nil, _ area: Rect, _ frame: inout Frame, _ context: RenderContext) {
    let s = session.stepper
    // The bars are the gradient backprop computed; with clipping on, the title says so.
    let titles =
      s.settings.clipping.isActive
      ? ["‖dW‖ before \(context.glyphs.arrowRight) after clipping"] : ["gradient magnitude ‖dW‖ per layer", "gradient ‖dW‖ per layer"]
    let inner = Panel(title: fitted(titles, area)).render(in: area, into: &frame, context: context)
    guard !inner.isEmpty else { return }
    guard let latest = s.history.latest ?? s.record.diagnostics else {
      frame.put(
        Text.truncate("bars come at the first update", to: inner.width, glyphs: context.glyphs), x: inner.x, y: inner.y, style: context.style(.dim), clip: inner
      )
      return
    }
    var widget = MagnitudeBars(bars: bars(latest, depth: s.network.depth))
    widget.vanishing = s.thresholds.vanishingNorm
    widget.exploding = s.thresholds.explodingNorm
    widget.dimmed = isStale(s)
    if let b = second?.stepper {
      widget.second = (b.history.latest ?? b.record.diagnostics).map { bars($0, depth: b.network.depth) } ?? []
      widget.secondDimmed = isStale(b)
      // Both networks' bars take the panel; the history strip is one network's.
      widget.render(in: inner, into: &frame, context: context)
      return
    }
    let barRows = min(inner.height, s.network.depth + 1)
    let (top, rest) = inner.splitTop(barRows)
    widget.render(in: top, into: &frame, context: context)
    if rest.height >= 2 {
      frame.put("history, newest right", x: rest.x, y: rest.y, style: context.style(.dim), clip: rest)
      HistoryStrip(series: s.history.normDW).render(in: rest.splitTop(1).rest, into: &frame, context: context)
    }
  }

  /// The status line's hints, read from the key table; `p`'s word says what it would do now.
  static func hints(_ state: AppState) -> [(key: String, label: String)] {
    KeyMap.hints.map { key, label, action in (key, action == .toggleRun && state.runner.running ? "pause" : label) }
  }

  static func renderOverlay(_ state: AppState, _ frame: inout Frame, _ context: RenderContext) {
    switch state.overlay {
    case .none: return
    case .help(let page):
      HelpOverlay.keys(state.helpGroups, page: page, title: "backstep keys  (Esc closes)", width: frame.width, height: frame.height).render(
        in: frame.bounds, into: &frame, context: context)
    case .prompt(let text):
      let row = Rect(x: 0, y: frame.height - 1, width: frame.width, height: 1)
      frame.fill(row, with: context.style(.statusBar).cell(" "))
      let x = frame.put(":" + text, x: 0, y: row.y, style: context.style(.statusBar).with(.bold))
      frame.put(String(context.glyphs.textCursor), x: x, y: row.y, style: context.style(.accent))
      frame.put("  Enter sets, Esc cancels", x: x + 1, y: row.y, style: context.style(.statusBar))
    case .breakpoints:
      HelpOverlay(title: BreakpointList.title(unicode: context.glyphs.isUnicode), sections: BreakpointList.sections(state, context: context))
        .render(in: frame.bounds, into: &frame, context: context)
    case .gradientCheck(let text):
      let rows = text.split(separator: "\n").map { (String($0), "") }
      HelpOverlay(title: "gradient check: finite differences vs backprop  (Esc closes)", sections: [("", rows)])
        .render(in: frame.bounds, into: &frame, context: context)
    case .optimizer:
      guard let reading = state.readings.optimizer else { return }
      OptimizerOverlay(reading: reading, key: KeyMap.key(for: .toggleOptimizer)).render(in: frame.bounds, into: &frame, context: context)
    case .histograms:
      guard let histograms = state.readings.histograms else { return }
      HistogramOverlay(histograms: histograms, key: KeyMap.key(for: .cycleHistograms)).render(in: frame.bounds, into: &frame, context: context)
    }
  }
}
