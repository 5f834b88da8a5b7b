import BackstepCore

/// Small builders shared by the core tests.
enum Fixture {
  /// A deterministic batch `[rows × cols]` of values in [−1, 1].
  static func inputs(rows: Int, cols: Int, seed: UInt64) -> Matrix {
    var rng = Xoshiro256(seed: seed)
    var m = Matrix(rows: rows, cols: cols)
    for i in 0..<m.count { m.storage[i] = rng.uniform(-1, 1) }
    return m
  }

  /// Targets that suit a loss: 0/1 for bce, one-hot rows for ce, reals otherwise.
  static func targets(rows: Int, cols: Int, loss: Loss, seed: UInt64) -> Matrix {
    var rng = Xoshiro256(seed: seed)
    var t = Matrix(rows: rows, cols: cols)
    for i in 0..<rows {
      switch loss {
      case .bce:
        for k in 0..<cols { t[i, k] = rng.nextUnit() < 0.5 ? 0 : 1 }
      case .ce:
        t[i, rng.below(cols)] = 1
      case .mse, .mseMean:
        for k in 0..<cols { t[i, k] = rng.uniform(-1, 1) }
      }
    }
    return t
  }

  /// A data split whose train and test sets are random rows for a network.
  static func split(inputs: Int, outputs: Int, rows: Int, loss: Loss, seed: UInt64) -> DataSplit {
    let x = Fixture.inputs(rows: rows, cols: inputs, seed: seed)
    let t = Fixture.targets(rows: rows, cols: outputs, loss: loss, seed: seed &+ 1)
    let problem: Problem = (loss == .bce || loss == .ce) ? .classification : .regression
    let data = Dataset(name: "fixture", inputs: x, targets: t, problem: problem)
    return DataSplit(train: data, test: data.subset([]))
  }

  static func relativeError(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(a), abs(b), 1e-300)
  }
}

extension Fixture {
  /// One run taken three ways to n iterations: one stage per call (as space does), the lean path
  /// that run mode and `train` use, and a mix that stops mid-iteration (after 3 stages) before
  /// handing over to it.
  static func threeWays(iterations n: Int, _ make: () throws -> Stepper) rethrows -> (byStage: Stepper, others: [Stepper]) {
    var byStage = try make(), whole = try make(), mixed = try make()
    for _ in 0..<(n * byStage.stages.count) { byStage.advance() }
    whole.train(iterations: n)
    for _ in 0..<3 { mixed.advance() }
    mixed.train(iterations: n - 1)
    return (byStage, [whole, mixed])
  }
}
