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
    if let total = d.total { #expect(close(total, recorded), "\(what): \(map) of layer \(l) at [\(row), \(column)]: \(total) vs \(recorded)") }
    #expect(d.checks, "\(what): \(map) of layer \(l) at [\(row), \(column)] does not check to the last bit")
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
