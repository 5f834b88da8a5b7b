import BackstepCore

/// Recurrent networks and sequence data for the tests.
enum RecurrentFixture {
  /// A recurrent network of H units over I features, then dense layers `dense` wide and one
  /// output, drawn from `seed`.
  static func network(
    inputs: Int = 2, units: Int = 3, activation: Activation = .tanh, dense: [Int] = [], loss: Loss = .mse, seed: UInt64 = 7
  ) throws -> Network {
    let output: Activation = loss == .bce ? .sigmoid : .identity
    let specs =
      [LayerSpec(units: units, activation: activation, kind: .recurrent)] + dense.map { LayerSpec(units: $0, activation: .tanh) }
      + [LayerSpec(units: 1, activation: output)]
    return try Network(inputs: inputs, specs: specs, loss: loss, initializer: .xavierUniform, seed: seed)
  }

  /// `rows` random sequences of `steps` time steps of `features` values, with targets for `loss`.
  static func split(features: Int = 2, steps: Int = 4, rows: Int = 9, loss: Loss = .mse, seed: UInt64 = 3) -> DataSplit {
    let x = Fixture.inputs(rows: rows, cols: features * steps, seed: seed)
    let t = Fixture.targets(rows: rows, cols: 1, loss: loss, seed: seed &+ 1)
    let data = Dataset(name: "sequences", inputs: x, targets: t, problem: loss == .bce ? .classification : .regression, steps: steps)
    return DataSplit(train: data, test: data.subset([]))
  }

  static func stepper(
    activation: Activation = .tanh, dense: [Int] = [3], steps: Int = 4, _ edit: (inout TrainingSettings) -> Void = { _ in }
  ) throws -> Stepper {
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .adam, lr: 0.01), batchSize: 4, seed: 5)
    edit(&settings)
    return try Stepper(
      network: try network(activation: activation, dense: dense), data: split(steps: steps), settings: settings)
  }
}
