import BackstepCore

/// How a decomposition's names and numbers are written on screen: `z₂[3, ex 1]`, `W₂[3,1]`,
/// `b₂[3]`, 1-based as everywhere on screen, in Unicode or ASCII.
extension MathGlyphs {
  /// A symbol's letters: δ or delta, f′ or f', x̂ or xhat.
  func letters(_ s: Symbol) -> String {
    switch s {
    case .delta: delta
    case .fPrime: "f" + prime
    case .gamma: gamma
    case .beta: beta
    case .xhat: xhat
    case .mean: mu
    case .variance: variance
    case .deviation: "x" + minus + mu
    default: s.rawValue
    }
  }

  /// The symbol with its layer, without indices: z₂, δ₃, x (the input, layer 0), t (the target), p (the prediction).
  func layered(_ s: Symbol, _ layer: Int?) -> String {
    guard let layer, layer > 0, s != .t, s != .prediction else { return letters(s) }
    return name(letters(s), layer)
  }

  /// The space inside an index, `[3, ex 1]`, that text wrapping keeps on one row
  /// (``TextBlock`` draws it as a plain space).
  static let space = TextBlock.unbreakable

  /// A value's full name: its symbol, layer and 1-based indices, `[unit, ex example]` for a
  /// per-example map's element, `[row,column]` for a weight's, `[unit]` for a vector's.
  func name(_ v: NamedValue) -> String {
    let perExample: Set<Symbol> = [.x, .z, .a, .delta, .fPrime, .t, .prediction, .dLda, .xhat, .deviation, .dLdx, .mask, .exp]
    let at =
      perExample.contains(v.name) && v.indices.count == 2
      ? "[\(v.indices[0]),\(Self.space)ex\(Self.space)\(v.indices[1])]" : "[" + v.indices.map(String.init).joined(separator: ",") + "]"
    return layered(v.name, v.layer) + at
  }

  /// A number as a term of a formula: four significant digits, a negative one in parentheses
  /// so that `0.5·(−0.3)` reads as a product, NaN as NaN.
  func term(_ x: Double, digits: Int = 4) -> String {
    let s = number(x, digits: digits)
    return x < 0 ? "(" + s + ")" : s
  }

  /// A number with four significant digits and the minus sign of the formulas; NaN and ∞ by name.
  func number(_ x: Double, digits: Int = 4) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return (x < 0 ? minus : "") + (subscripts ? "∞" : "inf") }
    let s = Format.short(abs(x), digits: digits)
    return x < 0 ? minus + s : s
  }

  /// A value with every digit it needs (ten significant), so that it can be checked by hand.
  func exact(_ x: Double) -> String {
    guard x.isFinite else { return number(x) }
    return (x < 0 ? minus : "") + Format.printed("%.10g", abs(x))
  }

  /// A product of factors' values: 0.12·(−0.3).
  func values(_ p: Product, digits: Int = 4) -> String { p.factors.map { term($0.value, digits: digits) }.joined(separator: dot) }
}
