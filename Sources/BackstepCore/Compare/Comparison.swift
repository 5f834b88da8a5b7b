/// Two networks on the same data from the same seed, differing in the settings of a
/// ``SettingsChange``: the left one as the configuration describes it, the right one with the
/// change laid over it. Step them together with ``Lockstep``.
///
/// What the two share, so that what differs between them is what the change names:
/// - the data: the same rows, the same train/test split (the change cannot name data or seed);
/// - the batches: the same seed drives both batch schedules, so with the same batch size each
///   step takes the same rows in both;
/// - the initial weights: each parameter of the right network (by ``ParameterKey``) takes the
///   left's starting values when its shape is the same and it starts by the same rule: a
///   weight matrix (W) drawn by the same initialiser, a bias vector (b) at the same start value,
///   batchnorm's γ and β always. Otherwise it keeps its own draw from the same seed.
public struct Comparison: Sendable {
  /// The network the configuration describes, and the one with the change.
  public var left: Stepper
  public var right: Stepper
  public let change: SettingsChange
  /// The two configurations, without their `compare`.
  public let leftConfiguration: RunConfiguration
  public let rightConfiguration: RunConfiguration
  /// "A: sigmoid": the left's value of each setting the change names.
  public let leftLabel: String
  /// "B: relu": the change.
  public let rightLabel: String

  /// Both networks of `configuration`, which must name a change. Throws as ``RunConfiguration/resolve()``
  /// does, and when the change leaves the resolved run as it was (`activation=tanh` against the default).
  public init(_ configuration: RunConfiguration, historyLimit: Int = 10_000) throws {
    guard let change = configuration.compare else {
      throw ConfigurationError("there is nothing to compare: compare names no setting", setting: "compare")
    }
    var leftConfiguration = configuration
    leftConfiguration.compare = nil
    let rightConfiguration = try change.applied(to: leftConfiguration)
    let leftRun = try leftConfiguration.resolve()
    var rightRun = try rightConfiguration.resolve()
    guard !leftRun.runsAlike(rightRun) else { throw SettingsChange.unchanged(change) }
    rightRun.network = Self.startingAlike(
      rightRun.network, as: leftRun.network,
      sameWeights: rightRun.initializer != nil && rightRun.initializer == leftRun.initializer,
      sameBiases: rightRun.initializer != nil && rightConfiguration.biasStart(rightRun) == leftConfiguration.biasStart(leftRun))
    self.left = try leftRun.makeStepper(historyLimit: historyLimit)
    self.right = try rightRun.makeStepper(historyLimit: historyLimit)
    self.change = change
    self.leftConfiguration = leftConfiguration
    self.rightConfiguration = rightConfiguration
    self.leftLabel = Self.leftLabel(change, run: leftRun, configuration: leftConfiguration)
    self.rightLabel = "B: " + change.label
  }

  /// A's heading: the value each setting the change names took in A ("A: sigmoid").
  static func leftLabel(_ change: SettingsChange, run: ResolvedRun, configuration: RunConfiguration) -> String {
    "A: " + change.names.map { SettingAssignment.label(name: $0, value: run.valueText(of: $0, in: configuration)) }.joined(separator: ", ")
  }

  /// The network on one side.
  public subscript(side: Side) -> Stepper {
    get { side == .left ? left : right }
    set {
      if side == .left { left = newValue } else { right = newValue }
    }
  }

  /// The heading of one side: "A: sigmoid" or "B: relu".
  public func label(_ side: Side) -> String { side == .left ? leftLabel : rightLabel }

  /// `network` with the starting values of `model` wherever a parameter has the same shape and
  /// starts by the same rule in both: W when both draw it by the same initialiser, b when both
  /// start it at the same value, γ and β always (1 and 0), a recurrent layer's four always.
  static func startingAlike(_ network: Network, as model: Network, sameWeights: Bool, sameBiases: Bool) -> Network {
    var result = network
    let shapes = Dictionary(model.parameters.map { ($0.key, $0.shape) }, uniquingKeysWith: { a, _ in a })
    for p in network.parameters where shapes[p.key] == p.shape {
      let sameRule: Bool
      switch p.key.name {
      case .weights: sameRule = sameWeights
      case .biases: sameRule = sameBiases
      case .gamma, .beta: sameRule = true
      // A recurrent layer draws all four as nn.RNN does, uniform in ±1/√H, whatever the initialiser.
      case .weightsIH, .weightsHH, .biasIH, .biasHH: sameRule = true
      }
      guard sameRule else { continue }
      let values = model.values(of: p.key)
      result.modify(p.key) { $0 = values }
    }
    return result
  }
}

extension RunConfiguration {
  /// A's heading in a comparison of this configuration, as ``Comparison/leftLabel`` says it, for
  /// a live change that keeps the weights (a new learning rate): nil without a comparison.
  public func comparedLeftLabel() throws -> String? {
    guard let change = compare else { return nil }
    var left = self
    left.compare = nil
    return Comparison.leftLabel(change, run: try left.resolve(), configuration: left)
  }

  /// The two networks of a comparison: see ``Comparison``. Throws when `compare` is nil.
  public func makeComparison(historyLimit: Int = 10_000) throws -> Comparison {
    try Comparison(self, historyLimit: historyLimit)
  }
}
