import TermGrid

/// The bottom line: key hints on the left, a message on the right, dropping hints that do not fit.
/// A new message is `prominent`: drawn in reverse video, so that it is seen on a projector.
public struct StatusLine: Widget, Sendable {
  public var hints: [(key: String, label: String)]
  public var message: String?
  public var prominent = false

  public init(hints: [(key: String, label: String)], message: String?) {
    self.hints = hints
    self.message = message
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.height >= 1, area.width >= 1 else { return }
    let bar = context.style(.statusBar)
    frame.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), with: bar.cell(" "))
    let messageText = message.map { " " + $0 + " " } ?? ""
    let room = area.width - min(messageText.count, area.width * 2 / 3)
    var x = area.x + 1
    for hint in hints {
      let piece = hint.key + " " + hint.label + "  "
      if x + piece.count > area.x + room { break }
      x = frame.put(hint.key, x: x, y: area.y, style: Style(context.style(.key).foreground, bar.background, .bold), clip: area)
      x = frame.put(" " + hint.label + "  ", x: x, y: area.y, style: bar, clip: area)
    }
    if !messageText.isEmpty {
      let text = Text.truncate(messageText, to: area.width - (x - area.x), glyphs: context.glyphs)
      var style = Style(context.style(.accent).foreground, bar.background, bar.attributes.union(.bold))
      // Reverse video against the bar: where the bar is itself reversed (monochrome), the
      // new message is the one part that is not.
      if prominent { style.attributes.formSymmetricDifference(.reverse) }
      frame.put(text, x: area.maxX - text.count, y: area.y, style: style, clip: area)
    }
  }
}
