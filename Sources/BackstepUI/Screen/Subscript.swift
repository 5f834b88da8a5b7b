import TermGrid

/// Names with layer numbers, written with subscripts where the glyphs allow: a₂, dW₁₂.
enum Subscript {
  static func of(_ n: Int, unicode: Bool) -> String {
    guard unicode else { return String(n) }
    let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
    return String(String(n).compactMap { $0.wholeNumberValue.map { digits[$0] } })
  }

  static func name(_ base: String, _ n: Int, unicode: Bool) -> String { base + of(n, unicode: unicode) }
}
