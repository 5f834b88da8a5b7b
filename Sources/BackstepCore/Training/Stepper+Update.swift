/// The update stage: clipping, one optimizer step per parameter (walking the network's
/// parameter list), and the iteration's measurements.
extension Stepper {
  /// update: clip the gradients, run the optimizer on every tensor, measure the iteration.
  mutating func update() {
    applyGradients(keepUpdates: true)
    measureWeights()
    // The weights-slot values each layer had before this step, which the record keeps (both
    // of a recurrent layer's matrices, side by side as its slot holds them).
    let before = network.layers.enumerated().map { i, layer in
      let keys = parameters.filter { $0.key.layer == i + 1 && $0.slot == .weights }.map(\.key)
      guard let r = layer.recurrent, keys.count == 2 else { return record.parametersBefore[ParameterKey(layer: i + 1, name: layer.parameterNames[0])] ?? [] }
      let ih = record.parametersBefore[keys[0]] ?? [], hh = record.parametersBefore[keys[1]] ?? []
      guard ih.count == r.weightsIH.count, hh.count == r.weightsHH.count else { return [] }
      return RecurrentLayer.joined(Matrix(rows: r.units, cols: r.inputs, storage: ih), Matrix(rows: r.units, cols: r.units, storage: hh)).storage
    }
    measure(weightsBefore: before)
  }

  /// Clips the gradients of the record and lets the optimizer move every parameter, walking
  /// the network's parameter list. With `keepUpdates`, the applied gradients and the update
  /// ΔW are kept in the record.
  mutating func applyGradients(keepUpdates: Bool) {
    var grads = parameters.map { p in network.layers[p.key.layer - 1].gradient(of: p.key.name, in: record.layers[p.key.layer - 1]) }
    record.globalGradNorm = Clipping.globalNorm(grads)
    record.clipCoefficient = settings.clipping.isActive ? settings.clipping.apply(to: &grads) : 1
    if keepUpdates { record.optimizerBefore = optimizerState }
    optimizerState.step += 1
    let t = optimizerState.step
    let optimizer = settings.optimizer
    for (p, g) in zip(parameters, grads) {
      let old = keepUpdates ? network.values(of: p.key) : []
      // Moved out, so that the optimizer holds the only reference and updates in place.
      var buffers = optimizerState.buffers.removeValue(forKey: p.key) ?? [:]
      network.modify(p.key) { theta in Optimizer.step(optimizer, t: t, parameters: &theta, gradient: g, buffers: &buffers) }
      optimizerState.buffers[p.key] = buffers
      if keepUpdates {
        record.parametersBefore[p.key] = old
        let new = network.values(of: p.key)
        network.layers[p.key.layer - 1].keep(applied: g, update: zip(new, old).map { $0 - $1 }, of: p.key.name, in: &record.layers[p.key.layer - 1])
      }
    }
    if firstNonFinite == nil && !network.layers.allSatisfy(\.isFinite) { noteNonFinite("weights", .update) }
  }

  private mutating func measure(weightsBefore: [[Double]]) {
    let layers = (0..<network.depth).map { i in
      let (forward, backward) = readings(layer: i + 1)
      var d = LayerDiagnostics.measure(
        forward, backward, applied: record.layers[i].appliedDW, update: record.layers[i].updateW, weightsBefore: weightsBefore[i])
      // A recurrent layer's δ is every δ_t, not only the last time step's.
      if let steps = record.layers[i].recurrent { d.normDelta = steps.deltaNorm }
      return d
    }
    var d = IterationDiagnostics(step: record.step, epoch: schedule.epoch, layers: layers, batchLoss: record.loss)
    d.deltaThroughTime = record.layers.lazy.compactMap(\.recurrent).first?.deltaNorms
    let interval = evaluationInterval
    if interval > 0 && record.step % interval == 0 {
      d.trainLoss = Evaluation.loss(of: network, on: data.train)
      d.testLoss = Evaluation.loss(of: network, on: data.test)
      d.trainAccuracy = Evaluation.accuracy(of: network, on: data.train)
      d.testAccuracy = Evaluation.accuracy(of: network, on: data.test)
    }
    record.diagnostics = d
    history.append(d)
  }
}
