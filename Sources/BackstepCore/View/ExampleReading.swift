/// One example of the current batch as the per-example strip shows it: what went in, what was
/// wanted, what came out and what it cost. Fields that a stage computes are nil until that
/// stage of the current iteration has run, so that a stale number is never shown as this one's.
public struct ExampleReading: Equatable, Sendable {
  /// The 0-based position of the example in the batch.
  public var position: Int
  /// The 0-based training row it came from (`record.batchIndices[position]`).
  public var row: Int
  /// x `[inputs]`.
  public var input: [Double]
  /// t `[outputs]`.
  public var target: [Double]
  /// a_L `[outputs]`, once forward(L) has run.
  public var prediction: [Double]?
  /// This example's data loss ℓ_i, once the loss stage has run; the batch's loss is their mean.
  public var loss: Double?
  /// This example's row of dL/da_L `[outputs]`, once the loss stage has run. L is the batch's
  /// mean loss, so the row carries its 1/B, as the δ maps below it do.
  public var dLda: [Double]?
}

extension Stepper {
  /// The example at `position` (0-based) of the current batch; nil when no iteration has begun
  /// or the position is outside the batch.
  public func example(_ position: Int) -> ExampleReading? {
    guard record.step > 0, record.batchIndices.indices.contains(position), position < record.input.rows,
      position < record.target.rows
    else { return nil }
    var reading = ExampleReading(
      position: position, row: record.batchIndices[position], input: record.input.row(position),
      target: record.target.row(position))
    let output = record.layers[network.depth - 1]
    if isFresh(.forward(network.depth)), position < output.a.rows { reading.prediction = output.a.row(position) }
    if isFresh(.loss) {
      if record.exampleLoss.indices.contains(position) { reading.loss = record.exampleLoss[position] }
      if position < record.dLdaOutput.rows { reading.dLda = record.dLdaOutput.row(position) }
    }
    return reading
  }
}
