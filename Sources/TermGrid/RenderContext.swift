/// What every widget needs to know about the output: its theme and its glyphs.
public struct RenderContext: Sendable {
  public var theme: Theme
  public var glyphs: Glyphs

  public init(level: ColorLevel, unicode: Bool) {
    theme = Theme(level: level)
    glyphs = unicode ? .unicode : .ascii
  }

  public var level: ColorLevel { theme.level }
  public func style(_ role: Role) -> Style { theme.style(role) }
}

/// A piece of the screen: a small value configured by its properties that draws itself into
/// the rectangle it is given, never outside it, degrading on its own when the space is small.
public protocol Widget {
  func render(in area: Rect, into frame: inout Frame, context: RenderContext)
}
