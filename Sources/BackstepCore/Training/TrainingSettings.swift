/// How a network is trained: optimizer, regulariser, clipping, dropout and batches.
public struct TrainingSettings: Equatable, Sendable {
  public var optimizer: OptimizerSettings
  public var regularization: Regularization
  public var clipping: Clipping
  /// The probability of zeroing a hidden unit (inverted dropout); 0 turns it off.
  public var dropout: Double
  /// Rows per step; nil means the full training set.
  public var batchSize: Int?
  /// Whether mini-batches are drawn from a seeded shuffle of each epoch (ignored for a full batch).
  public var shuffle: Bool
  /// Seeds the shuffles and the dropout masks.
  public var seed: UInt64

  public init(
    optimizer: OptimizerSettings = OptimizerSettings(), regularization: Regularization = Regularization(),
    clipping: Clipping = Clipping(), dropout: Double = 0, batchSize: Int? = nil, shuffle: Bool = true,
    seed: UInt64 = 1
  ) {
    self.optimizer = optimizer
    self.regularization = regularization
    self.clipping = clipping
    self.dropout = dropout
    self.batchSize = batchSize
    self.shuffle = shuffle
    self.seed = seed
  }

  /// These settings with the optimizer's defaulted learning rate and ε written out: two
  /// settings that train alike compare equal this way, whether a default was given or implied.
  public var resolved: TrainingSettings {
    var s = self
    s.optimizer.lr = optimizer.resolvedLR
    s.optimizer.eps = optimizer.resolvedEps
    return s
  }

  /// Checks every setting by the rules of ``Setting``; throws the first ``ConfigurationError``.
  public func validate() throws {
    try optimizer.validate()
    try regularization.validate()
    try clipping.validate()
    try Setting.dropout.validate(dropout)
    if let batchSize { try Setting.batchSize.validate(batchSize) }
  }
}
