import TermGrid

/// The lesson's panel in presenter mode: its title, where it stands ("step 3/12") and the keys
/// that move through it in the border, the caption in bold inside, and below it anything the
/// step found untrue.
public struct LessonPanel: Widget, Sendable {
  public let player: LessonPlayer

  public init(player: LessonPlayer) { self.player = player }

  /// "PgDn/→ next  PgUp/← back", from the presenter's key group.
  static var keys: String {
    KeyMap.presenter.bindings.map { "\($0.label) \($0.help.split(separator: " ").first.map(String.init) ?? "")" }.joined(separator: "  ")
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let head = "\(player.lesson.title) · \(player.position)"
    let titles = [head + " · " + Self.keys, head, player.position]
    let title = titles.first { $0.count <= area.width - 4 } ?? player.position
    let inner = Panel(title: title, role: .accent, titleRole: .title).render(in: area, into: &frame, context: context)
    guard !inner.isEmpty else { return }
    var lines = [Line([(player.caption, .title)])]
    lines += player.problems.map { Line([("line \($0.line): \($0.message)", .warning)]) }
    TextBlock(lines).render(in: inner.inset(dx: 1, dy: 0), into: &frame, context: context)
  }
}
