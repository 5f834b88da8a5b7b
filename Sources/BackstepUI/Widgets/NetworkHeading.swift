import TermGrid

/// One row naming a compared network by what sets it apart, in its tag's role: "A: sigmoid",
/// or the letter alone ("A") where that does not fit, so that the letter always shows and
/// matches the network's curve and bars.
public struct NetworkHeading: Widget, Sendable {
  public var tag: NetworkTag
  /// What differs in this network ("sigmoid", "relu, lr 0.1"); empty for the letter alone.
  public var label: String

  public init(tag: NetworkTag, label: String) {
    self.tag = tag
    self.label = label
  }

  /// The text drawn in `width` columns.
  public func text(width: Int) -> String {
    let full = tag.heading(label)
    return full.count <= width ? full : tag.letter
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard area.width >= 1, area.height >= 1 else { return }
    frame.put(text(width: area.width), x: area.x, y: area.y, style: context.style(tag.role), clip: area)
  }
}
