/// The characters widgets draw with, in a UTF-8 table and an ASCII one.
///
/// Every glyph is one column wide, so that a Frame cell holds exactly one.
public struct Glyphs: Sendable {
  public let isUnicode: Bool
  /// Upper half block: foreground is the upper pixel, background the lower.
  public let upperHalf: Character
  public let full: Character
  /// Magnitude ramp from faint to full, for monochrome heat maps.
  public let shades: [Character]
  public let nan: Character
  public let posInfinity: Character
  public let negInfinity: Character
  public let horizontal: Character
  public let vertical: Character
  public let topLeft: Character
  public let topRight: Character
  public let bottomLeft: Character
  public let bottomRight: Character
  /// Heavy corners, set apart from the light ones where both frame maps side by side.
  public let heavyTopLeft: Character
  public let heavyTopRight: Character
  public let heavyBottomLeft: Character
  public let heavyBottomRight: Character
  public let barFull: Character
  public let barTrack: Character
  public let point: Character
  public let pointAlt: Character
  public let pointThird: Character
  /// The selected example's point, ringed among the batch's.
  public let ring: Character
  /// Under a column, pointing up at it: the selected example's.
  public let markUp: Character
  public let arrowRight: Character
  public let ellipsis: String
  public let plainTrain: Character
  public let plainTest: Character
  /// "More below" at the foot of a cut list.
  public let verticalEllipsis: Character
  /// A light fill through which a zone's background colour shows.
  public let lightShade: Character
  /// A bar that leaves a sliver of its cell's background above it, so that a zone still shows.
  public let lowerBlock: Character
  /// A legend's sample of two plotted series; in ASCII, the marks the plain plot draws them with.
  public let heavyLine: Character
  public let dashedLine: Character
  /// A legend's sample of a faint reference series (an earlier run's loss), and its ASCII mark.
  public let dottedLine: Character
  /// A legend's sample of the second of two compared networks' curves, and its ASCII mark.
  public let secondLine: Character
  /// The second compared network's bar: lower than ``lowerBlock``, so that two bars of one
  /// layer differ in shape as well as colour.
  public let lowBlock: Character
  /// Where typing goes in a one-line prompt.
  public let textCursor: Character
  /// Running and paused, as a player shows them.
  public let play: Character
  public let pause: String
  /// The dots a plot places in one cell: braille's 2×4, or one mark in ASCII.
  public let dotsPerCell: (columns: Int, rows: Int)
  /// A column bar's top cell, filled from the bottom by one to eight eighths (a histogram's bins).
  public let eighths: [Character]

  public static let unicode = Glyphs(
    isUnicode: true, upperHalf: "▀", full: "█", shades: ["·", "░", "▒", "▓", "█"], nan: "×", posInfinity: "∞",
    negInfinity: "∞", horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
    bottomRight: "┘", heavyTopLeft: "┏", heavyTopRight: "┓", heavyBottomLeft: "┗", heavyBottomRight: "┛", barFull: "█", barTrack: "·", point: "●",
    pointAlt: "○", pointThird: "◆", ring: "◉", markUp: "▲", arrowRight: "→",
    ellipsis: "…", plainTrain: "*", plainTest: "o", verticalEllipsis: "⋮", lightShade: "░", lowerBlock: "▆", heavyLine: "━",
    dashedLine: "┅", dottedLine: "┄", secondLine: "╍", lowBlock: "▃", textCursor: "▏", play: "▶", pause: "❚❚", dotsPerCell: (2, 4),
    eighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"])

  public static let ascii = Glyphs(
    isUnicode: false, upperHalf: "#", full: "#", shades: [".", ":", "+", "*", "#"], nan: "N", posInfinity: "!",
    negInfinity: "!", horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", heavyTopLeft: "#", heavyTopRight: "#", heavyBottomLeft: "#", heavyBottomRight: "#", barFull: "#", barTrack: ".", point: "o",
    pointAlt: "x", pointThird: "^", ring: "@", markUp: "^", arrowRight: ">",
    ellipsis: "~", plainTrain: "*", plainTest: "o", verticalEllipsis: ":", lightShade: ":", lowerBlock: "#", heavyLine: "*",
    dashedLine: "o", dottedLine: ".", secondLine: "+", lowBlock: "=", textCursor: "_", play: ">", pause: "||", dotsPerCell: (1, 1),
    eighths: [".", ".", ":", ":", "|", "|", "#", "#"])

  /// The braille character with the given dots set (bit k is dot k+1 of the Unicode pattern).
  public static func braille(_ bits: UInt8) -> Character {
    Character(Unicode.Scalar(0x2800 + UInt32(bits)) ?? " ")
  }

  /// The braille bit of dot (column 0–1, row 0–3) in a 2×4 cell.
  public static func brailleBit(column: Int, row: Int) -> UInt8 {
    let table: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    return table[column][row]
  }
}
