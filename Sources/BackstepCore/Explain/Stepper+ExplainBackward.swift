/// How backward(l) made δ_l and the gradients of layer l, element by element.
extension Stepper {
  /// δ_j for one example: from the loss at the output, from layer l + 1 below it.
  func explainDelta(_ l: Int, unit j: Int, example e: Int) -> Decomposition? {
    guard let delta = perExample(record.layers[l - 1].delta, .delta, layer: l, unit: j, example: e) else { return nil }
    let form =
      l == network.depth
      ? outputDelta(unit: j, example: e).map(Decomposition.Form.outputDelta) : hiddenDelta(l, unit: j, example: e).map(Decomposition.Form.hiddenDelta)
    return form.map { Decomposition(value: delta, form: $0) }
  }

  /// δ_j = (dL/da_j · m_j) · f′(z_j), dL/da_j from layer l + 1's δ and W (or its batchnorm dL/dx).
  func hiddenDelta(_ l: Int, unit j: Int, example e: Int) -> HiddenDelta? {
    let above = record.layers[l]
    guard let dLda = perExample(above.dAPrev, .dLda, layer: l, unit: j, example: e), let fPrime = derivative(l, unit: j, example: e) else { return nil }
    let upstream: Upstream
    switch network.layers[l] {
    case .dense(let d):
      guard let w = valuesUsed(ParameterKey(layer: l + 1, name: .weights)) else { return nil }
      let terms = (0..<d.units).compactMap { k in
        perExample(above.delta, .delta, layer: l + 1, unit: k, example: e).map {
          Product([$0, NamedValue(.w, layer: l + 1, [k + 1, j + 1], w[k * d.inputs + j])])
        }
      }
      upstream = .weighted(TermSum(terms: terms, summation: .products(on: KernelPath.current)))
    case .recurrent:
      return nil  // only ever the first layer, never above another
    case .batchNorm:
      guard let stats = above.batchNorm, let direct = perExample(stats.dxDirect, .dLdx, layer: l + 1, unit: j, example: e),
        let mean = perExample(stats.dxThroughMean, .dLdx, layer: l + 1, unit: j, example: e),
        let variance = perExample(stats.dxThroughVariance, .dLdx, layer: l + 1, unit: j, example: e)
      else { return nil }
      upstream = .batchNorm(direct: direct.value, throughMean: mean.value, throughVariance: variance.value)
    }
    let mask = record.layers[l - 1].mask.flatMap { perExample($0, .mask, layer: l, unit: j, example: e) }
    return HiddenDelta(upstream: upstream, dLda: dLda, mask: mask, masked: mask.map { dLda.value * $0.value } ?? dLda.value, fPrime: fPrime)
  }

  /// δ_j at the output from the loss's formula, the target and the prediction.
  func outputDelta(unit j: Int, example e: Int) -> OutputDelta? {
    let l = network.depth
    let out = record.layers[l - 1]
    guard let t = perExample(record.target, .t, layer: nil, unit: j, example: e), let p = perExample(out.a, .prediction, layer: l, unit: j, example: e)
    else { return nil }
    let chain: OutputDelta.Chain
    if network.loss.isFusedWithOutput {
      let mass = network.loss == .ce ? (0..<record.target.cols).reduce(0.0) { $0 + record.target[e, $1] } : 1
      chain = .fused(targetMass: mass)
    } else {
      guard let dLda = perExample(record.dLdaOutput, .dLda, layer: l, unit: j, example: e) else { return nil }
      if network.layers[l - 1].activation == .softmax {
        let dot = (0..<out.a.cols).compactMap { k in
          perExample(record.dLdaOutput, .dLda, layer: l, unit: k, example: e).flatMap { g in
            perExample(out.a, .prediction, layer: l, unit: k, example: e).map { Product([g, $0]) }
          }
        }
        chain = .softmax(dLda: dLda, dot: TermSum(terms: dot))
      } else {
        guard let fPrime = derivative(l, unit: j, example: e) else { return nil }
        chain = .elementwise(dLda: dLda, fPrime: fPrime)
      }
    }
    return OutputDelta(loss: network.loss, target: t, prediction: p, batch: out.a.rows, outputs: out.a.cols, chain: chain)
  }

  /// One element of dW (dγ) or db (dβ): the examples' contributions and the regularisation term.
  func explainGradient(_ l: Int, slot: ParameterSlot, row j: Int, column i: Int) -> Decomposition? {
    let rec = record.layers[l - 1]
    guard let key = parameterKey(l, slot: slot), let theta = valuesUsed(key) else { return nil }
    let layer = network.layers[l - 1]
    let cols = slot == .weights && layer.dense != nil ? layer.inputs : 1
    let flat = j * cols + i
    let gradient = slot == .weights ? rec.dW.storage : rec.db
    guard j < layer.units, i < cols, flat < gradient.count, flat < theta.count else { return nil }
    let batch = rec.delta.rows
    let terms: [Product] = (0..<batch).compactMap { e in
      guard let d = perExample(rec.delta, .delta, layer: l, unit: j, example: e) else { return nil }
      switch (slot, layer) {
      case (.weights, .dense):
        let (x, name) = input(of: l)
        return perExample(x, name, layer: l - 1, unit: i, example: e).map { Product([d, $0]) }
      case (.weights, .batchNorm):
        return rec.batchNorm.flatMap { perExample($0.xhat, .xhat, layer: l, unit: j, example: e) }.map { Product([d, $0]) }
      case (.biases, _):
        return Product([d])
      case (.weights, .recurrent):
        return nil
      }
    }
    guard terms.count == batch else { return nil }
    // A dense layer's sums over the examples are the kernels'; batchnorm's dγ and dβ are added in order.
    let path = KernelPath.current
    let summation: Summation =
      switch (slot, layer) {
      case (.weights, .dense(let d)): .examples(on: path, weights: d.weights.count)
      case (.biases, .dense): .examples(on: path)
      default: .inOrder
      }
    let sum = TermSum(terms: terms, summation: summation)
    let penalty = network.parameters.first { $0.key == key }?.penalty ?? .never
    let reg = settingsUsed.regularization
    var term: RegularizationTerm?
    if reg.isActive && reg.applies(to: penalty) {
      let name: Symbol = slot == .weights ? .w : .b
      term = RegularizationTerm(
        l1: reg.l1, l2: reg.l2, parameter: NamedValue(name, layer: l, slot == .weights ? [j + 1, i + 1] : [j + 1], theta[flat]),
        value: reg.l2 * theta[flat] + reg.l1 * Elementary.sign(theta[flat]))
    }
    let total = term.map { sum.total + $0.value } ?? sum.total
    let name: Symbol = slot == .weights ? .dW : .db
    let value = NamedValue(name, layer: l, slot == .weights && layer.dense != nil ? [j + 1, i + 1] : [j + 1], gradient[flat])
    return Decomposition(value: value, form: .gradient(GradientSum(sum: sum, regularization: term, total: total)))
  }
}
