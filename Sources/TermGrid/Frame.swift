/// A grid of cells: one whole screen, drawn by widgets and handed to a backend.
///
/// Immediate mode: every frame is drawn from scratch. Writes outside the frame are ignored,
/// so a widget can never corrupt memory or wrap text onto the next row.
public struct Frame: Sendable, Equatable {
  public let width: Int
  public let height: Int
  /// Row-major cells, `height × width`.
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    self.cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The whole frame as a rectangle.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get {
      guard x >= 0, x < width, y >= 0, y < height else { return .blank }
      return cells[y * width + x]
    }
    set {
      guard x >= 0, x < width, y >= 0, y < height else { return }
      cells[y * width + x] = newValue
    }
  }

  /// Writes `text` from (x, y) to the right, clipped to `clip` (the whole frame by default).
  /// Returns the column after the last character written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, foreground: Color = .default, background: Color = .default,
    attributes: Attributes = [], clip: Rect? = nil
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    guard y >= area.y, y < area.maxY else { return x }
    var column = x
    for character in text {
      if column >= area.maxX { break }
      if column >= area.x {
        cells[y * width + column] = Cell(
          character, foreground: foreground, background: background, attributes: attributes)
      }
      column += 1
    }
    return column
  }

  /// Gives every cell in `rect` whose background is the terminal's default `color` instead:
  /// how an overlay keeps one backdrop under text drawn in the ordinary styles.
  public mutating func backdrop(_ rect: Rect, _ color: Color) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for row in area.y..<area.maxY {
      for column in area.x..<area.maxX where cells[row * width + column].background == .default {
        cells[row * width + column].background = color
      }
    }
  }

  /// Fills a rectangle with one cell.
  public mutating func fill(_ rect: Rect, with cell: Cell) {
    let area = rect.intersection(bounds)
    guard !area.isEmpty else { return }
    for row in area.y..<area.maxY {
      for column in area.x..<area.maxX { cells[row * width + column] = cell }
    }
  }

  /// The characters of one row as a string (colours dropped).
  public func text(row: Int) -> String {
    guard row >= 0, row < height else { return "" }
    return String(cells[(row * width)..<((row + 1) * width)].map(\.character))
  }
}
