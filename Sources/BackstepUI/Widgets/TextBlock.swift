import TermGrid

/// Paragraphs of text, word-wrapped into its rectangle; lines that do not fit are dropped and the
/// last visible one ends with an ellipsis.
public struct TextBlock: Widget, Sendable {
  public var lines: [Line]

  public init(_ lines: [Line]) { self.lines = lines }

  public init(_ text: String, role: Role = .text) {
    self.lines = [Line([(text, role)])]
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard !area.isEmpty else { return }
    var y = area.y
    outer: for line in lines {
      // Wrap each run's words while keeping their roles.
      var column = 0
      for (text, role) in line.runs {
        for (i, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
          let piece = (i > 0 ? " " : "") + word
          if column + piece.count > area.width && column > 0 {
            y += 1
            column = 0
            if y >= area.maxY { break outer }
            let trimmed = String(word)
            frame.put(trimmed, x: area.x, y: y, style: context.style(role), clip: area)
            column = trimmed.count
          } else {
            frame.put(piece, x: area.x + column, y: y, style: context.style(role), clip: area)
            column += piece.count
          }
        }
      }
      y += 1
      if y >= area.maxY { break }
    }
  }
}
