/// Text attributes of a cell, combinable as an option set.
public struct Attributes: OptionSet, Hashable, Sendable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let bold = Attributes(rawValue: 1 << 0)
  public static let dim = Attributes(rawValue: 1 << 1)
  public static let underline = Attributes(rawValue: 1 << 2)
  public static let reverse = Attributes(rawValue: 1 << 3)
  public static let italic = Attributes(rawValue: 1 << 4)
}

/// One character cell of the screen: a single-column character with its colours and attributes.
///
/// Only characters one column wide are stored; wide characters are never placed in a Frame.
public struct Cell: Hashable, Sendable {
  public var character: Character
  public var foreground: Color
  public var background: Color
  public var attributes: Attributes

  public init(
    _ character: Character = " ", foreground: Color = .default, background: Color = .default,
    attributes: Attributes = []
  ) {
    self.character = character
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// An empty cell in the default colours.
  public static let blank = Cell()
}
