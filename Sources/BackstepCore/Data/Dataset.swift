/// What a data set asks of the network's output.
public enum Problem: String, Sendable, Codable {
  /// Targets are 0/1 in one column (a sigmoid output), or one-hot rows over K classes.
  case classification
  /// Targets are real numbers.
  case regression
}

/// A table of examples: features in, targets out.
///
/// A set of sequences keeps each sequence in one row, step-major: with T time steps of I
/// features, `inputs` is `[N × T·I]` and columns t·I ..< (t+1)·I hold time step t + 1 (the CSV
/// columns x1@1, x2@1, …, x1@T, x2@T in that order). ``steps`` is T, nil for a plain table.
///
/// Targets are always stored as a matrix: a 0/1 column for two classes, one-hot rows for K
/// classes, real values for regression. `labels` keeps the class index of each row when the
/// problem is classification, for accuracy and for drawing points.
public struct Dataset: Equatable, Sendable {
  public var name: String
  /// `[N × features]`
  public var inputs: Matrix
  /// `[N × targets]`
  public var targets: Matrix
  /// Class index per row (classification only), `N` entries.
  public var labels: [Int]?
  public var problem: Problem
  public var featureNames: [String]
  public var targetNames: [String]
  /// Where each row came from, `N` entries: its 0-based data row in the CSV file (the header is
  /// not a row) or its index in the generated built-in set. A split or a subset keeps them, so
  /// that a trace can name the file's rows whatever order training sees them in.
  public var sourceRows: [Int]
  /// T, the time steps of each row, when the rows are sequences; nil for a plain table.
  public var steps: Int?

  public init(
    name: String, inputs: Matrix, targets: Matrix, labels: [Int]? = nil, problem: Problem,
    featureNames: [String]? = nil, targetNames: [String]? = nil, sourceRows: [Int]? = nil, steps: Int? = nil
  ) {
    precondition(steps.map { $0 >= 1 && inputs.cols % $0 == 0 } ?? true, "a sequence's columns are T groups of features")
    precondition(inputs.rows == targets.rows, "inputs and targets differ in row count")
    self.name = name
    self.inputs = inputs
    self.targets = targets
    self.labels = labels
    self.problem = problem
    self.featureNames = featureNames ?? (0..<inputs.cols).map { "x\($0 + 1)" }
    self.targetNames = targetNames ?? (0..<targets.cols).map { "y\($0 + 1)" }
    self.sourceRows = sourceRows ?? Array(0..<inputs.rows)
    self.steps = steps
    precondition(self.sourceRows.count == inputs.rows, "one source row per example")
  }

  public var count: Int { inputs.rows }
  /// The columns of `inputs`: T·I for a set of sequences.
  public var featureCount: Int { inputs.cols }
  /// I, the features at each time step of a sequence (every column of a plain table).
  public var featuresPerStep: Int { inputs.cols / (steps ?? 1) }
  public var targetCount: Int { targets.cols }
  /// The number of classes (2 for a single 0/1 column), or nil for regression.
  public var classCount: Int? {
    guard problem == .classification else { return nil }
    return targets.cols == 1 ? 2 : targets.cols
  }

  /// The rows at the given indices, in that order.
  public func subset(_ indices: [Int]) -> Dataset {
    Dataset(
      name: name, inputs: inputs.gatherRows(indices), targets: targets.gatherRows(indices),
      labels: labels.map { l in indices.map { l[$0] } }, problem: problem,
      featureNames: featureNames, targetNames: targetNames, sourceRows: indices.map { sourceRows[$0] }, steps: steps)
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

  /// Splits one data set by a ratio: the first `round(ratio·N)` rows train and the rest test.
  ///
  /// With `shuffle`, the rows are first put in an order drawn from `seed`; without it the
  /// split keeps the file's order. A ratio of 1 trains on every row in the file's order,
  /// shuffled or not (the batches are shuffled by ``BatchSchedule``, not here), and leaves the
  /// test set empty.
  public init(splitting data: Dataset, trainRatio: Double, shuffle: Bool, seed: UInt64) {
    let nTrain = max(1, min(data.count, Int((trainRatio * Double(data.count)).rounded())))
    var order = Array(0..<data.count)
    if shuffle && nTrain < data.count {
      var rng = Xoshiro256(seed: seed ^ 0x5EED_5EED_0000_7E57)
      order = rng.permutation(data.count)
    }
    train = data.subset(Array(order[..<nTrain]))
    test = data.subset(Array(order[nTrain...]))
  }
}
