import BackstepCore

/// Steppers over small random networks, for the tests of what the stages record.
enum RecordFixture {
  /// A stepper over a freshly drawn network of `specs` on 2 inputs and random rows that suit
  /// `loss`, full batch unless `batchSize` is given.
  static func stepper(
    _ specs: [LayerSpec], loss: Loss, rows: Int = 5, batchSize: Int? = nil, dropout: Double = 0, seed: UInt64 = 7
  ) throws -> Stepper {
    let network = try Network(inputs: 2, specs: specs, loss: loss, initializer: .xavierUniform, bias: 0.1, seed: seed)
    let data = Fixture.split(inputs: 2, outputs: specs[specs.count - 1].units, rows: rows, loss: loss, seed: seed)
    let settings = TrainingSettings(
      optimizer: OptimizerSettings(kind: .sgd, lr: 0.1), dropout: dropout, batchSize: batchSize, seed: seed)
    return try Stepper(network: network, data: data, settings: settings)
  }
}
