import TermGrid

/// What every widget of the visualizer needs to know about the output: its theme and its glyphs.
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
