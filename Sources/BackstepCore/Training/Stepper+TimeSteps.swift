/// The time steps of a recurrent first layer, as the stages walk them.
extension Stepper {
  /// T, the time steps of the sequences a recurrent network reads; nil for other networks.
  public var timeSteps: Int? { network.isRecurrent ? data.train.steps : nil }

  /// The time step t whose z_t, h_t, f′(z_t) and δ_t layer l's record holds in its z, a, f′
  /// and δ: that of the recurrent stage run last (the previous iteration's last, t = 1, before
  /// any in this one). Nil for a layer that is not recurrent, or before the first stage.
  public func shownTimeStep(layer l: Int) -> Int? {
    guard network.layers.indices.contains(l - 1), network.layers[l - 1].recurrent != nil, record.step > 0 else { return nil }
    return stages[0..<reached].last { $0.timeStep != nil && $0.layer == l }?.timeStep ?? 1
  }

  /// Whether `stage` is fresh or, for forward(l) and backward(l) of a recurrent layer, under
  /// way: its first time step has run in this iteration, so the record's z, a, δ and f′ hold
  /// this iteration's time step (dW and db the shares added so far).
  public func isUnderWay(_ stage: Stage) -> Bool {
    guard record.step > 0, let l = stage.layer, stage.timeStep == nil, network.layers[l - 1].recurrent != nil else { return isFresh(stage) }
    let first = stages.firstIndex { $0.layer == l && $0.timeStep != nil && $0.isForward == stage.isForward } ?? stages.count
    return first < reached
  }

  /// ‖dL/dz_t‖ per layer: nil for a layer that is not recurrent, and for the recurrent one the
  /// Frobenius norm over the batch of each δ_t, t = 1 … T (the trace's `delta_through_time`).
  public var deltaThroughTime: [[Double]?] {
    record.layers.map { $0.recurrent?.deltaNorms }
  }
}
