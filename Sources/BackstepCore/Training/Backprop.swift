/// The arithmetic of each stage, shared by the stepper and the gradient check so that
/// both compute exactly the same numbers.
public enum Backprop {
  /// forward(l): z_l from a_{l−1} as the layer's kind computes it (training mode), a_l = f_l(z_l),
  /// then inverted dropout on hidden layers when `mask` is given (its entries are 0 or 1/(1−p)).
  /// A batchnorm layer's moved running statistics stay in the record; the stepper takes them in.
  ///
  /// A recurrent layer runs time step `t` only (every step when `t` is nil): z_t, h_t, with no dropout.
  public static func forward(
    _ l: Int, t: Int? = nil, network: Network, record: inout IterationRecord, mask: Matrix?
  ) {
    let layer = network.layers[l - 1]
    var rec = record.takeLayer(l)
    if let r = layer.recurrent {
      var steps = rec.recurrent ?? RecurrentRecord()
      for step in t.map({ [$0] }) ?? Array(1...max(1, r.steps(in: record.input))) {
        r.forward(step, x: record.input, steps: &steps, z: &rec.z, h: &rec.a)
      }
      rec.recurrent = steps
      rec.activated = nil
      rec.mask = nil
      record.layers[l - 1] = rec
      return
    }
    if l == 1 {
      layer.preActivation(record.input, mode: .training, into: &rec)
    } else {
      layer.preActivation(record.layers[l - 2].a, mode: .training, into: &rec)
    }
    if let mask {
      var fz = rec.activated ?? Matrix(rows: 0, cols: 0)
      layer.activation.apply(rec.z, into: &fz)
      rec.a.reshape(rows: fz.rows, cols: fz.cols)
      for i in 0..<fz.count { rec.a.storage[i] = fz.storage[i] * mask.storage[i] }
      rec.activated = fz
      rec.mask = mask
    } else {
      layer.activation.apply(rec.z, into: &rec.a)
      rec.activated = nil
      rec.mask = nil
    }
    record.layers[l - 1] = rec
  }

  /// loss: the batch's data loss and each example's, the regularisation penalty, and dL/da_L.
  public static func loss(network: Network, regularization: Regularization, record: inout IterationRecord) {
    let out = record.layers[network.depth - 1]
    record.dataLoss = network.loss.value(z: out.z, a: out.a, target: record.target, examples: &record.exampleLoss)
    record.regLoss = regularization.loss(of: network)
    network.loss.gradient(z: out.z, a: out.a, target: record.target, into: &record.dLdaOutput)
  }

  /// dL/da_L alone, for a headless step whose loss nobody reads: a loss fused with its output
  /// needs nothing here (backward(L) takes δ_L from the logit), the others need the gradient.
  public static func outputGradient(network: Network, record: inout IterationRecord) {
    guard !network.loss.isFusedWithOutput else { return }
    let out = record.layers[network.depth - 1]
    network.loss.gradient(z: out.z, a: out.a, target: record.target, into: &record.dLdaOutput)
  }

  /// backward(l): δ_l = dL/dz_l (= dL/da_l ⊙ f′(z_l), f′ kept in the record, unless the loss
  /// gives δ_L straight from the logit), then as the layer's kind says: for a dense layer
  /// dW_l = δ_lᵀ a_{l−1} (+ regularisation), db_l = Σ δ_l and dL/da_{l−1} = δ_l W_l.
  ///
  /// `passGradientDown: false` skips dL/da_{l−1}, which nothing needs below the first layer
  /// when only the weights matter.
  ///
  /// A recurrent layer runs time step `t` of backpropagation through time only (every step,
  /// T down to 1, when `t` is nil); see ``RecurrentLayer/backward(_:x:upstream:regularization:record:)``.
  public static func backward(
    _ l: Int, t: Int? = nil, network: Network, regularization: Regularization, record: inout IterationRecord,
    passGradientDown: Bool = true
  ) {
    let layer = network.layers[l - 1]
    let depth = network.depth
    var rec = record.takeLayer(l)
    if let r = layer.recurrent {
      let upstream = l == depth ? record.dLdaOutput : record.layers[l].dAPrev
      let T = rec.recurrent?.count ?? 0
      for step in t.map({ [$0] }) ?? Array((1...max(1, T)).reversed()) {
        r.backward(step, x: record.input, upstream: upstream, regularization: regularization, record: &rec)
      }
      record.layers[l - 1] = rec
      return
    }
    if l == depth, network.loss.outputDelta(z: rec.z, a: rec.a, target: record.target, into: &rec.delta) {
      // δ_L came straight from the logit: no f′ was used.
      rec.fPrime.reshape(rows: 0, cols: 0)
    } else {
      let upstream = l == depth ? record.dLdaOutput : record.layers[l].dAPrev
      let f = rec.activated ?? rec.a
      if let mask = rec.mask {
        var masked = upstream
        for i in 0..<masked.count { masked.storage[i] *= mask.storage[i] }
        layer.activation.backward(z: rec.z, a: f, dA: masked, into: &rec.delta, fPrime: &rec.fPrime)
      } else {
        layer.activation.backward(z: rec.z, a: f, dA: upstream, into: &rec.delta, fPrime: &rec.fPrime)
      }
    }
    let aPrev = l == 1 ? record.input : record.layers[l - 2].a
    layer.backward(x: aPrev, record: &rec, regularization: regularization, passDown: passGradientDown)
    record.layers[l - 1] = rec
  }
}
