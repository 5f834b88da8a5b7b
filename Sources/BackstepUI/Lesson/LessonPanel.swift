import BackstepCore
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

  /// The caption, then each problem on a line of its own.
  static func lines(_ player: LessonPlayer) -> [Line] {
    [Line([(player.caption, .title)])] + player.problems.map { Line([("line \($0.line): \($0.message)", .warning)]) }
  }

  /// The rows the panel asks of a screen `width` × `height`: its border and every wrapped line
  /// (the text is inset by a column each side), at least two lines' worth and at most a
  /// quarter of the screen, so that the network keeps its room.
  public static func rows(_ player: LessonPlayer, width: Int, height: Int) -> Int {
    min(max(textRows(player, width: width), 2), maxTextRows(height: height)) + 2
  }

  /// The rows the caption and its problems take, wrapped as the panel wraps them.
  static func textRows(_ player: LessonPlayer, width: Int) -> Int {
    lines(player).reduce(0) { $0 + TextBlock.rows($1, width: max(1, width - 4)) }
  }

  /// The most text rows the panel takes of a screen `height` rows tall.
  static func maxTextRows(height: Int) -> Int { max(2, height / 4 - 2) }

  /// The wrapped rows of the caption (and its problems) that a `width` × `height` screen
  /// leaves out, since the text block drops the lines past the panel's last row: 0 when the
  /// whole caption is shown. A lesson's author reads this from `demo --frames`.
  public static func hiddenRows(_ player: LessonPlayer, width: Int, height: Int) -> Int {
    max(0, textRows(player, width: width) - maxTextRows(height: height))
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let pace = player.autoplayDelay.map { " · autoplay every \(Format.short($0, digits: 3)) s" } ?? ""
    let head = "\(player.lesson.title) · \(player.position)" + pace
    let titles = [head + " · " + Self.keys, head, player.position]
    let title = titles.first { $0.count <= area.width - 4 } ?? player.position
    let inner = Panel(title: title, role: .accent, titleRole: .title).render(in: area, into: &frame, context: context)
    guard !inner.isEmpty else { return }
    TextBlock(Self.lines(player)).render(in: inner.inset(dx: 1, dy: 0), into: &frame, context: context)
  }
}
