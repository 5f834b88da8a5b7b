import BackstepCore
import TermGrid

/// The selected example on one row: which it is, its input x, its target t, the network's
/// output a_L for it, its loss ℓ and its row of dL/da_L, every number from ``ExampleReading``.
/// A number its stage has not computed this iteration is never shown: its place says the stage
/// that computes it. When the row is too narrow, whole parts give way by priority: the training
/// row, dL/da_L, then x (the surface rings its point), keeping t, a_L and the loss; a number is
/// never cut.
///
/// x and t are maps of the stage flow too (x = a_0, t at layer L): when the stage run last reads
/// one of them it is marked as an operand, and dL/da_L as a result when the loss stage wrote it,
/// in the roles the network table frames its maps with.
struct ExampleStrip {
  var reading: ExampleReading?
  /// 0-based position and the batch's size, for "example 3 of 16" before a batch is drawn.
  var position: Int
  var examples: Int
  var depth: Int
  /// The maps the stage run last read and wrote, nil before the first stage.
  var flow: StageFlow?

  /// One part of the row: its runs, and how early it gives way (higher goes first).
  struct Part {
    var runs: [(String, Role)]
    var priority: Int
    /// The same words in fewer columns ("ex 2/10", "t=0"), tried before any part gives way.
    var short: [(String, Role)]? = nil
    var count: Int { runs.reduce(0) { $0 + $1.0.count } }
  }

  /// The parts of the row in their order on screen.
  func parts(_ math: MathGlyphs) -> [Part] {
    let output = math.name("a", depth)
    var parts = [Part(runs: [("example \(position + 1) of \(examples)", .accent)], priority: 0, short: [("ex \(position + 1)/\(examples)", .accent)])]
    guard let r = reading else {
      parts.append(Part(runs: [("x, t, \(output) and its loss come with the first batch", .dim)], priority: 1, short: [("x, t, \(output), loss at F1", .dim)]))
      return parts
    }
    parts.append(Part(runs: [("row \(r.row + 1)", .dim)], priority: 6))
    parts.append(named("x", Self.vector(r.input), read: flow?.reads.contains(.input) ?? false, priority: 4))
    let target = MapRef(layer: depth, map: .target)
    parts.append(named("t", Self.target(r.target), read: flow?.reads.contains(target) ?? false, priority: 1))
    let a = MapRef(layer: depth, map: .a)
    parts.append(named(output, r.prediction.map(Self.vector), stage: "F\(depth)", read: flow?.reads.contains(a) ?? false, priority: 2))
    parts.append(named("loss", r.loss.map { Self.number($0) }, stage: "loss", priority: 3))
    let gradient = MapRef(layer: depth, map: .outputGradient)
    parts.append(named("dL/d" + output, r.dLda.map(Self.vector), stage: "loss", wrote: flow?.writes.contains(gradient) ?? false, priority: 5))
    return parts
  }

  /// "x = (0.5, -1.2)", its name marked "in" when the stage read it and "out" when it wrote it;
  /// "loss comes at loss" while `value` is nil.
  func named(_ name: String, _ value: String?, stage: String = "", read: Bool = false, wrote: Bool = false, priority: Int) -> Part {
    guard let value else { return Part(runs: [("\(name) comes at \(stage)", .dim)], priority: priority) }
    var runs: [(String, Role)] = []
    if read { runs.append(("in ", .operand)) }
    if wrote { runs.append(("out ", .result)) }
    runs.append((name, read ? .operand : (wrote ? .result : .text)))
    var short = runs
    runs.append((" = " + value, .text))
    short.append(("=" + value, .text))
    return Part(runs: runs, priority: priority, short: short)
  }

  /// A number as the rest of the screen writes it, to 3 significant digits.
  static func number(_ x: Double) -> String { Format.short(x, digits: 3) }

  /// One value bare, several in parentheses.
  static func vector(_ v: [Double]) -> String {
    v.count == 1 ? number(v[0]) : "(" + v.map(number).joined(separator: ", ") + ")"
  }

  /// A one-hot target as its class, numbered from 0 as the data sets and the surface's legend
  /// number them, else its values.
  static func target(_ t: [Double]) -> String {
    guard t.count > 1, t.allSatisfy({ $0 == 0 || $0 == 1 }), t.filter({ $0 == 1 }).count == 1, let k = t.firstIndex(of: 1) else { return vector(t) }
    return "class \(k)"
  }

  /// The parts that fit `width` with two spaces between them: in their short forms when the
  /// long ones do not fit, then the latest to give way dropped first, whole.
  func fitted(width: Int, math: MathGlyphs) -> [Part] {
    var shown = parts(math)
    func total() -> Int { shown.map(\.count).reduce(0, +) + 2 * max(0, shown.count - 1) }
    if total() > width { shown = shown.map { Part(runs: $0.short ?? $0.runs, priority: $0.priority) } }
    while total() > width, let drop = shown.indices.filter({ shown[$0].priority > 0 }).max(by: { shown[$0].priority < shown[$1].priority }) {
      shown.remove(at: drop)
    }
    return shown
  }

  func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.height >= 1, area.width > 0 else { return }
    let runs = fitted(width: area.width, math: context.math).enumerated().flatMap { i, part in (i == 0 ? [] : [("  ", Role.text)]) + part.runs }
    Line(runs).render(x: area.x, y: area.y, clip: area, into: &frame, context: context)
  }
}

extension ExampleStrip {
  /// The strip for the shown session's selected example and the stage run last.
  init(_ shown: ShownSession) {
    let s = shown.stepper
    self.init(
      reading: s.example(shown.example), position: shown.example, examples: shown.session.batchExamples, depth: s.network.depth,
      flow: s.lastStage.map { StageFlow.of($0, network: s.network) })
  }
}
