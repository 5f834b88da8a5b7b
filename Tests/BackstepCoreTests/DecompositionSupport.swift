import BackstepCore
import Testing

/// Checks shared by the decomposition tests: a decomposition's parts make the value it explains.
enum Decomposed {
  /// Equal to 1e−12 relative to the larger of 1 and |expected|, or both NaN.
  static func close(_ actual: Double, _ expected: Double) -> Bool {
    (actual.isNaN && expected.isNaN) || abs(actual - expected) <= 1e-12 * max(1, abs(expected))
  }

  /// Every term of a sum is the product of its factors, and the sum adds up to `total`.
  static func expectTerms(_ sum: TermSum, _ what: String) {
    for term in sum.terms {
      let product = term.factors.dropFirst().reduce(term.factors.first?.value ?? 1) { $0 * $1.value }
      #expect(close(term.value, product), "\(what): a term is not its factors' product")
    }
    #expect(close(sum.total, sum.terms.reduce(sum.start) { $0 + $1.value }), "\(what): terms do not add up")
  }

  /// The value the decomposition's form computes, from its parts alone.
  static func recomposed(_ d: Decomposition) -> Double? {
    switch d.form {
    case .affine(let s): return s.sum.total
    case .normalized(let n): return n.scaled.value + n.beta.value
    case .standardized(let n): return (n.input.value - n.mean.value) * n.invStd
    case .batchAverage(let b): return b.sum.total / Double(b.batch)
    case .activation(let s): return s.mask.map { s.activated * $0.value } ?? s.activated
    case .softmax(let s): return s.numerator / s.denominator.total
    case .hiddenDelta(let h): return h.masked * h.fPrime.value
    case .outputDelta(let o):
      switch o.chain {
      case .fused(let mass): return (o.prediction.value * mass - o.target.value) / Double(o.batch)
      case .elementwise(let g, let f): return g.value * f.value
      case .softmax(let g, let dot): return o.prediction.value * (g.value - dot.total)
      }
    case .gradient(let g): return g.total
    case .derivative(let f): return f.value
    case .parameter: return nil
    }
  }

  /// Checks the decomposition of every element of every map of every layer against the record.
  static func expectEveryValue(_ s: Stepper, _ what: String) {
    for l in 1...s.network.depth {
      let rec = s.record.layers[l - 1]
      let batch = rec.z.rows, units = rec.z.cols
      for j in 0..<units {
        for e in 0..<batch {
          expectValue(s, l, .z, j, e, rec.z[e, j], what)
          expectValue(s, l, .a, j, e, rec.a[e, j], what)
          expectValue(s, l, .delta, j, e, rec.delta[e, j], what)
          expectHiddenUpstream(s, l, j, e, what)
        }
        if let stats = rec.batchNorm {
          for e in 0..<batch { expectValue(s, l, .xhat, j, e, stats.xhat[e, j], what) }
          expectValue(s, l, .mean, j, 0, stats.mean[j], what)
          expectValue(s, l, .variance, j, 0, stats.variance[j], what)
        }
        for i in 0..<rec.dW.cols { expectValue(s, l, .dW, j, i, rec.dW[j, i], what) }
        if !rec.db.isEmpty { expectValue(s, l, .db, j, 0, rec.db[j], what) }
      }
    }
  }

  static func expectValue(_ s: Stepper, _ l: Int, _ map: ShownMap, _ row: Int, _ column: Int, _ recorded: Double, _ what: String) {
    guard let d = s.decompose(layer: l, map: map, row: row, column: column) else {
      Issue.record("\(what): no decomposition of \(map) in layer \(l) at [\(row), \(column)]")
      return
    }
    #expect(close(d.value.value, recorded), "\(what): \(map) of layer \(l) is not the record's")
    #expect(d.value.layer == l && d.value.indices.first == row + 1, "\(what): \(map) named at the wrong place")
    if let total = recomposed(d) { #expect(close(total, recorded), "\(what): \(map) of layer \(l) at [\(row), \(column)]: \(total) vs \(recorded)") }
    switch d.form {
    case .affine(let a): expectTerms(a.sum, what)
    case .softmax(let sm): expectTerms(sm.denominator, what)
    case .gradient(let g): expectTerms(g.sum, what)
    case .batchAverage(let b): expectTerms(b.sum, what)
    case .hiddenDelta(let h):
      if case .weighted(let sum) = h.upstream { expectTerms(sum, what) }
    case .outputDelta(let o):
      if case .softmax(_, let dot) = o.chain { expectTerms(dot, what) }
    default: break
    }
  }

  /// δ's upstream sum is dL/da of the layer above (its dAPrev), to 1e−12; batchnorm's three
  /// paths add up to it within rounding.
  static func expectHiddenUpstream(_ s: Stepper, _ l: Int, _ j: Int, _ e: Int, _ what: String) {
    guard l < s.network.depth, case .hiddenDelta(let h)? = s.decompose(layer: l, map: .delta, row: j, column: e)?.form else { return }
    let recorded = s.record.layers[l].dAPrev[e, j]
    #expect(close(h.dLda.value, recorded), "\(what): dL/da of layer \(l)")
    switch h.upstream {
    case .weighted(let sum): #expect(close(sum.total, recorded), "\(what): Σ δ·W of layer \(l) is not dL/da")
    case .batchNorm(let direct, let mean, let variance):
      #expect(abs(direct + mean + variance - recorded) <= 1e-9 * max(1, abs(recorded)), "\(what): batchnorm's paths of layer \(l)")
    }
  }
}
