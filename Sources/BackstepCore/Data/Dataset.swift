/// What a data set asks of the network's output.
public enum Task: String, Sendable, Codable {
  /// Targets are 0/1 in one column (a sigmoid output), or one-hot rows over K classes.
  case classification
  /// Targets are real numbers.
  case regression
}

/// A table of examples: features in, targets out.
///
/// Targets are always stored as a matrix: a 0/1 column for two classes, one-hot rows for K
/// classes, real values for regression. `labels` keeps the class index of each row when the
/// task is classification, for accuracy and for drawing points.
public struct Dataset: Equatable, Sendable {
  public var name: String
  /// `[N × features]`
  public var inputs: Matrix
  /// `[N × targets]`
  public var targets: Matrix
  /// Class index per row (classification only), `N` entries.
  public var labels: [Int]?
  public var task: Task
  public var featureNames: [String]
  public var targetNames: [String]

  public init(
    name: String, inputs: Matrix, targets: Matrix, labels: [Int]? = nil, task: Task,
    featureNames: [String]? = nil, targetNames: [String]? = nil
  ) {
    precondition(inputs.rows == targets.rows, "inputs and targets differ in row count")
    self.name = name
    self.inputs = inputs
    self.targets = targets
    self.labels = labels
    self.task = task
    self.featureNames = featureNames ?? (0..<inputs.cols).map { "x\($0 + 1)" }
    self.targetNames = targetNames ?? (0..<targets.cols).map { "y\($0 + 1)" }
  }

  public var count: Int { inputs.rows }
  public var featureCount: Int { inputs.cols }
  public var targetCount: Int { targets.cols }
  /// The number of classes (2 for a single 0/1 column), or nil for regression.
  public var classCount: Int? {
    guard task == .classification else { return nil }
    return targets.cols == 1 ? 2 : targets.cols
  }

  /// The rows at the given indices, in that order.
  public func subset(_ indices: [Int]) -> Dataset {
    Dataset(
      name: name, inputs: inputs.gatherRows(indices), targets: targets.gatherRows(indices),
      labels: labels.map { l in indices.map { l[$0] } }, task: task,
      featureNames: featureNames, targetNames: targetNames)
  }
}

/// A data set divided into the part the network trains on and the part it is tested on.
public struct DataSplit: Equatable, Sendable {
  public var train: Dataset
  public var test: Dataset

  public init(train: Dataset, test: Dataset) {
    self.train = train
    self.test = test
  }

  /// Splits by a seeded shuffle: the first `round(ratio·N)` shuffled rows train, the rest test.
  /// A ratio of 1 gives an empty test set.
  public init(splitting data: Dataset, trainRatio: Double, seed: UInt64) {
    var rng = Xoshiro256(seed: seed ^ 0x5EED_5EED_0000_7E57)
    let order = rng.permutation(data.count)
    let nTrain = max(1, min(data.count, Int((trainRatio * Double(data.count)).rounded())))
    train = data.subset(Array(order[..<nTrain]))
    test = data.subset(Array(order[nTrain...]))
  }
}
