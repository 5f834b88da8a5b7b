import TermGrid

/// Text helpers: truncation with an ellipsis and padding, by character count (every glyph
/// backstep draws is one column wide).
public enum Text {
  public static func truncate(_ s: String, to width: Int, glyphs: Glyphs) -> String {
    guard width > 0 else { return "" }
    guard s.count > width else { return s }
    return String(s.prefix(max(0, width - glyphs.ellipsis.count))) + glyphs.ellipsis
  }

  /// `s` cut or padded with spaces to exactly `width` characters (none when `width` ≤ 0).
  public static func pad(_ s: String, _ width: Int) -> String {
    let width = max(0, width)
    return s.count >= width ? String(s.prefix(width)) : s + String(repeating: " ", count: width - s.count)
  }
}

/// Styled runs of text on one line: `[("F1", .currentStage), (" ", .text)]`.
public struct Line: Sendable {
  public var runs: [(String, Role)]

  public init(_ runs: [(String, Role)]) { self.runs = runs }

  public var count: Int { runs.reduce(0) { $0 + $1.0.count } }

  /// Draws the runs from (x, y), clipped to `clip`. Returns the column after the text.
  @discardableResult
  public func render(x: Int, y: Int, clip: Rect, into frame: inout Frame, context: RenderContext) -> Int {
    var column = x
    for (text, role) in runs {
      column = frame.put(text, x: column, y: y, style: context.style(role), clip: clip)
    }
    return column
  }
}
