/// The check the screen prints: the parts put back together give the value explained.
extension Decomposition {
  /// The value the form's parts make, by the last operation of its formula (the sums and
  /// products inside are fields already); for a parameter, its value after the update once the
  /// update has run, else nil.
  public var total: Double? {
    switch form {
    case .affine(let s): s.sum.total
    case .normalized(let n): n.scaled.value + n.beta.value
    case .standardized(let n): (n.input.value - n.mean.value) * n.invStd
    case .batchAverage(let b): b.sum.total / Double(b.batch)
    case .activation(let s): s.mask.map { s.activated * $0.value } ?? s.activated
    case .softmax(let s): s.numerator / s.denominator.total
    case .hiddenDelta(let h): h.masked * h.fPrime.value
    case .outputDelta(let o): o.total
    case .gradient(let g): g.total
    case .derivative(let f): f.value
    case .parameter(let u): u?.after
    }
  }

  /// Whether ``total`` is the value explained (NaN checks against NaN); true when there is no total.
  public var checks: Bool {
    guard let total else { return true }
    return total == value.value || (total.isNaN && value.value.isNaN)
  }
}

extension OutputDelta {
  /// δ from the parts: (p·s − t)/B fused, dL/da·f′(z), or a·(dL/da − Σ dL/da·a) for a softmax.
  public var total: Double {
    switch chain {
    case .fused(let mass): (prediction.value * mass - target.value) / Double(batch)
    case .elementwise(let g, let f): g.value * f.value
    case .softmax(let g, let dot): prediction.value * (g.value - dot.total)
    }
  }
}
