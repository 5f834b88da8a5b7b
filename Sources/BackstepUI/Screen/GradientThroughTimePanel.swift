import BackstepCore
import TermGrid

/// A recurrent network's panel in the decision surface's place (a sequence is not a point of
/// the plane): ‖δ_t‖ per time step on a log axis (``TimeGradientPlot``), filling in from t = T
/// as the backward time steps run, and under it the history of the gradient reaching t = T,
/// the middle step and t = 1 over training, newest at the right. Where the rows allow, the
/// selected example's input sequence, target and prediction head it.
struct GradientThroughTimePanel {
  let stepper: Stepper
  /// The selected example's position in the batch, whose input sequence heads the panel where
  /// the rows allow.
  var example: Int?

  /// The rows the history takes under the plot: its title and a row per time step shown.
  static func historyRows(steps: Int, height: Int) -> Int {
    let rows = min(3, steps) + 1
    return height - rows >= 5 ? rows : 0
  }

  /// The time steps the history shows, bottom to top: 1, the middle one, T.
  static func historySteps(_ T: Int) -> [Int] {
    Array(Set([1, (T + 1) / 2, T])).sorted()
  }

  func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let g = stepper.gradientThroughTime
    let d = context.math.delta
    let ratio = g?.ratio.map { "‖\(context.math.name(d, 1))‖/‖\(d)_T‖ = " + Format.short($0, digits: 2) }
    let name = "gradient through time ‖\(d)_t‖"
    let titles = [ratio.map { name + ", " + $0 }, ratio.map { "‖\(d)_t‖ through time, " + $0 }, name, "‖\(d)_t‖ through time"].compactMap { $0 }
    let inner = Panel(title: Screen.fitted(titles, area)).render(in: area, into: &frame, context: context)
    guard !inner.isEmpty else { return }
    guard let g, g.norms.contains(where: { $0 != nil }) else {
      let stage = Stage.backwardStep(g?.layer ?? 1, t: stepper.timeSteps ?? 1)
      let note = "‖\(d)_t‖ comes at " + Screen.stageLabel(stage, unicode: context.glyphs.isUnicode) + ", from t=T down"
      frame.put(Text.truncate(note, to: inner.width, glyphs: context.glyphs), x: inner.x, y: inner.y, style: context.style(.dim), clip: inner)
      return
    }
    var body = inner
    if let reading = example.flatMap(stepper.example), let sequence = stepper.exampleSequence(of: reading),
      inner.height - Self.historyRows(steps: g.steps, height: inner.height) - sequence.features.count - 1 >= Self.plotRows
    {
      let (head, below) = inner.splitTop(sequence.features.count + 1)
      drawExample(reading, sequence, in: head, &frame, context)
      body = below
    }
    let history = Self.historyRows(steps: g.steps, height: body.height)
    let (top, rest) = body.splitTop(body.height - history)
    var plot = TimeGradientPlot(g)
    plot.current = stepper.shownTimeStep(layer: g.layer)
    plot.render(in: top, into: &frame, context: context)
    guard history > 0 else { return }
    frame.put("history, newest right", x: rest.x, y: rest.y, style: context.style(.dim), clip: rest)
    let steps = Self.historySteps(g.steps)
    var strip = HistoryStrip(series: steps.map { stepper.history.deltaThroughTime(at: $0) })
    strip.rowLabel = { "t\(steps[$0 - 1])" }
    strip.render(in: rest.splitTop(1).rest, into: &frame, context: context)
  }

  /// The fewest rows the plot of ‖δ_t‖ keeps under the example's sequence.
  static let plotRows = 8

  /// "example 3: t = 1.52, a₂ = 0.07" (or when a₂ comes), then its sequence a feature a row.
  func drawExample(_ reading: ExampleReading, _ sequence: ExampleSequence, in area: Rect, _ frame: inout Frame, _ context: RenderContext) {
    let L = stepper.network.depth
    let a = context.math.name("a", L)
    let target = reading.target.map { Format.short($0, digits: 3) }.joined(separator: ", ")
    let prediction =
      reading.prediction.map { a + " = " + $0.map { Format.short($0, digits: 3) }.joined(separator: ", ") }
      ?? a + " comes at F\(L)"
    let line = "example \(reading.position + 1): target \(target), \(prediction)"
    frame.put(Text.truncate(line, to: area.width, glyphs: context.glyphs), x: area.x, y: area.y, style: context.style(.text), clip: area)
    SequenceStrip(sequence).render(in: area.splitTop(1).rest, into: &frame, context: context)
  }
}
