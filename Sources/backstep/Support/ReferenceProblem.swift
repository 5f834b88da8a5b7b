import BackstepCore
import Foundation

/// The reference benchmark: a 2-8-8-1 network (tanh, tanh, sigmoid) with BCE on 500 circle
/// points, full batch, plain SGD with lr 0.03, 2000 steps.
///
/// The problem ships inside the program in backstep's own model and CSV formats (converted once
/// by Scripts/convert-reference-problem.py) and is loaded through the same readers as any user
/// file. Identical work in float64 ends at a full-data loss of 0.24922646362129. It is a
/// fixture of `backstep bench`, so it lives in the program, not in the BackstepCore library.
enum ReferenceProblem {
  static let steps = 2000
  static let learningRate = 0.03
  static let expectedFinalLoss = 0.24922646362129

  /// The network with its initial weights, and the 500 points.
  static func load() throws -> (network: Network, data: Dataset) {
    let model = try ModelFile.parse(Data(modelJSON.utf8), path: "reference-model.json")
    let data = try CSVDataLoader.parse(text: dataCSV, path: "reference-data.csv")
    return (model.network, data)
  }

  /// A stepper set up exactly as the reference: full batch, in order, plain SGD, lr 0.03,
  /// every row in the training set. `historyLimit` is the rewind history kept (1 for headless
  /// work, the interactive program's 10,000 to measure run mode).
  static func stepper(historyLimit: Int = 1) throws -> Stepper {
    let (network, data) = try load()
    let settings = TrainingSettings(
      optimizer: OptimizerSettings(kind: .sgd, lr: learningRate), batchSize: nil, shuffle: false, seed: 1)
    var stepper = try Stepper(
      network: network, data: DataSplit(train: data, test: data.subset([])), settings: settings, historyLimit: historyLimit)
    stepper.evaluationInterval = 0
    return stepper
  }
}
