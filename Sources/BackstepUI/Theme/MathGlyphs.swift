/// The symbols the captions and labels write formulas with, in a UTF-8 table and an ASCII one:
/// `δ₂ = (δ₃·W₃) ⊙ σ′(z₂)` or `delta2 = (delta3*W3) * σ′(z2)`.
///
/// Unlike ``TermGrid/Glyphs`` a symbol may be several characters wide (`delta`, `^T`), as it
/// is written inside text rather than into one cell.
public struct MathGlyphs: Sendable {
  /// Whether layer numbers are written as subscripts (a₂) or plain digits (a2).
  public let subscripts: Bool
  /// A matrix's shape, rows × columns.
  public let times: String
  /// The matrix product.
  public let dot: String
  /// The elementwise (Hadamard) product.
  public let hadamard: String
  public let transpose: String
  public let sum: String
  public let minus: String
  public let squareRoot: String
  public let delta: String
  public let gamma: String
  public let beta: String
  public let mu: String
  /// σ², a batch's variance.
  public let variance: String
  /// x̂, an input normalised by its batch's mean and variance.
  public let xhat: String
  /// The prime of a derivative, f′.
  public let prime: String
  /// A value before and after a change: 0.512 → 0.509.
  public let arrow: String
  /// Adam's bias-corrected moments, with a spacing circumflex (a combining one is lost by
  /// terminals that draw a cell per character).
  public let mHat: String
  public let vHat: String
  /// The mark of a sum that gives the value explained to the last bit.
  public let check: String
  /// A bound on both sides: ±1.
  public let plusMinus: String
  /// Terms left out of a list: "… 3 more".
  public let ellipsis: String

  public static let unicode = MathGlyphs(
    subscripts: true, times: "×", dot: "·", hadamard: "⊙", transpose: "ᵀ", sum: "Σ", minus: "−", squareRoot: "√", delta: "δ",
    gamma: "γ", beta: "β", mu: "μ", variance: "σ²", xhat: "x̂", prime: "′", arrow: "→", mHat: "mˆ", vHat: "vˆ", check: "✓",
    plusMinus: "±", ellipsis: "…")

  public static let ascii = MathGlyphs(
    subscripts: false, times: "x", dot: "*", hadamard: "*", transpose: "^T", sum: "sum", minus: "-", squareRoot: "sqrt",
    delta: "delta", gamma: "gamma", beta: "beta", mu: "mu", variance: "var", xhat: "xhat", prime: "'", arrow: "->", mHat: "mhat",
    vHat: "vhat", check: "ok", plusMinus: "+-", ellipsis: "...")

  /// A sum over an index: Σᵢ or sum_i (i, k or e, the letters with subscripts in Unicode).
  public func sum(over index: String) -> String {
    guard subscripts else { return sum + "_" + index }
    return sum + (["i": "ᵢ", "k": "ₖ", "e": "ₑ", "j": "ⱼ"][index] ?? "_" + index)
  }

  /// A name with a layer number: a₂ or a2.
  public func name(_ base: String, _ layer: Int) -> String { Subscript.name(base, layer, unicode: subscripts) }

  /// An entry of a map with two indices, the map's row and column: h₃,₇ or h_3,7.
  public func entry(_ base: String, _ i: Int, _ j: Int) -> String {
    subscripts ? base + Subscript.of(i, unicode: true) + "," + Subscript.of(j, unicode: true) : "\(base)_\(i),\(j)"
  }
}
