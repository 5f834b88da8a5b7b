import BackstepCore

/// A recurrent layer's band: its two bias vectors b_ih and b_hh, and their gradients, each as a
/// map of H units × 2 columns (column 1 b_ih, column 2 b_hh), not their sum: db holds 2H values
/// and a column of H rows would cut it after b_ih.
extension NetworkTable {
  /// The biases `[b_ih, b_hh]` (2H values, as the record's db holds them) as `[H × 2]`; a dense
  /// or batchnorm layer's `[n]` as `[n × 1]`.
  static func biasColumns(_ values: [Double], of layer: Layer) -> Matrix {
    guard layer.recurrent != nil, values.count == 2 * layer.units else { return Matrix(rows: values.count, cols: 1, storage: values) }
    return Matrix(rows: 2, cols: layer.units, storage: values).transposed
  }

  /// The biases the W column's b shows: a dense layer's b, a recurrent layer's b_ih then b_hh;
  /// nil for a layer drawn without b.
  static func shownBias(of layer: Layer) -> [Double]? {
    if let r = layer.recurrent { return r.biasIH + r.biasHH }
    return layer.dense?.hasBias == true ? layer.bias : nil
  }

  /// Where the value at (`row`, `column`) of a b or db map sits in the bias vector of
  /// ``biasColumns(_:of:)``: column 2 of a recurrent layer is b_hh, H values on.
  static func biasIndex(row: Int, column: Int, of layer: Layer) -> Int {
    layer.recurrent != nil ? column * layer.units + row : row
  }

  /// The name of a b or db map's column: `b_ih`, `b_hh` for a recurrent layer, else `b`.
  static func biasName(_ base: String, column: Int, of layer: Layer) -> String {
    layer.recurrent != nil ? base + (column == 0 ? "_ih" : "_hh") : base
  }
}
