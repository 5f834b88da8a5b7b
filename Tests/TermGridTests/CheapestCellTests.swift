import Testing

@testable import TermGrid

/// Cells are sent in the form that costs the fewest colour changes, and always look the same.
@Suite("The cheapest form of a cell")
struct CheapestCellTests {
  static let red = Color.indexed(196)
  static let blue = Color.indexed(33)
  static let grey = Color.indexed(244)

  /// What a person sees in a cell: the glyph, if one shows, with what changes how it looks, and
  /// the colours of the upper and lower half of the cell around it.
  struct Look: Equatable {
    var glyph: Character?
    var glyphColor: Paint?
    var glyphAttributes: Attributes
    var upper: Paint
    var lower: Paint
  }

  /// A colour as seen: the terminal's default foreground and default background are two
  /// colours, any other colour is the same in either place.
  enum Paint: Equatable {
    case defaultForeground, defaultBackground
    case color(Color)

    init(_ color: Color, asForeground: Bool) {
      self = color != .default ? .color(color) : asForeground ? .defaultForeground : .defaultBackground
    }
  }

  static func look(_ cell: Cell) -> Look {
    let reversed = cell.attributes.contains(.reverse)
    let ink = reversed ? Paint(cell.background, asForeground: false) : Paint(cell.foreground, asForeground: true)
    let paper = reversed ? Paint(cell.foreground, asForeground: true) : Paint(cell.background, asForeground: false)
    let attributes = cell.attributes.subtracting(.reverse)
    if cell.character == " " && !attributes.contains(.underline) {
      return Look(glyph: nil, glyphColor: nil, glyphAttributes: [], upper: paper, lower: paper)
    }
    if attributes.isEmpty && cell.character == "▀" { return Look(glyph: nil, glyphColor: nil, glyphAttributes: [], upper: ink, lower: paper) }
    if attributes.isEmpty && cell.character == "▄" { return Look(glyph: nil, glyphColor: nil, glyphAttributes: [], upper: paper, lower: ink) }
    return Look(glyph: cell.character, glyphColor: ink, glyphAttributes: attributes, upper: paper, lower: paper)
  }

  /// Cells of every kind the screen draws: text, blanks, half blocks, marks, in a few colours.
  static let pool: [Cell] = {
    let colors: [Color] = [.default, red, blue, grey]
    let attributes: [Attributes] = [[], [.bold], [.dim], [.reverse], [.underline], [.bold, .italic]]
    var cells: [Cell] = []
    for character: Character in [" ", "▀", "▄", "a", "●"] {
      for fg in colors {
        for bg in colors {
          for a in attributes { cells.append(Cell(character, foreground: fg, background: bg, attributes: a)) }
        }
      }
    }
    return cells
  }()

  /// A frame of cells drawn from the pool by a fixed sequence, with runs so that neighbours
  /// often share a background.
  static func frame(seed: UInt64, width: Int = 40, height: Int = 6) -> Frame {
    var state = seed
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var frame = Frame(width: width, height: height)
    var cell = pool[0]
    for y in 0..<height {
      for x in 0..<width {
        if next(3) == 0 { cell = pool[next(pool.count)] }
        frame[x, y] = cell
      }
    }
    return frame
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func everyCellLooksAsItDid(_ seed: UInt64) {
    let frame = Self.frame(seed: seed)
    let sent = frame.cheapest()
    for y in 0..<frame.height {
      for x in 0..<frame.width {
        #expect(Self.look(sent[x, y]) == Self.look(frame[x, y]), "cell (\(x), \(y)): \(frame[x, y]) sent as \(sent[x, y])")
      }
    }
  }

  /// Every cell of the pool after every other: the look never changes, whatever came before.
  @Test func everyCellLooksAsItDidAfterAnyCell() {
    var changed: [(Cell, Cell)] = []
    for previous in Self.pool {
      for cell in Self.pool where Self.look(cell.cheapest(after: previous)) != Self.look(cell) { changed.append((previous, cell)) }
    }
    let first = changed.first.map { "\($0.1) after \($0.0)" } ?? ""
    #expect(changed.count == 0, "e.g. \(first)")
  }

  @Test func aBlankAfterAGlyphOnTheSameBackgroundTakesItsColourAndWeight() {
    let glyph = Cell("⠤", foreground: Self.blue, background: .default, attributes: [.bold])
    let sent = Cell.blank.cheapest(after: glyph)
    #expect(sent.foreground == glyph.foreground && sent.background == glyph.background)
    #expect(sent.attributes == glyph.attributes)
  }

  @Test func aBlankOnAnotherBackgroundTakesTheDefaultForeground() {
    let heat = Cell(" ", foreground: .default, background: Self.red)
    let gap = Cell(" ", foreground: Self.grey, background: .default)
    #expect(gap.cheapest(after: heat).foreground == .default)
    let next = Cell(" ", foreground: Self.grey, background: Self.blue)
    #expect(next.cheapest(after: Cell("▀", foreground: Self.grey, background: Self.red)).foreground == .default)
  }

  @Test func aHalfBlockOfOneColourIsSentAsASpaceOfThatColour() {
    let solid = Cell("▀", foreground: Self.red, background: Self.red)
    #expect(solid.asSpaceIfSolid == Cell(" ", foreground: Self.red, background: Self.red))
    #expect(solid.cheapest(after: Cell(" ", background: Self.blue)) == Cell(" ", background: Self.red))
    #expect(Cell("▄", foreground: Self.blue, background: Self.blue).asSpaceIfSolid.character == " ")
    // The default foreground and background are two colours: such a half block shows.
    #expect(Cell("▀").asSpaceIfSolid.character == "▀")
  }

  @Test func cellsWhoseForegroundShowsKeepIt() {
    let before = Cell("a", foreground: Self.red, background: .default)
    for cell in [
      Cell("▀", foreground: Self.red, background: Self.blue), Cell("▀", foreground: Self.red, background: Self.red, attributes: [.bold]),
      Cell(" ", foreground: Self.blue, attributes: [.underline]), Cell(" ", foreground: Self.blue, attributes: [.reverse]),
      Cell("x", foreground: Self.blue),
    ] {
      #expect(cell.showsForeground)
      #expect(cell.cheapest(after: before) == cell)
    }
    #expect(!Cell.blank.showsForeground)
  }

  @Test func colourIsComparedAsTheTerminalShowsIt() {
    // Two colours of the 24-bit range that the 256-colour cube shows as one.
    let a = Color.rgb(200, 0, 0), b = Color.rgb(201, 1, 0)
    #expect(a != b)
    let frame = Frame(width: 1, height: 1, fill: Cell("▀", foreground: a, background: b))
    let sent = frame.cheapest { ColorMath.downgrade($0, to: .xterm256) }
    #expect(sent[0, 0].character == " ")
    #expect(sent[0, 0].background == ColorMath.downgrade(b, to: .xterm256))
  }

  /// What a row sends depends only on that row: a frame that changes in one row sends the
  /// others as before, so the cells compared with the last frame sent are only the changed ones.
  @Test func aChangeInOneRowLeavesTheOthersAsSent() {
    let first = Self.frame(seed: 9)
    var second = first
    for x in 0..<second.width { second[x, 2] = Self.pool[(x * 7) % Self.pool.count] }
    let a = first.cheapest(), b = second.cheapest()
    for y in 0..<first.height where y != 2 {
      for x in 0..<first.width { #expect(a[x, y] == b[x, y]) }
    }
  }
}
