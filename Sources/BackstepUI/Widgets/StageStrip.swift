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
    guard area.height >= 1, area.width >= 8, !labels.isEmpty else { return }
    // Long strips drop the arrows and shorten "update"; a strip still too long
    // shows a window of stages around the current one, with … where stages are left out.
    let arrow = " \(context.glyphs.arrowRight) "
    let full = labels.map { $0.count + 2 }.reduce(0, +) + (labels.count - 1) * arrow.count
    let compact = full > area.width
    let separator = compact ? " " : arrow
    let items: [(String, Role)] = labels.enumerated().map { i, label in
      // A time step's label (F1·t3) keeps its step: the window around the current stage makes room.
      let text = compact && label == "update" ? "upd" : label
      let role: Role = i == reached - 1 ? .currentStage : (i < reached ? .doneStage : .staleStage)
      return (role == .currentStage ? "[\(text)]" : (compact ? text : " \(text) "), role)
    }
    let widths = items.map { $0.0.count + separator.count }
    var first = 0, last = items.count - 1
    let ellipsis = context.glyphs.ellipsis
    func width() -> Int { widths[first...last].reduce(0, +) + (first > 0 ? 2 : 0) + (last < items.count - 1 ? 2 : 0) }
    let current = min(max(reached - 1, 0), items.count - 1)
    while width() > area.width && first < last {
      // Drop from whichever end is farther from the current stage.
      if current - first > last - current { first += 1 } else { last -= 1 }
    }
    var runs: [(String, Role)] = first > 0 ? [(ellipsis + " ", .dim)] : []
    for i in first...last {
      runs.append(items[i])
      if i < labels.count - 1 { runs.append((separator, .dim)) }
    }
    if last < items.count - 1 { runs.append((ellipsis, .dim)) }
    Line(runs).render(x: area.x, y: area.y, clip: area, into: &frame, context: context)
  }
}
