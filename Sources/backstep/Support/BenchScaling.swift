import BackstepCore
import Foundation

/// Time per training iteration as the network widens, deepens, and the batch grows.
///
/// The work of one iteration is O(B·Σ n_l·n_{l−1}): every weight takes part in one
/// multiply-add per example forward, and two backward. Each row reports that count, and the
/// time per multiply-add, which stays flat where the cost follows the formula and rises where
/// fixed per-layer or per-iteration costs dominate.
enum BenchScaling {
  struct Row {
    var axis: String
    var value: Int
    var shape: [Int]
    var batch: Int
    var secondsPerIteration: Double

    /// B·Σ n_l·n_{l−1}: multiply-adds of one forward pass over the batch.
    var work: Double {
      Double(batch) * zip(shape.dropFirst(), shape).reduce(0) { $0 + Double($1.0 * $1.1) }
    }
    var nanosecondsPerMultiplyAdd: Double { secondsPerIteration / work * 1e9 }

    /// The shape, with a run of equal hidden widths written once: 2-32×7-1.
    var shapeText: String {
      let hidden = shape.dropFirst().dropLast()
      guard let w = hidden.first, hidden.count > 2, hidden.allSatisfy({ $0 == w }) else {
        return shape.map(String.init).joined(separator: "-")
      }
      return "\(shape[0])-\(w)×\(hidden.count)-\(shape[shape.count - 1])"
    }
  }

  static let widths = [8, 16, 32, 64, 128, 256, 512]
  static let depths = [2, 4, 8, 12, 16]
  static let batches = [1, 4, 16, 64, 256, 1024, 4096]

  /// Every row: width with 2 hidden layers and B = 256; depth with width 32 and B = 256;
  /// batch with the reference shape 2-8-8-1.
  static func rows(runs: Int, progress: (String) -> Void) throws -> [Row] {
    var rows: [Row] = []
    for w in widths {
      progress("width \(w)")
      rows.append(try measure(axis: "width", value: w, hidden: [w, w], batch: 256, runs: runs))
    }
    for d in depths {
      progress("depth \(d)")
      rows.append(try measure(axis: "depth", value: d, hidden: Array(repeating: 32, count: d - 1), batch: 256, runs: runs))
    }
    for b in batches {
      progress("batch \(b)")
      rows.append(try measure(axis: "batch", value: b, hidden: [8, 8], batch: b, runs: runs))
    }
    return rows
  }

  /// Median seconds per iteration of SGD on batches of `batch` circle points through
  /// 2-hidden…-1 (tanh, sigmoid output, BCE). Runs enough iterations to take about 20 ms.
  static func measure(axis: String, value: Int, hidden: [Int], batch: Int, runs: Int) throws -> Row {
    let specs = hidden.map { LayerSpec(units: $0, activation: .tanh) } + [LayerSpec(units: 1, activation: .sigmoid)]
    let network = try Network(inputs: 2, specs: specs, loss: .bce, initializer: .xavierUniform, seed: 1)
    let data = try BuiltinDataset.circle.generate(points: max(batch, 2), noise: 0, seed: 1)
    var stepper = try Stepper(
      network: network, data: DataSplit(train: data, test: data.subset([])),
      settings: TrainingSettings(batchSize: batch, shuffle: false), historyLimit: 1)
    stepper.evaluationInterval = 0
    let shape = [2] + hidden + [1]
    let probe = Row(axis: axis, value: value, shape: shape, batch: batch, secondsPerIteration: 0)
    let iterations = max(3, min(20_000, Int(2e7 / max(probe.work * 3, 1))))
    let start = stepper
    let seconds = medianSeconds(runs: runs) {
      var s = start
      s.train(iterations: iterations)
    }
    return Row(axis: axis, value: value, shape: shape, batch: batch, secondsPerIteration: seconds / Double(iterations))
  }
}
