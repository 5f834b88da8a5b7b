import TermGrid

/// What every widget of the visualizer needs to know about the output: its theme, its glyphs
/// and the symbols of its formulas. The one place that picks UTF-8 or ASCII tables.
public struct RenderContext: Sendable {
  public var theme: Theme
  public var glyphs: Glyphs
  public var math: MathGlyphs

  public init(level: ColorLevel, unicode: Bool) {
    theme = Theme(level: level)
    glyphs = unicode ? .unicode : .ascii
    math = unicode ? .unicode : .ascii
  }

  public var level: ColorLevel { theme.level }
  public func style(_ role: Role) -> Style { theme.style(role) }
}
