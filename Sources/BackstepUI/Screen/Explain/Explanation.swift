import BackstepCore

/// A ``Decomposition`` put into the words and numbers the screen writes, once, for the
/// caption's line and the explain panel to share: what the value is, the formula it came from,
/// its terms when it is a sum, the other values the formula used, and whether the parts give
/// the value back.
struct Explanation {
  /// The value's name: `z₂[3, ex 1]`.
  var head: String
  /// The formula with names: `b₂[3] + Σᵢ W₂[3,i]·a₁[i, ex 1]`.
  var formula: String
  /// The formula with numbers, a sum's terms standing in a ``Piece/terms`` piece.
  var numbers: [Piece]
  /// The terms of the formula's sum, with the index that runs over them (i, k or e) and the
  /// factors' names, for the panel's rows; nil when the formula adds no terms.
  var sum: (index: String, names: String, terms: TermSum)?
  /// The values the formula used or made on the way, named, in the order it used them.
  var parts: [(name: String, value: String)]
  /// The value explained, the stage that computed it, and whether the parts give it back.
  var value: Double
  var stage: String
  var checks: Bool
  /// Whether the caption ends with `= value` (a parameter's line says its value in its update).
  var showsValue = true

  enum Piece {
    case text(String)
    case terms(TermSum)
  }

  /// The formula with numbers, a sum written whole when it has at most `shown` terms, else its
  /// `shown` largest by |value| and `… k more (Σ s)`; with `shown` 0, how many and their sum.
  func numbers(shown: Int, _ math: MathGlyphs) -> String {
    numbers.map { piece in
      switch piece {
      case .text(let s): return s
      case .terms(let t):
        guard !t.terms.isEmpty else { return "0" }
        let (kept, rest, restSum) = t.largest(shown)
        if kept.isEmpty { return "\(rest) terms summing to \(math.number(restSum))" }
        let written = kept.map { math.values($0) }.joined(separator: " + ")
        return rest == 0 ? written : "\(written) + \(math.ellipsis) \(rest) more (\(math.sum) \(math.number(restSum)))"
      }
    }.joined()
  }
}
