extension Stepper {
  /// Runs n whole iterations as fast as it can: the same weights, optimizer state and batch
  /// position as ``run(iterations:)``, without what only the screen needs.
  ///
  /// Skipped: the per-layer diagnostics and history, ΔW, the applied gradients and the state
  /// before the update in the record (kept for the last iteration, which the screen explains),
  /// dL/da_0 (the gradient at the input), and the per-stage NaN watch (the weights are still
  /// checked after every update). The data loss, each example's loss and the penalty are
  /// computed for the last iteration only, the one the record keeps; before it, only what
  /// backward(L) needs (dL/da_L, and nothing when the loss gives δ_L from the logit).
  /// Rewinding can return to the end of the run.
  public mutating func train(iterations n: Int) {
    if reached < stages.count { finishIteration() }
    let depth = network.depth
    // The blocked step serves every iteration but the last, whose stages the record keeps. A
    // live change of settings, taken in at the start of an iteration, plans it again.
    var blocked = BlockedDenseStep(network: network, settings: settings)
    for iteration in 0..<max(0, n) {
      let changing = pending != nil
      beginIteration()
      if changing { blocked = BlockedDenseStep(network: network, settings: settings) }
      if iteration < n - 1, blocked != nil {
        blocked?.run(network: network, regularization: settings.regularization, record: &record)
        applyGradients(keepUpdates: false)
        reached = stages.count
        continue
      }
      for l in 1...depth {
        Backprop.forward(l, network: network, record: &record, mask: dropoutMask(layer: l))
        network.layers[l - 1].absorb(record.layers[l - 1])
      }
      if iteration == n - 1 {
        Backprop.loss(network: network, regularization: settings.regularization, record: &record)
      } else {
        Backprop.outputGradient(network: network, record: &record)
      }
      for l in stride(from: depth, through: 1, by: -1) {
        Backprop.backward(
          l, network: network, regularization: settings.regularization, record: &record, passGradientDown: l > 1)
      }
      applyGradients(keepUpdates: iteration == n - 1)
      record.diagnostics = nil
      reached = stages.count
    }
    snapshots.push(currentSnapshot)
    // The screen reads the last iteration's values: measure them once, not every iteration.
    for stage in stages where stage != .loss && stage != .update { read(stage) }
    measureWeights()
  }
}
