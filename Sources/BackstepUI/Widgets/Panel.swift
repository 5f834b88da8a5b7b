import TermGrid

/// A box with a title in its top border. Returns the inside for the content.
public struct Panel: Sendable {
  public var title: String
  public var role: Role = .border
  public var titleRole: Role = .title

  public init(title: String, role: Role = .border, titleRole: Role = .title) {
    self.title = title
    self.role = role
    self.titleRole = titleRole
  }

  /// Draws the border and title; returns the inner rectangle (empty when there is no room).
  @discardableResult
  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) -> Rect {
    guard area.width >= 4, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
    let g = context.glyphs
    let s = context.style(role)
    let right = area.maxX - 1, bottom = area.maxY - 1
    for x in area.x...right {
      frame[x, area.y] = s.cell(g.horizontal)
      frame[x, bottom] = s.cell(g.horizontal)
    }
    for y in area.y...bottom {
      frame[area.x, y] = s.cell(g.vertical)
      frame[right, y] = s.cell(g.vertical)
    }
    frame[area.x, area.y] = s.cell(g.topLeft)
    frame[right, area.y] = s.cell(g.topRight)
    frame[area.x, bottom] = s.cell(g.bottomLeft)
    frame[right, bottom] = s.cell(g.bottomRight)
    if !title.isEmpty && area.width > 6 {
      let text = " " + Text.truncate(title, to: area.width - 4, glyphs: g) + " "
      frame.put(text, x: area.x + 1, y: area.y, style: context.style(titleRole), clip: area)
    }
    return area.inset(dx: 1, dy: 1)
  }
}
