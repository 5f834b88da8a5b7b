/// The last word on glyphs when the terminal has no UTF-8: widgets draw ASCII where they
/// know how, and whatever mathematical text is left (captions, formulas, help) is folded here,
/// so that a non-UTF-8 terminal never receives a byte it cannot show.
extension Frame {
  /// Replaces every non-ASCII character by its nearest ASCII stand-in (`?` if none).
  public mutating func foldToASCII() {
    for y in 0..<height {
      for x in 0..<width {
        let c = self[x, y].character
        guard !c.isASCII else { continue }
        var cell = self[x, y]
        cell.character = Frame.asciiFold[c] ?? Frame.subscriptDigit(c) ?? "?"
        self[x, y] = cell
      }
    }
  }

  static let asciiFold: [Character: Character] = [
    "‖": "|", "│": "|", "┃": "|", "─": "-", "━": "-", "┅": ".", "′": "'", "⊙": "*", "·": ".", "×": "x",
    "δ": "d", "Δ": "D", "η": "n", "λ": "L", "σ": "s", "Σ": "S", "ᵀ": "T", "−": "-", "→": ">", "←": "<", "↑": "^", "↓": "v",
    "∞": "!", "…": "~", "≤": "<", "≥": ">", "≈": "~", "÷": "/", "●": "o", "○": "o", "▶": ">", "❚": "|",
    "█": "#", "▓": "#", "▒": "+", "░": ":", "▀": "#", "▆": "#", "┌": "+", "┐": "+", "└": "+", "┘": "+",
    "√": "V", "∂": "d", "ε": "e", "α": "a", "β": "b", "ρ": "r", "°": "o", "±": "+",
  ]

  static func subscriptDigit(_ c: Character) -> Character? {
    guard let scalar = c.unicodeScalars.first else { return nil }
    let v = scalar.value
    if (0x2080...0x2089).contains(v) { return Character(String(v - 0x2080)) }
    if (0x2070...0x2079).contains(v) || v == 0xB9 || v == 0xB2 || v == 0xB3 {
      let d: UInt32 = v == 0xB9 ? 1 : v == 0xB2 ? 2 : v == 0xB3 ? 3 : v - 0x2070
      return Character(String(d))
    }
    return nil
  }
}
