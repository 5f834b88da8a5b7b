/// A recurrent layer's four parameters in the record's two gradient slots: the weights slot
/// holds [W_ih | W_hh] `[H × (I+H)]` and the biases slot [b_ih, b_hh] `[2H]`, so that a norm
/// over a slot is the norm over both tensors together.
extension RecurrentLayer {
  /// Where a parameter sits in its slot: the first column (weights) or entry (biases), and its width.
  func place(of name: ParameterName) -> (column: Int, width: Int) {
    switch name {
    case .weightsHH: (inputs, units)
    case .biasHH: (units, units)
    case .biasIH: (0, units)
    default: (0, inputs)
    }
  }

  /// One parameter's values, flat, from the slots `weights` `[H × (I+H)]` and `biases` `[2H]`.
  func slice(of name: ParameterName, weights: Matrix, biases: [Double]) -> [Double] {
    let (start, width) = place(of: name)
    switch name {
    case .weightsIH, .weightsHH:
      return weights.rows == units && weights.cols == inputs + units ? Self.block(of: weights, at: start, width: width) : []
    default:
      return biases.count == 2 * units ? Array(biases[start..<(start + width)]) : []
    }
  }

  /// Keeps in the record what the optimizer received for one parameter and the change it made,
  /// in its place in the slots.
  func keep(applied g: [Double], update: [Double], of name: ParameterName, in record: inout LayerRecord) {
    let (start, width) = place(of: name)
    switch name {
    case .weightsIH, .weightsHH:
      for m in [\LayerRecord.appliedDW, \LayerRecord.updateW] where record[keyPath: m].rows != units || record[keyPath: m].cols != inputs + units {
        record[keyPath: m] = Matrix(rows: units, cols: inputs + units)
      }
      Self.setBlock(g, of: &record.appliedDW, at: start, width: width)
      Self.setBlock(update, of: &record.updateW, at: start, width: width)
    default:
      if record.appliedDb.count != 2 * units { record.appliedDb = Array(repeating: 0, count: 2 * units) }
      if record.updateB.count != 2 * units { record.updateB = Array(repeating: 0, count: 2 * units) }
      record.appliedDb.replaceSubrange(start..<(start + width), with: g)
      record.updateB.replaceSubrange(start..<(start + width), with: update)
    }
  }
}
