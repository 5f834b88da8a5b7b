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
  /// Adam's bias-corrected moments m̂ and v̂.
  public let mhat: String
  public let vhat: String

  public static let unicode = MathGlyphs(
    subscripts: true, times: "×", dot: "·", hadamard: "⊙", transpose: "ᵀ", sum: "Σ", minus: "−", squareRoot: "√", delta: "δ",
    gamma: "γ", beta: "β", mu: "μ", variance: "σ²", xhat: "x̂", mhat: "m̂",
    vhat: "v̂")

  public static let ascii = MathGlyphs(
    subscripts: false, times: "x", dot: "*", hadamard: "*", transpose: "^T", sum: "sum", minus: "-", squareRoot: "sqrt",
    delta: "delta", gamma: "gamma", beta: "beta", mu: "mu", variance: "var", xhat: "xhat", mhat: "mhat",
    vhat: "vhat")

  /// A name with a layer number: a₂ or a2.
  public func name(_ base: String, _ layer: Int) -> String { Subscript.name(base, layer, unicode: subscripts) }
}
