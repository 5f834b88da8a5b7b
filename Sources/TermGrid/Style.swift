/// How a cell looks: colours and attributes, before a character is placed.
public struct Style: Hashable, Sendable {
  public var foreground: Color
  public var background: Color
  public var attributes: Attributes

  public init(_ foreground: Color = .default, _ background: Color = .default, _ attributes: Attributes = []) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  public static let plain = Style()

  /// A cell showing `character` in this style.
  public func cell(_ character: Character) -> Cell {
    Cell(character, foreground: foreground, background: background, attributes: attributes)
  }

  public func with(_ extra: Attributes) -> Style { Style(foreground, background, attributes.union(extra)) }
  public func on(_ background: Color) -> Style { Style(foreground, background, attributes) }
}

extension Frame {
  /// Writes `text` in a style; see ``put(_:x:y:foreground:background:attributes:clip:)``.
  @discardableResult
  public mutating func put(_ text: String, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
    put(text, x: x, y: y, foreground: style.foreground, background: style.background, attributes: style.attributes, clip: clip)
  }
}
