import TermGrid

/// A centred box listing every key, in sections. Sections are packed into as few columns as
/// let the whole list fit, so that a projector at 120×36 shows a whole page at once; when even
/// three columns do not fit, it shows what fits and says how much is left out.
///
/// The key help comes in pages (``keys(_:page:title:)``), each of which fits the smallest
/// screen whole; a footer on the box's last row says which page it is and what turns it.
public struct HelpOverlay: Widget, Sendable {
  public typealias Section = (title: String, rows: [(String, String)])

  public var title: String
  public var sections: [Section]
  /// What the box's bottom border says ("1/2  ? for more keys"); nil for nothing.
  public var footer: Line?

  public init(title: String, sections: [Section], footer: Line? = nil) {
    self.title = title
    self.sections = sections
    self.footer = footer
  }

  /// The key table's groups as sections, one row per line of the table.
  public static func sections(_ table: [KeyGroup]) -> [Section] {
    table.map { group in (group.title, group.bindings.map { ($0.label, $0.help) }) }
  }

  /// Every section as lines: its title, then one line per key.
  static func lines(_ sections: [Section]) -> [[Line]] {
    let keyWidth = sections.flatMap(\.rows).map(\.0.count).max() ?? 8
    return sections.map { section in
      [Line([(section.title, .title)])]
        + section.rows.map { key, text in Line([(" " + Text.pad(key, keyWidth) + "  ", .key), (text, .text)]) }
    }
  }

  /// Sections split into `count` columns in order, each column about the same height.
  static func columns(_ blocks: [[Line]], count: Int) -> [[Line]] {
    let total = blocks.reduce(0) { $0 + $1.count } + blocks.count - 1
    let target = (total + count - 1) / count
    var columns: [[Line]] = [[]]
    for block in blocks {
      let current = columns[columns.count - 1]
      let grown = current.count + (current.isEmpty ? 0 : 1) + block.count
      if !current.isEmpty && grown > target && columns.count < count {
        columns.append(block)
      } else {
        columns[columns.count - 1] += (current.isEmpty ? [] : [Line([])]) + block
      }
    }
    return columns
  }

  /// The blank columns between two columns of keys.
  static let gap = 2
  /// Two borders and a space of padding on each side.
  static let frameWidth = 4

  /// The width of `columns` side by side in the box, borders included.
  static func boxWidth(_ columns: [[Line]]) -> Int {
    columns.map { $0.map(\.count).max() ?? 0 }.reduce(0, +) + gap * (columns.count - 1) + frameWidth
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let blocks = Self.lines(sections)
    // The fewest columns whose height fits and whose text is not cut; else the fewest that fit.
    var chosen = HelpOverlay.columns(blocks, count: 1)
    for count in 1...3 {
      let columns = HelpOverlay.columns(blocks, count: count)
      guard Self.boxWidth(columns) <= area.width else { break }
      chosen = columns
      if (columns.map(\.count).max() ?? 0) + 3 <= area.height - 2 { break }
    }
    let widths = chosen.map { ($0.map(\.count).max() ?? 0) }
    let rows = chosen.map(\.count).max() ?? 0
    let width = min(area.width, max(Self.boxWidth(chosen), title.count + 6 + Self.frameWidth, (footer?.count ?? 0) + 2 + Self.frameWidth))
    OverlayBox(title: title).render(in: area, width: width, height: rows + 3, into: &frame, context: context) { inner, frame in
      let hidden = rows > inner.height
      let visible = inner.height - (hidden ? 1 : 0)
      var x = inner.x + 1
      var left = 0
      for (column, lines) in zip(widths, chosen) {
        let clip = Rect(x: x, y: inner.y, width: max(0, min(column, inner.maxX - x)), height: inner.height)
        for (i, line) in lines.prefix(visible).enumerated() {
          line.render(x: x, y: inner.y + i, clip: clip, into: &frame, context: context)
        }
        left += max(0, lines.count - visible)
        x += column + Self.gap
      }
      if hidden { OverlayBox.noteHidden(left, in: inner, into: &frame, context: context) }
      // In the bottom border, as the title is in the top one.
      let border = Rect(x: inner.x, y: inner.maxY, width: inner.width, height: 1)
      footer.map { Line([(" ", .accent)] + $0.runs + [(" ", .accent)]) }?.render(x: inner.x + 1, y: inner.maxY, clip: border, into: &frame, context: context)
    }
  }
}
