import TermGrid

/// A centred box listing every key, in sections; it shows as many rows as fit and says so when
/// some are left out.
public struct HelpOverlay: Widget, Sendable {
  public var title: String
  public var sections: [(title: String, rows: [(String, String)])]

  public init(title: String, sections: [(title: String, rows: [(String, String)])]) {
    self.title = title
    self.sections = sections
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    var lines: [Line] = []
    let keyWidth = sections.flatMap(\.rows).map(\.0.count).max() ?? 8
    for (i, section) in sections.enumerated() {
      if i > 0 { lines.append(Line([])) }
      lines.append(Line([(section.title, .title)]))
      for (key, text) in section.rows {
        lines.append(Line([("  " + Text.pad(key, keyWidth) + "  ", .key), (text, .text)]))
      }
    }
    let width = min(area.width - 2, max(lines.map(\.count).max() ?? 20, title.count + 6) + 4)
    let height = min(area.height - 2, lines.count + 3)
    guard width >= 20, height >= 4 else { return }
    let box = area.centered(width: width, height: height)
    frame.fill(box, with: Cell(" ", background: context.theme.hasColor ? .indexed(context.level >= .xterm256 ? 235 : 0) : .default))
    let inner = Panel(title: title, role: .accent, titleRole: .accent).render(in: box, into: &frame, context: context)
    let visible = inner.height - (lines.count > inner.height ? 1 : 0)
    for (i, line) in lines.prefix(visible).enumerated() {
      line.render(x: inner.x + 1, y: inner.y + i, clip: inner, into: &frame, context: context)
    }
    if lines.count > inner.height {
      frame.put("… \(lines.count - visible) more rows: enlarge the terminal", x: inner.x + 1, y: inner.maxY - 1, style: context.style(.dim), clip: inner)
    }
  }
}

/// The whole screen when the terminal is below the minimum size.
public struct TooSmall: Widget, Sendable {
  public var minimumWidth: Int
  public var minimumHeight: Int

  public init(minimumWidth: Int, minimumHeight: Int) {
    self.minimumWidth = minimumWidth
    self.minimumHeight = minimumHeight
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard !area.isEmpty else { return }
    let times = context.glyphs.isUnicode ? "×" : "x"
    let full = "terminal too small: need \(minimumWidth)\(times)\(minimumHeight)"
    let text = full.count <= area.width ? full : "need \(minimumWidth)\(times)\(minimumHeight)"
    let x = area.x + max(0, (area.width - text.count) / 2)
    frame.put(text, x: x, y: area.y + area.height / 2, style: context.style(.warning), clip: area)
  }
}
