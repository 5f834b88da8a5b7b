import TermGrid

/// Which layers a panel with room for `room` rows of layers draws, top to bottom, when a
/// network of `depth` layers may not fit: the output layer first, as everywhere on the screen,
/// then a notice naming the layers left out, then the layers nearest the input, where
/// vanishing gradients show. Every panel that lists layers picks them here, so that they all
/// leave out the same ones and say so the same way.
public struct ShownLayers: Sendable, Equatable {
  /// Top to bottom: a layer's number (1-based, the output layer is `depth`), or nil for the
  /// row of the notice.
  public let rows: [Int?]
  /// The layers not drawn, when some are not.
  public let hidden: ClosedRange<Int>?

  public init(depth: Int, room: Int) {
    guard depth > room else {
      rows = (0..<max(depth, 0)).map { depth - $0 }
      hidden = nil
      return
    }
    guard room >= 2 else {
      rows = room == 1 ? [nil] : []
      hidden = 1...depth
      return
    }
    // The output layer, the notice, and as many layers up from the input as rows are left.
    let tail = room - 2
    rows = [depth, nil] + (0..<tail).map { tail - $0 }
    hidden = (tail + 1)...(depth - 1)
  }

  /// The notice for the hidden layers, the longest form that fits `width`:
  /// `⋮ L2–L6 not shown (5 layers)`, `⋮ L2–L6 not shown`, `⋮ L2–L6`.
  public func notice(width: Int, glyphs: Glyphs) -> String? {
    guard let hidden else { return nil }
    let dash = glyphs.isUnicode ? "–" : "-"
    let names = hidden.count == 1 ? "L\(hidden.lowerBound)" : "L\(hidden.lowerBound)\(dash)L\(hidden.upperBound)"
    let head = "\(glyphs.verticalEllipsis) \(names)"
    let forms = [head + " not shown (\(hidden.count) layer\(hidden.count == 1 ? "" : "s"))", head + " not shown", head]
    return forms.first { $0.count <= width } ?? head
  }

  /// Draws the notice, dim, at the start of `row` (one row high), where layers are hidden.
  public func drawNotice(in row: Rect, into frame: inout Frame, context: RenderContext) {
    guard let text = notice(width: row.width, glyphs: context.glyphs) else { return }
    frame.put(text, x: row.x, y: row.y, style: context.style(.dim), clip: row)
  }
}
