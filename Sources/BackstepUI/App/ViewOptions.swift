import TermGrid

/// How the heat maps and plots are drawn, whichever network they draw: the quantity of the
/// first column, the colour scales, the palette, the loss plot's y axis, and whether the
/// explain panel is open. Two networks compared are drawn with the same options.
public struct ViewOptions: Sendable {
  public internal(set) var quantity: Quantity = .a
  public internal(set) var sharedScale = false
  public internal(set) var logScale = false
  public internal(set) var paletteIndex = 0
  public internal(set) var lossAxis = LossAxis.auto
  /// Whether the explain panel is open in the right column, in place of the magnitudes and the surface.
  public internal(set) var explainOpen = false

  public init() {}

  /// The diverging palette of signed maps, which `c` cycles.
  public var palette: Palette { Palette.allCases[paletteIndex % Palette.allCases.count] }
}
