import TermGrid

/// Semantic roles mapped to styles for one colour level, resolved once into a table so that
/// drawing a cell costs an array read.
///
/// Levels: truecolor and 256 share the 256-colour choices (the backend or ANSI writer keeps rgb
/// where it can); 16 and 8 use the ANSI colours; none uses bold, dim, reverse and underline only.
public struct Theme: Sendable {
  public let level: ColorLevel
  private let styles: [Style]

  public init(level: ColorLevel) {
    self.level = level
    styles = Role.allCases.map { Theme.resolve($0, level) }
  }

  @inline(__always)
  public func style(_ role: Role) -> Style { styles[role.rawValue] }

  public var hasColor: Bool { level != .none }

  static func resolve(_ role: Role, _ level: ColorLevel) -> Style {
    switch level {
    case .none:
      switch role {
      case .dim, .staleStage, .axis, .track, .border, .ghostLine: return Style(.default, .default, .dim)
      case .title, .header, .accent, .key, .exploding, .warning, .error: return Style(.default, .default, .bold)
      case .currentStage, .selection, .statusBar: return Style(.default, .default, .reverse)
      case .vanishing, .formula, .marker: return Style(.default, .default, .underline)
      case .nonFinite: return Style(.default, .default, [.bold, .reverse])
      case .cursorMark, .boundary: return Style(.default, .default, .bold)
      case .operand: return Style(.default, .default, .underline)
      case .result: return Style(.default, .default, [.bold, .underline])
      // Both bold: an underline would stripe B's braille curve. Their letters, line patterns and
      // bar glyphs (NetworkTag) set them apart.
      case .networkA, .networkB: return Style(.default, .default, .bold)
      default: return Style()
      }
    case .ansi8, .ansi16:
      let bright = level == .ansi16
      func c(_ base: UInt8) -> Color { .indexed(bright && base < 8 ? base + 8 : base) }
      switch role {
      case .text, .caption: return Style()
      case .dim, .staleStage, .track, .ghostLine: return Style(.default, .default, .dim)
      case .axis, .border: return Style(.indexed(bright ? 8 : 7), .default, bright ? [] : .dim)
      case .title, .header: return Style(c(6), .default, .bold)
      case .accent, .key: return Style(c(3), .default, .bold)
      case .positive: return Style(c(3))
      case .negative: return Style(c(4))
      // Eight colours give one tone per class: the regions take the hues, points are white and
      // told apart by their glyphs.
      case .classA, .classB, .classC: return Style(.indexed(bright ? 15 : 7), .default, .bold)
      case .regionA, .regionSureA: return Style(.default, .indexed(4))
      case .regionB, .regionSureB: return Style(.default, .indexed(3))
      case .regionC, .regionSureC: return Style(.default, .indexed(5))
      case .boundary: return Style(.indexed(bright ? 15 : 7), .default, .bold)
      case .zero: return Style(.default, .default, .dim)
      case .healthy: return Style(c(2))
      case .vanishing: return Style(c(4), .default, .bold)
      case .exploding, .error: return Style(c(1), .default, .bold)
      case .nonFinite: return Style(.indexed(7), .indexed(5), .bold)
      case .vanishingZone: return Style(.default, .indexed(4))
      case .explodingZone: return Style(.default, .indexed(1))
      // Not bold: xterm draws bold black as grey, which fades into the yellow.
      case .currentStage: return Style(.indexed(0), .indexed(3))
      case .doneStage: return Style(c(2))
      case .trainLine: return Style(c(3))
      case .testLine: return Style(c(6))
      case .marker: return Style(c(5))
      // White on blue: the key letters (yellow, bold) and the message stay readable on it,
      // where on PuTTY's grey they washed out.
      case .statusBar: return Style(.indexed(bright ? 15 : 7), .indexed(4))
      case .formula: return Style(c(6))
      case .warning: return Style(c(3), .default, .bold)
      case .selection: return Style(.default, .default, .reverse)
      case .cursorMark: return Style(.indexed(bright ? 15 : 7), .default, .bold)
      case .overlayBackdrop: return Style(.default, .indexed(0))
      case .operand: return Style(c(6), .default, .bold)
      case .result: return Style(c(2), .default, .bold)
      // The train line's yellow for the first network; cyan, the test line's, for the second,
      // whose comparison draws no test lines.
      case .networkA: return Style(c(3), .default, .bold)
      case .networkB: return Style(c(6), .default, .bold)
      }
    case .xterm256, .truecolor:
      switch role {
      case .text, .caption: return Style(.indexed(252))
      case .dim, .staleStage: return Style(.indexed(242))
      case .track: return Style(.indexed(238), .indexed(235))
      case .axis, .border: return Style(.indexed(244))
      case .title: return Style(.indexed(117), .default, .bold)
      case .header: return Style(.indexed(255), .indexed(236), .bold)
      case .accent, .key: return Style(.indexed(214), .default, .bold)
      case .positive: return Style(.indexed(208))
      case .negative: return Style(.indexed(33))
      // Blue, orange and magenta, apart in hue and in lightness for colour-blind eyes too; the
      // points light, the regions dark (near the boundary) and middle (where the output is sure).
      case .classA: return Style(.indexed(117), .default, .bold)
      case .classB: return Style(.indexed(222), .default, .bold)
      case .classC: return Style(.indexed(219), .default, .bold)
      case .regionA: return Style(.default, .indexed(18))
      case .regionB: return Style(.default, .indexed(94))
      case .regionC: return Style(.default, .indexed(90))
      case .regionSureA: return Style(.default, .indexed(25))
      case .regionSureB: return Style(.default, .indexed(172))
      case .regionSureC: return Style(.default, .indexed(127))
      case .boundary: return Style(.indexed(252), .default, .bold)
      case .zero: return Style(.indexed(240))
      case .healthy: return Style(.indexed(77))
      case .vanishing: return Style(.indexed(75), .default, .bold)
      case .exploding, .error: return Style(.indexed(203), .default, .bold)
      case .nonFinite: return Style(.indexed(231), .indexed(127), .bold)
      case .vanishingZone: return Style(.indexed(67), .indexed(17))
      case .explodingZone: return Style(.indexed(174), .indexed(52))
      case .currentStage: return Style(.indexed(16), .indexed(214), .bold)
      case .doneStage: return Style(.indexed(114))
      case .trainLine: return Style(.indexed(214))
      case .testLine: return Style(.indexed(81))
      case .ghostLine: return Style(.indexed(245))
      case .marker: return Style(.indexed(170))
      case .statusBar: return Style(.indexed(252), .indexed(237))
      case .formula: return Style(.indexed(152))
      case .warning: return Style(.indexed(220), .default, .bold)
      case .selection: return Style(.indexed(16), .indexed(231), .bold)
      case .cursorMark: return Style(.indexed(231), .default, .bold)
      case .overlayBackdrop: return Style(.default, .indexed(235))
      case .operand: return Style(.indexed(81), .default, .bold)
      case .result: return Style(.indexed(120), .default, .bold)
      // Orange and sky blue: apart in hue and in lightness, for colour-blind eyes too.
      case .networkA: return Style(.indexed(214), .default, .bold)
      case .networkB: return Style(.indexed(39), .default, .bold)
      }
    }
  }
}
