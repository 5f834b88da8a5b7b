/// The readings: what each stage measures of the values it just computed, once, so that the
/// screen and the update's diagnostics read numbers and never recompute them.
extension Stepper {
  /// Measures what forward(l) or backward(l) computed into layer l's record. The other stages
  /// measure nothing here: the loss is a number, and the update measures the weights.
  mutating func read(_ stage: Stage) {
    switch stage {
    case .forward(let l), .forwardStep(let l, _):
      // A time step is measured on its own z_t and h_t, wherever the record's z and a have moved
      // since (backward(l, t) puts its own step there), so that a fast run reads what stepping did.
      var rec = record.layers[l - 1]
      if let t = stage.timeStep, let steps = rec.recurrent, steps.z.indices.contains(t - 1) {
        rec.z = steps.z[t - 1]
        rec.a = steps.h[t - 1]
      }
      let reading = ForwardReading.measure(rec, activation: network.layers[l - 1].activation, saturation: saturation)
      record.layers[l - 1].forwardReading = reading
      if let t = stage.timeStep { record.layers[l - 1].recurrent?.measureForward(reading, at: t) }
    case .backward(let l), .backwardStep(let l, _):
      let output = l == network.depth ? nil : record.layers[network.depth - 1].backwardReading?.normDW
      // A time step is measured on its own δ_t, as forward(l, t) is on its z_t and h_t.
      var rec = record.layers[l - 1]
      if let t = stage.timeStep, let steps = rec.recurrent, steps.delta.indices.contains(t - 1) { rec.delta = steps.delta[t - 1] }
      record.layers[l - 1].backwardReading = BackwardReading.measure(rec, outputNormDW: output, thresholds: thresholds)
      if let t = stage.timeStep { record.layers[l - 1].recurrent?.measureBackward(at: t, activation: network.layers[l - 1].activation) }
    case .loss, .update: break
    }
  }

  /// Measures the parameter maps of every layer (W or γ; b or β): after each update, rewind and reset.
  mutating func measureWeights() {
    weightScales = network.layers.map { layer in
      var scales: [ShownMap: MapScale] = [.weights: MapScale(of: layer.weights.storage)]
      if let bn = layer.batchNorm { scales[.beta] = MapScale(of: bn.beta) }
      if let dense = layer.dense, dense.hasBias { scales[.bias] = MapScale(of: dense.bias) }
      return scales
    }
  }

  /// Layer l's readings, measured now when its stages have not run (a record that the fast
  /// path of ``train(iterations:)`` left unread cannot reach the update, which always reads).
  func readings(layer l: Int) -> (ForwardReading, BackwardReading) {
    let rec = record.layers[l - 1]
    let forward = rec.forwardReading ?? ForwardReading.measure(rec, activation: network.layers[l - 1].activation, saturation: saturation)
    let output = record.layers[network.depth - 1].backwardReading?.normDW
    let backward = rec.backwardReading ?? BackwardReading.measure(rec, outputNormDW: output, thresholds: thresholds)
    return (forward, backward)
  }

  /// The scale of one of layer l's maps as last measured; an empty scale (limit 1) before the
  /// stage that computes it has run.
  public func scale(of map: ShownMap, layer l: Int) -> MapScale {
    guard l >= 1, l <= record.layers.count else { return MapScale() }
    if map.isParameter { return weightScales.indices.contains(l - 1) ? weightScales[l - 1][map] ?? MapScale() : MapScale() }
    let rec = record.layers[l - 1]
    return rec.forwardReading?.scales[map] ?? rec.backwardReading?.scales[map] ?? MapScale()
  }

  /// One scale for a map over every layer, for a colour scale shared down a column: over the
  /// values on show, stale ones included, as the maps draw them.
  public func sharedScale(of map: ShownMap) -> MapScale {
    MapScale.combined((1...network.depth).map { scale(of: map, layer: $0) })
  }
}
