/// Dropout masks, drawn so that replaying a step redraws exactly the same mask.
extension Stepper {
  /// Inverted dropout multipliers for hidden layer l, drawn from a generator seeded by
  /// (seed, step, layer) alone so that replaying a step draws the same mask.
  func dropoutMask(layer l: Int) -> Matrix? {
    let p = settings.dropout
    guard p > 0, l < network.depth, network.layers[l - 1].recurrent == nil else { return nil }
    var rng = Xoshiro256(seed: settings.seed ^ (UInt64(record.step) &* 0xD1B5_4A32_D192_ED03) ^ UInt64(l) &* 0x8CB9_2BA7_2F3D_8DD7)
    var mask = Matrix(rows: record.input.rows, cols: network.layers[l - 1].units)
    let keep = 1 / (1 - p)
    for i in 0..<mask.count { mask.storage[i] = rng.nextUnit() < p ? 0 : keep }
    return mask
  }
}
