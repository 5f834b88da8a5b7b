/// A Frame as text: the characters alone, as ANSI escapes, or as a colour layer for snapshots.
extension Frame {
  /// The characters, one line per row, trailing spaces removed.
  public var plainText: String {
    (0..<height).map { row in
      var line = text(row: row)
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }

  /// The frame with ANSI SGR escapes for a colour level; escapes change only where the
  /// style does, and every line ends with a reset.
  public func ansi(level: ColorLevel) -> String {
    var out = ""
    out.reserveCapacity(width * height * 4)
    for row in 0..<height {
      var current: Style? = nil
      for column in 0..<width {
        let cell = self[column, row]
        let style = ANSI.shownStyle(cell, level: level)
        if style != current {
          out += ANSI.sgr(style)
          current = style
        }
        out.append(cell.character)
      }
      out += "\u{1B}[0m"
      if row < height - 1 { out += "\n" }
    }
    return out
  }

  /// A code per cell naming its style, and a legend: how snapshot files record colour.
  /// Styles are numbered in order of first appearance and written in base 62
  /// (`a`–`z`, `A`–`Z`, `0`–`9`); every code of a frame has the same width, one character while
  /// there are at most 62 styles and as many as needed beyond, so that every cell of any
  /// frame is checked. The default style is dots (`.`, or `..` with two-character codes).
  public var colorLayer: String {
    var index: [Style: Int] = [:]
    var order: [Style] = []
    for cell in cells {
      let style = Style(cell.foreground, cell.background, cell.attributes)
      if style != .plain && index[style] == nil {
        index[style] = order.count
        order.append(style)
      }
    }
    let digits = Frame.codeWidth(styles: order.count)
    let names = order.indices.map { Frame.code($0, width: digits) }
    let plain = String(repeating: ".", count: digits)
    var rows: [String] = []
    for row in 0..<height {
      var line = ""
      for column in 0..<width {
        let cell = self[column, row]
        let style = Style(cell.foreground, cell.background, cell.attributes)
        line += index[style].map { names[$0] } ?? plain
      }
      rows.append(line)
    }
    let legend = zip(names, order).map { "\($0) = \(ANSI.describe($1))" }
    return rows.joined(separator: "\n") + "\n--\n" + legend.joined(separator: "\n")
  }

  static let codeLetters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

  /// Characters per style code for `styles` styles: the fewest whose codes tell them all apart.
  static func codeWidth(styles: Int) -> Int {
    var width = 1
    var capacity = codeLetters.count
    while capacity < styles {
      width += 1
      capacity *= codeLetters.count
    }
    return width
  }

  /// Style number `n` as `width` base-62 digits, most significant first.
  static func code(_ n: Int, width: Int) -> String {
    var digits: [Character] = []
    var rest = n
    for _ in 0..<width {
      digits.append(codeLetters[rest % codeLetters.count])
      rest /= codeLetters.count
    }
    return String(digits.reversed())
  }
}

/// ANSI escape sequences.
public enum ANSI {
  /// The style `cell` is written in at `level`: its colours brought down to what the level shows.
  static func shownStyle(_ cell: Cell, level: ColorLevel) -> Style {
    Style(ColorMath.downgrade(cell.foreground, to: level), ColorMath.downgrade(cell.background, to: level), cell.attributes)
  }

  /// Moves the cursor to `column`, `row` (both from 0).
  static func move(column: Int, row: Int) -> String { "\u{1B}[\(row + 1);\(column + 1)H" }

  static func sgr(_ style: Style) -> String {
    var codes = ["0"]
    if style.attributes.contains(.bold) { codes.append("1") }
    if style.attributes.contains(.dim) { codes.append("2") }
    if style.attributes.contains(.italic) { codes.append("3") }
    if style.attributes.contains(.underline) { codes.append("4") }
    if style.attributes.contains(.reverse) { codes.append("7") }
    codes += color(style.foreground, foreground: true)
    codes += color(style.background, foreground: false)
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  static func color(_ c: Color, foreground: Bool) -> [String] {
    switch c {
    case .default: return []
    case .indexed(let i) where i < 8: return [String((foreground ? 30 : 40) + Int(i))]
    case .indexed(let i) where i < 16: return [String((foreground ? 90 : 100) + Int(i) - 8)]
    case .indexed(let i): return [foreground ? "38" : "48", "5", String(i)]
    case .rgb(let r, let g, let b): return [foreground ? "38" : "48", "2", String(r), String(g), String(b)]
    }
  }

  static func describe(_ style: Style) -> String {
    func name(_ c: Color) -> String {
      switch c {
      case .default: "default"
      case .indexed(let i): "\(i)"
      case .rgb(let r, let g, let b): "#" + [r, g, b].map { String($0, radix: 16).leftPadded(2) }.joined()
      }
    }
    var attrs: [String] = []
    if style.attributes.contains(.bold) { attrs.append("bold") }
    if style.attributes.contains(.dim) { attrs.append("dim") }
    if style.attributes.contains(.italic) { attrs.append("italic") }
    if style.attributes.contains(.underline) { attrs.append("underline") }
    if style.attributes.contains(.reverse) { attrs.append("reverse") }
    return "fg \(name(style.foreground)) bg \(name(style.background))" + (attrs.isEmpty ? "" : " " + attrs.joined(separator: " "))
  }
}

extension String {
  func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
