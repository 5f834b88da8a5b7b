/// The same look for fewer bytes on the wire.
///
/// A terminal is told colours and attributes only when they change from the cell written
/// before, and a change of foreground or background costs an escape sequence of about ten
/// bytes, several times the character it colours. Some parts of a cell do not show: the
/// foreground of a space (unless underlined or reversed), and the foreground of a half block
/// whose two halves have one colour, which looks like a space of that colour. Choosing those
/// parts to match the cell written before spares the sequences; choosing the default
/// foreground when the background changes anyway spares one of the two colours a terminal
/// is sent for a cell whose colours both differ.
extension Cell {
  /// Half blocks: a cell split in a foreground half and a background half.
  static let halfBlocks: Set<Character> = ["▀", "▄"]
  /// Attributes that change only the glyph, so not how a space looks.
  static let glyphOnly: Attributes = [.bold, .dim, .italic]

  /// Whether the foreground colour can be seen: not on a space that is neither underlined
  /// nor reversed.
  public var showsForeground: Bool {
    character != " " || !attributes.isDisjoint(with: [.underline, .reverse])
  }

  /// This cell as a space when it looks like one: a half block with both halves in one
  /// colour and no attribute (bold or dim may change the shade of the foreground half). Not
  /// in the default colours: the terminal's default foreground and background differ.
  public var asSpaceIfSolid: Cell {
    guard Cell.halfBlocks.contains(character), foreground == background, foreground != .default, attributes.isEmpty else { return self }
    return Cell(" ", foreground: foreground, background: background)
  }

  /// A cell that looks like this one and costs the fewest bytes when written right after
  /// `previous` (the cell written before it, nil when there is none to go by). When the
  /// foreground does not show, it takes `previous`'s foreground (if their backgrounds match,
  /// no colour changes) or the default one (if not, only the background is sent), and the
  /// glyph-only attributes of `previous`, so that no attribute changes either.
  public func cheapest(after previous: Cell?) -> Cell {
    var cell = asSpaceIfSolid
    guard !cell.showsForeground, let previous else { return cell }
    cell.foreground = previous.background == cell.background ? previous.foreground : .default
    cell.attributes = cell.attributes.subtracting(Cell.glyphOnly).union(previous.attributes.intersection(Cell.glyphOnly))
    return cell
  }
}

extension Frame {
  /// The frame as it is cheapest to send, each row left to right: every cell in the colours
  /// the terminal shows (`shown`), then ``Cell/cheapest(after:)`` the cell left of it as sent.
  /// A row's first cell has nothing to go by. Each cell depends only on the cells left of it in
  /// its row, so the result is the same whatever was sent before: a cell that is the same in
  /// two frames is sent the same.
  public func cheapest(shown: (Color) -> Color = { $0 }) -> Frame {
    var out = Frame(width: width, height: height)
    for y in 0..<height {
      var previous: Cell?
      for x in 0..<width {
        var cell = self[x, y]
        cell.foreground = shown(cell.foreground)
        cell.background = shown(cell.background)
        let sent = cell.cheapest(after: previous)
        out[x, y] = sent
        previous = sent
      }
    }
    return out
  }
}
