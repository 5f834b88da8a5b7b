/// A parameter's value and how this iteration's update moved it.
extension Stepper {
  /// W_ji (γ_j), b_j (β_j): the current value, and once the update has run, its step replayed.
  func explainParameter(_ l: Int, slot: ParameterSlot, row j: Int, column i: Int) -> Decomposition? {
    guard let key = parameterKey(l, slot: slot) else { return nil }
    let layer = network.layers[l - 1]
    let cols = slot == .weights && layer.dense != nil ? layer.inputs : 1
    let values = network.values(of: key)
    let flat = j * cols + i
    guard j < layer.units, i < cols, flat < values.count else { return nil }
    let name: Symbol =
      switch key.name {
      case .weights, .weightsIH, .weightsHH: .w
      case .biases, .biasIH, .biasHH: .b
      case .gamma: .gamma
      case .beta: .beta
      }
    let indices = layer.dense != nil && slot == .weights ? [j + 1, i + 1] : [j + 1]
    let value = NamedValue(name, layer: l, indices, values[flat])
    let update = isFresh(.update) ? replayUpdate(key, slot: slot, flat: flat, named: value) : nil
    return Decomposition(value: value, form: .parameter(update))
  }

  /// Replays one element's step of this iteration's update through the optimizer, from the state
  /// the record kept, and names every quantity of its rule.
  func replayUpdate(_ key: ParameterKey, slot: ParameterSlot, flat: Int, named: NamedValue) -> ParameterUpdate? {
    let rec = record.layers[key.layer - 1]
    let gradients = slot == .weights ? rec.dW.storage : rec.db
    let received = slot == .weights ? rec.appliedDW.storage : rec.appliedDb
    guard let state = record.optimizerBefore, let old = record.parametersBefore[key], flat < old.count, flat < gradients.count, flat < received.count
    else { return nil }
    let optimizer = settingsUsed.optimizer
    let t = state.step + 1
    let buffersBefore = (state.buffers[key] ?? [:]).compactMapValues { flat < $0.count ? [$0[flat]] : nil }
    var buffers = buffersBefore
    var theta = [old[flat]]
    Optimizer.step(optimizer, t: t, parameters: &theta, gradient: [received[flat]], buffers: &buffers)
    let wd = optimizer.weightDecay
    var g = received[flat]
    var decay: WeightDecay?
    if wd != 0 && optimizer.kind != .adamw {
      decay = WeightDecay(rate: wd, term: wd * old[flat], gradient: g + wd * old[flat])
      g += wd * old[flat]
    }
    let rule = OptimizerRule(
      optimizer, t: t, theta: old[flat], gradient: g, before: buffersBefore.compactMapValues(\.first), after: buffers.compactMapValues(\.first))
    return ParameterUpdate(
      step: t, before: NamedValue(named.name, layer: named.layer, named.indices, old[flat]), gradient: gradients[flat],
      clipCoefficient: record.clipCoefficient, clipValue: settingsUsed.clipping.maxValue, received: received[flat], weightDecay: decay, rule: rule,
      after: theta[0], change: theta[0] - old[flat])
  }
}
