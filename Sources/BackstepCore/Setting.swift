/// Every number a run can be given (by a flag, a settings file, the prompt or a model file)
/// with the values it accepts: one table of rules, so that each way in refuses the same values
/// with the same sentence. The raw value is the settings file's key (`weight-decay`).
///
///     try Setting.momentum.validate(2)   // ConfigurationError "momentum must lie in [0, 1], not 2"
///     try Setting.layers.validate(0)     // "each width in layers must lie in [1, 4096], not 0; …"
public enum Setting: String, CaseIterable, Sendable {
  case lr, momentum, dampening, alpha, beta1, beta2, rho, eps
  case weightDecay = "weight-decay", lrDecay = "lr-decay", initialAccumulatorValue = "initial-accumulator-value"
  case l1, l2, clipNorm = "clip-norm", clipValue = "clip-value", dropout
  case points, noise, trainRatio = "train-ratio", biasInit = "bias-init", batchSize = "batch-size", layers
  case rnn, seqLen = "seq-len"
  case vanishingNorm = "vanishing-norm", explodingNorm = "exploding-norm", vanishingRatio = "vanishing-ratio", explodingRatio = "exploding-ratio"

  /// The values a setting accepts. Every one of them also requires a finite number.
  public enum Bounds: Equatable, Sendable {
    /// Any finite number.
    case finite
    /// `> 0`.
    case positive
    /// `≥ 0`.
    case nonNegative
    /// `≥ low`.
    case atLeast(Double)
    /// `[low, high]`, `[low, high)` or `(low, high]`.
    case interval(low: Double, high: Double, lowIncluded: Bool, highIncluded: Bool)

    static func closed(_ low: Double, _ high: Double) -> Bounds {
      .interval(low: low, high: high, lowIncluded: true, highIncluded: true)
    }
  }

  /// The rule for this setting. Adam's betas stop short of 1 (PyTorch's rule; β = 1 divides by
  /// zero in the bias correction); train-ratio must keep at least one training row.
  public var bounds: Bounds {
    switch self {
    case .momentum, .dampening, .alpha, .rho: .closed(0, 1)
    case .beta1, .beta2, .dropout: .interval(low: 0, high: 1, lowIncluded: true, highIncluded: false)
    case .trainRatio: .interval(low: 0, high: 1, lowIncluded: false, highIncluded: true)
    case .lr, .eps, .clipNorm, .clipValue, .vanishingNorm, .explodingNorm, .vanishingRatio, .explodingRatio: .positive
    case .weightDecay, .lrDecay, .initialAccumulatorValue, .l1, .l2: .nonNegative
    case .noise: .closed(0, 50)
    case .points: .closed(2, 1_000_000)
    case .batchSize: .atLeast(1)
    case .layers, .rnn: .closed(1, Double(LayerSpec.maxUnits))
    case .seqLen: .closed(1, Double(RunConfiguration.maxSeqLen))
    case .biasInit: .finite
    }
  }

  /// The bounds as a reader sees them: "in [0, 1]", "> 0", "≥ 0", "a finite number".
  public var boundsText: String {
    switch bounds {
    case .finite: "a finite number"
    case .positive: "> 0"
    case .nonNegative: "≥ 0"
    case .atLeast(let low): "≥ \(Self.show(low))"
    case .interval(let low, let high, let lowIncluded, let highIncluded):
      "in \(lowIncluded ? "[" : "(")\(Self.show(low)), \(Self.show(high))\(highIncluded ? "]" : ")")"
    }
  }

  /// Whether `x` obeys the rule.
  public func accepts(_ x: Double) -> Bool {
    guard x.isFinite else { return false }
    switch bounds {
    case .finite: return true
    case .positive: return x > 0
    case .nonNegative: return x >= 0
    case .atLeast(let low): return x >= low
    case .interval(let low, let high, let lowIncluded, let highIncluded):
      return (lowIncluded ? x >= low : x > low) && (highIncluded ? x <= high : x < high)
    }
  }

  /// `x` if the rule accepts it; otherwise the error that says why, naming this setting.
  @discardableResult
  public func validate(_ x: Double) throws -> Double {
    guard accepts(x) else { throw refusal(Self.show(x), below: x < 1, finite: x.isFinite) }
    return x
  }

  /// A whole-number setting (points, batch-size, a width in layers), checked by the same rule.
  @discardableResult
  public func validate(_ n: Int) throws -> Int {
    guard accepts(Double(n)) else { throw refusal(String(n), below: n < 1) }
    return n
  }

  /// "momentum must lie in [0, 1], not 2"; for layers, a width below 1 adds how to ask for none.
  func refusal(_ value: String, below: Bool, finite: Bool = true) -> ConfigurationError {
    let must: String
    switch bounds {
    case .interval: must = "must lie \(boundsText)"
    case .finite: must = "must be a finite number"
    default: must = finite ? "must be \(boundsText)" : "must be a finite number \(boundsText)"
    }
    let hint = self == .layers && below ? "; write none for no hidden layer" : ""
    return ConfigurationError("\(subject) \(must), not \(value)\(hint)", setting: rawValue)
  }

  /// The setting as a message's subject.
  var subject: String {
    switch self {
    case .lr: "lr (the learning rate)"
    case .layers: "each width in layers"
    case .rnn: "rnn (the recurrent layer's units)"
    default: rawValue
    }
  }

  /// 2 rather than 2.0; Swift's shortest exact form otherwise (1e-05, inf, nan).
  static func show(_ x: Double) -> String {
    x.isFinite && x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : x.description
  }
}

extension ConfigurationError {
  /// An error about one setting of the table.
  public init(_ message: String, setting: Setting) {
    self.init(message, setting: setting.rawValue)
  }
}
