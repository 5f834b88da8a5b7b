/// How forward(l) made z_l and a_l, element by element.
extension Stepper {
  /// z_j for one example: the dense sum b_j + Σ_i W_ji·a_i, or batchnorm's γ_j·x̂_j + β_j.
  func explainZ(_ l: Int, unit j: Int, example e: Int) -> Decomposition? {
    let rec = record.layers[l - 1]
    guard let z = perExample(rec.z, .z, layer: l, unit: j, example: e) else { return nil }
    switch network.layers[l - 1] {
    case .dense(let d):
      guard let w = valuesUsed(ParameterKey(layer: l, name: .weights)) else { return nil }
      let (x, name) = input(of: l)
      let terms = (0..<d.inputs).compactMap { i in
        perExample(x, name, layer: l - 1, unit: i, example: e).map { Product([NamedValue(.w, layer: l, [j + 1, i + 1], w[j * d.inputs + i]), $0]) }
      }
      var bias: NamedValue?
      if d.hasBias {
        guard let b = valuesUsed(ParameterKey(layer: l, name: .biases)) else { return nil }
        bias = NamedValue(.b, layer: l, [j + 1], b[j])
      }
      return Decomposition(
        value: z, form: .affine(AffineSum(bias: bias, sum: TermSum(terms: terms, start: bias?.value ?? 0, summation: .products(on: KernelPath.current)))))
    case .recurrent:
      return nil
    case .batchNorm(let bn):
      guard let stats = rec.batchNorm, j < stats.mean.count, let x = perExample(input(of: l).values, .x, layer: l, unit: j, example: e),
        let gamma = valuesUsed(ParameterKey(layer: l, name: .gamma)), let beta = valuesUsed(ParameterKey(layer: l, name: .beta))
      else { return nil }
      let xhat = NamedValue(.xhat, layer: l, [j + 1, e + 1], (x.value - stats.mean[j]) * stats.invStd[j])
      let norm = Normalization(
        input: x, mean: NamedValue(.mean, layer: l, [j + 1], stats.mean[j]), variance: NamedValue(.variance, layer: l, [j + 1], stats.variance[j]),
        eps: bn.eps, invStd: stats.invStd[j], xhat: xhat, gamma: NamedValue(.gamma, layer: l, [j + 1], gamma[j]),
        beta: NamedValue(.beta, layer: l, [j + 1], beta[j]), scaled: Product([NamedValue(.gamma, layer: l, [j + 1], gamma[j]), xhat]))
      return Decomposition(value: z, form: .normalized(norm))
    }
  }

  /// a_j = f(z_j) (times the dropout mask), or the softmax of the example's logits.
  func explainA(_ l: Int, unit j: Int, example e: Int) -> Decomposition? {
    let rec = record.layers[l - 1]
    let activation = network.layers[l - 1].activation
    guard let a = perExample(rec.a, .a, layer: l, unit: j, example: e), let z = perExample(rec.z, .z, layer: l, unit: j, example: e) else { return nil }
    if activation == .softmax {
      let logits = (0..<rec.z.cols).compactMap { perExample(rec.z, .z, layer: l, unit: $0, example: e) }
      let shift = logits.reduce(-Double.infinity) { max($0, $1.value) }
      let exps = logits.map { Product([NamedValue(.exp, layer: l, $0.indices, Elementary.exp($0.value - shift))]) }
      return Decomposition(
        value: a, form: .softmax(SoftmaxStep(logits: logits, shift: shift, denominator: TermSum(terms: exps), numerator: exps[j].value)))
    }
    let activated = rec.activated.flatMap { perExample($0, .a, layer: l, unit: j, example: e)?.value } ?? a.value
    let mask = rec.mask.flatMap { perExample($0, .mask, layer: l, unit: j, example: e) }
    return Decomposition(value: a, form: .activation(ActivationStep(activation: activation, z: z, activated: activated, mask: mask)))
  }

  /// f′(z_j) as backward(l) used it; nil where δ_l did not use an elementwise f′ (an output fused
  /// with its loss, a softmax output).
  func explainFPrime(_ l: Int, unit j: Int, example e: Int) -> Decomposition? {
    guard let f = derivative(l, unit: j, example: e) else { return nil }
    return Decomposition(value: NamedValue(.fPrime, layer: l, [j + 1, e + 1], f.value), form: .derivative(f))
  }

  /// f′(z_j) of layer l for one example, as backward(l) kept it in the record (empty where δ
  /// did not use it: an output fused with its loss, a softmax output), with the z and f(z) it
  /// was taken at.
  func derivative(_ l: Int, unit j: Int, example e: Int) -> Derivative? {
    let rec = record.layers[l - 1]
    guard let f = perExample(rec.fPrime, .fPrime, layer: l, unit: j, example: e), let z = perExample(rec.z, .z, layer: l, unit: j, example: e),
      let fz = perExample(rec.activated ?? rec.a, .a, layer: l, unit: j, example: e)
    else { return nil }
    return Derivative(activation: network.layers[l - 1].activation, z: z, activated: fz.value, value: f.value)
  }
}
