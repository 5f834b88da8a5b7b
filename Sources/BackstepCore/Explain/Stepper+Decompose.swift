/// Explaining one value: which map, which element, and whether its stage has run.
extension Stepper {
  /// One element of one map of layer l, and how it was made, with the numbers its stage used.
  ///
  /// Addressing (0-based here, 1-based in the result): per-example maps (z, a, δ, f′) take
  /// `row` = unit and `column` = example position in the batch; W and dW (γ, dγ as n × 1) take
  /// `row` = output unit and `column` = input unit; b, db, β, dβ take `row` = unit, `column` = 0
  /// (`.bias` is the biases slot of either kind, `.beta` only a batchnorm layer's β).
  /// Nil when the element is out of range, when the stage that computes the map has not run in
  /// this iteration, and for f′ where δ did not use it (an output fused with its loss, a softmax
  /// output). x̂ is per-example; μ and σ² take `row` = unit, `column` = 0.
  public func decompose(layer l: Int, map: ShownMap, row: Int, column: Int) -> Decomposition? {
    // A recurrent layer's values are sums over time steps, which these forms do not spell out.
    guard (1...network.depth).contains(l), row >= 0, column >= 0, network.layers[l - 1].recurrent == nil else { return nil }
    switch map {
    case .z: return isFresh(.forward(l)) ? explainZ(l, unit: row, example: column) : nil
    case .a: return isFresh(.forward(l)) ? explainA(l, unit: row, example: column) : nil
    case .delta: return isFresh(.backward(l)) ? explainDelta(l, unit: row, example: column) : nil
    case .fPrime: return isFresh(.backward(l)) ? explainFPrime(l, unit: row, example: column) : nil
    case .dW: return isFresh(.backward(l)) ? explainGradient(l, slot: .weights, row: row, column: column) : nil
    case .db: return isFresh(.backward(l)) && column == 0 ? explainGradient(l, slot: .biases, row: row, column: 0) : nil
    case .weights: return explainParameter(l, slot: .weights, row: row, column: column)
    case .bias: return column == 0 ? explainParameter(l, slot: .biases, row: row, column: 0) : nil
    case .beta: return column == 0 && network.layers[l - 1].batchNorm != nil ? explainParameter(l, slot: .biases, row: row, column: 0) : nil
    case .xhat: return isFresh(.forward(l)) ? explainXhat(l, unit: row, example: column) : nil
    case .mean, .variance: return isFresh(.forward(l)) && column == 0 ? explainStatistic(l, map: map, unit: row) : nil
    // t and dL/da_L are read as they are, in the selected example's strip: nothing made them here.
    case .target, .outputGradient: return nil
    }
  }

  /// The values of a parameter that this iteration's stages used: the ones before the update once
  /// it has run (the record keeps them), the current ones before it.
  func valuesUsed(_ key: ParameterKey) -> [Double]? {
    isFresh(.update) ? record.parametersBefore[key] : network.values(of: key)
  }

  /// The settings the explained stages ran with: the record's, which a live change made since does not touch.
  var settingsUsed: TrainingSettings { record.settings ?? settings }

  /// The input of layer l, a_{l−1} `[B × n_in]`, and its name (x for layer 1).
  func input(of l: Int) -> (values: Matrix, name: Symbol) {
    l == 1 ? (record.input, .x) : (record.layers[l - 2].a, .a)
  }

  /// Element (example e, unit j) of a per-example map `[B × n]`, named with 1-based [j, e].
  func perExample(_ m: Matrix, _ name: Symbol, layer: Int?, unit j: Int, example e: Int) -> NamedValue? {
    guard e < m.rows, j < m.cols else { return nil }
    return NamedValue(name, layer: layer, [j + 1, e + 1], m[e, j])
  }

  /// The key of the parameter in a slot of layer l: W or γ, b or β (nil for a dense layer without b).
  func parameterKey(_ l: Int, slot: ParameterSlot) -> ParameterKey? {
    network.layers[l - 1].parameters(layer: l).first { $0.slot == slot }?.key
  }
}
