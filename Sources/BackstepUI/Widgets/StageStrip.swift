import TermGrid

/// The stages of one iteration in a row: F1 … FL, loss, BL … B1, update. The stage run last is
/// highlighted, the stages already run this iteration are plain, the rest are dim (their values
/// are the previous iteration's).
public struct StageStrip: Widget, Sendable {
  public var labels: [String]
  /// Stages run this iteration (0 … labels.count).
  public var reached: Int

  public init(labels: [String], reached: Int) {
    self.labels = labels
    self.reached = reached
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.height >= 1, area.width >= 8 else { return }
    var runs: [(String, Role)] = []
    // Long strips drop the arrows, then shorten "update" and "loss".
    let arrow = context.glyphs.isUnicode ? " → " : " > "
    let full = labels.map(\.count).reduce(0, +) + (labels.count - 1) * arrow.count
    let compact = full > area.width
    let separator = compact ? " " : arrow
    for (i, label) in labels.enumerated() {
      let text = compact && label.count > 2 ? String(label.prefix(label == "update" ? 3 : 4)) : label
      let role: Role = i == reached - 1 ? .currentStage : (i < reached ? .doneStage : .staleStage)
      runs.append((role == .currentStage ? "[\(text)]" : " \(text) ", role))
      if i < labels.count - 1 { runs.append((separator, .dim)) }
    }
    Line(runs).render(x: area.x, y: area.y, clip: area, into: &frame, context: context)
  }
}
