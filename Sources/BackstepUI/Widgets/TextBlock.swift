import TermGrid

/// Paragraphs of text, word-wrapped into its rectangle; lines that do not fit are dropped. A
/// word is never split across rows, so a number is shown whole or not at all.
public struct TextBlock: Widget, Sendable {
  public var lines: [Line]

  public init(_ lines: [Line]) { self.lines = lines }

  public init(_ text: String, role: Role = .text) {
    self.lines = [Line([(text, role)])]
  }

  /// A space that wrapping does not break at (U+00A0), drawn as a plain space: it keeps an
  /// index such as `[3, ex 1]` on one row.
  public static let unbreakable: Character = "\u{00A0}"
  static let unbreakableScalar: Unicode.Scalar = "\u{00A0}"

  /// A piece of a wrapped line: where it goes, relative to the line's first row and column.
  struct Piece {
    var row: Int
    var column: Int
    var text: String
    var role: Role
  }

  /// One line's runs, word-wrapped to `width` cells while keeping their roles.
  ///
  /// A frame wraps its caption lines several times while it shares out their rows, so each
  /// word is read once: its cells counted from its bytes when it is ASCII (most are), as
  /// Characters otherwise; an unbreakable space looked for among its scalars.
  static func wrap(_ line: Line, width: Int) -> [Piece] {
    var pieces: [Piece] = []
    var row = 0, column = 0
    for (text, role) in line.runs {
      var first = true
      for part in text.split(separator: " ", omittingEmptySubsequences: false) {
        let word = part.unicodeScalars.contains(unbreakableScalar) ? String(part.map { $0 == unbreakable ? " " : $0 }) : String(part)
        let cells = word.utf8.allSatisfy { $0 < 0x80 } ? word.utf8.count : word.count
        if column + cells + (first ? 0 : 1) > width && column > 0 {
          row += 1
          pieces.append(Piece(row: row, column: 0, text: word, role: role))
          column = cells
        } else {
          pieces.append(Piece(row: row, column: column, text: first ? word : " " + word, role: role))
          column += cells + (first ? 0 : 1)
        }
        first = false
      }
    }
    return pieces
  }

  /// The rows `line` takes when wrapped to `width` cells.
  static func rows(_ line: Line, width: Int) -> Int { (wrap(line, width: width).last?.row ?? 0) + 1 }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard !area.isEmpty else { return }
    var y = area.y
    for line in lines {
      guard y < area.maxY else { break }
      let pieces = Self.wrap(line, width: area.width)
      for piece in pieces where y + piece.row < area.maxY {
        frame.put(piece.text, x: area.x + piece.column, y: y + piece.row, style: context.style(piece.role), clip: area)
      }
      y += (pieces.last?.row ?? 0) + 1
    }
  }
}
