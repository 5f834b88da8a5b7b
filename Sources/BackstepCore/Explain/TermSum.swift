/// Terms added onto a start value in the engine's order and rounding (``Summation``: in order,
/// fused, or in lanes over the examples, as the kernel path summed them), so that ``total`` has
/// the bits of the value the engine computed (z starts from b_j; the sums of the gradients from 0).
public struct TermSum: Equatable, Sendable {
  /// The terms in input order (inputs for z, units of the layer above for δ, examples for dW).
  public var terms: [Product]
  /// The value the sum starts from.
  public var start: Double
  /// start + terms[0] + terms[1] + …, added as `summation` says.
  public var total: Double

  public init(terms: [Product], start: Double = 0, summation: Summation = .inOrder) {
    self.terms = terms
    self.start = start
    self.total = summation.total(start: start, terms.map { ($0.factors.map(\.value), $0.value) })
  }

  /// The k terms of largest magnitude, in input order, with how many are left out and their sum
  /// (added in input order): what a wide layer shows as "… k more". A NaN term counts as largest.
  public func largest(_ k: Int) -> (shown: [Product], restCount: Int, restSum: Double) {
    func magnitude(_ v: Double) -> Double { v.isNaN ? .infinity : abs(v) }
    let ranked = terms.indices.sorted {
      magnitude(terms[$0].value) > magnitude(terms[$1].value) || (magnitude(terms[$0].value) == magnitude(terms[$1].value) && $0 < $1)
    }
    let kept = Set(ranked.prefix(max(0, k)))
    var restSum = 0.0
    for i in terms.indices where !kept.contains(i) { restSum += terms[i].value }
    return (terms.indices.filter(kept.contains).map { terms[$0] }, terms.count - kept.count, restSum)
  }
}
