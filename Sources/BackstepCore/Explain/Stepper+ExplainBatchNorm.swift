/// How forward(l) of a batchnorm layer made x̂, μ and σ² from its input x = a_{l−1}.
extension Stepper {
  /// x̂_j = (x_j − μ_j)·invStd_j for one example, as part of z = γ·x̂ + β.
  func explainXhat(_ l: Int, unit j: Int, example e: Int) -> Decomposition? {
    guard let stats = record.layers[l - 1].batchNorm, let xhat = perExample(stats.xhat, .xhat, layer: l, unit: j, example: e),
      case .normalized(let parts)? = explainZ(l, unit: j, example: e)?.form
    else { return nil }
    return Decomposition(value: xhat, form: .standardized(parts))
  }

  /// μ_j = (1/B)·Σ_e x_j or σ²_j = (1/B)·Σ_e (x_j − μ_j)², over the batch the forward stage saw.
  func explainStatistic(_ l: Int, map: ShownMap, unit j: Int) -> Decomposition? {
    guard let stats = record.layers[l - 1].batchNorm, j < stats.mean.count, j < stats.variance.count else { return nil }
    let x = input(of: l).values
    let mean = stats.mean[j]
    let terms: [Product] = (0..<x.rows).compactMap { e in
      guard let xj = perExample(x, .x, layer: l, unit: j, example: e) else { return nil }
      if map == .mean { return Product([xj]) }
      let d = NamedValue(.deviation, layer: l, xj.indices, xj.value - mean)
      return Product([d, d])
    }
    let value = map == .mean ? NamedValue(.mean, layer: l, [j + 1], mean) : NamedValue(.variance, layer: l, [j + 1], stats.variance[j])
    return Decomposition(value: value, form: .batchAverage(BatchAverage(sum: TermSum(terms: terms), batch: x.rows)))
  }
}
