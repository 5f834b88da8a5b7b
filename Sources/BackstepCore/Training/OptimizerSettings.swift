/// Which optimizer updates the parameters, with its hyper-parameters named as in `torch.optim`.
///
/// Every field has PyTorch's default. `eps` and `lr` default per optimizer, so they are
/// optional here and resolved by ``resolvedLR`` and ``resolvedEps``.
public struct OptimizerSettings: Equatable, Sendable {
  public enum Kind: String, CaseIterable, Sendable, Codable {
    case sgd, adagrad, rmsprop, adam, adamw, adadelta
  }

  /// Every name an optimizer may be given by, in the order help lists them: the kinds, with
  /// `momentum` and `nesterov` (SGD with momentum 0.9) after `sgd`.
  public static var names: [String] {
    Kind.allCases.flatMap { $0 == .sgd ? ["sgd", "momentum", "nesterov"] : [$0.rawValue] }
  }

  public var kind: Kind
  public var lr: Double?
  public var weightDecay: Double = 0
  // SGD
  public var momentum: Double = 0
  public var dampening: Double = 0
  public var nesterov: Bool = false
  // Adagrad
  public var lrDecay: Double = 0
  public var initialAccumulatorValue: Double = 0
  // RMSprop (momentum is shared with SGD)
  public var alpha: Double = 0.99
  public var centered: Bool = false
  // Adam
  public var beta1: Double = 0.9
  public var beta2: Double = 0.999
  public var amsgrad: Bool = false
  // Adadelta
  public var rho: Double = 0.9
  public var eps: Double?

  public init(kind: Kind = .sgd, lr: Double? = nil) {
    self.kind = kind
    self.lr = lr
    // torch.optim.AdamW decays by default; the others do not.
    if kind == .adamw { weightDecay = 0.01 }
  }

  /// These settings with every hyper-parameter that is given replaced and the rest kept: how
  /// flags, settings files and model files lay their values over an optimizer.
  public func overriding(
    lr: Double? = nil, momentum: Double? = nil, dampening: Double? = nil, nesterov: Bool? = nil,
    weightDecay: Double? = nil, lrDecay: Double? = nil, initialAccumulatorValue: Double? = nil, alpha: Double? = nil,
    centered: Bool? = nil, beta1: Double? = nil, beta2: Double? = nil, amsgrad: Bool? = nil, rho: Double? = nil,
    eps: Double? = nil
  ) -> OptimizerSettings {
    var o = self
    o.lr = lr ?? o.lr
    o.momentum = momentum ?? o.momentum
    o.dampening = dampening ?? o.dampening
    o.nesterov = nesterov ?? o.nesterov
    o.weightDecay = weightDecay ?? o.weightDecay
    o.lrDecay = lrDecay ?? o.lrDecay
    o.initialAccumulatorValue = initialAccumulatorValue ?? o.initialAccumulatorValue
    o.alpha = alpha ?? o.alpha
    o.centered = centered ?? o.centered
    o.beta1 = beta1 ?? o.beta1
    o.beta2 = beta2 ?? o.beta2
    o.amsgrad = amsgrad ?? o.amsgrad
    o.rho = rho ?? o.rho
    o.eps = eps ?? o.eps
    return o
  }

  /// Parses the command-line names, including `momentum` and `nesterov`: SGD with momentum 0.9.
  public init(named name: String) throws {
    switch name.lowercased() {
    case "momentum":
      self.init(kind: .sgd)
      momentum = 0.9
    case "nesterov":
      self.init(kind: .sgd)
      momentum = 0.9
      nesterov = true
    default:
      guard let kind = Kind(rawValue: name.lowercased()) else {
        throw ConfigurationError(
          "unknown optimizer '\(Excerpt.escaped(name))'; use \(Self.names.joined(separator: ", "))",
          setting: "optimizer")
      }
      self.init(kind: kind)
    }
  }

  /// The learning rate: as given, else 0.03 for SGD (TF Playground's default) and PyTorch's
  /// default for the others.
  public var resolvedLR: Double {
    if let lr { return lr }
    switch kind {
    case .sgd: return 0.03
    case .adagrad, .rmsprop: return 0.01
    case .adam, .adamw: return 0.001
    case .adadelta: return 1.0
    }
  }

  /// ε: as given, else PyTorch's default for this optimizer.
  public var resolvedEps: Double {
    if let eps { return eps }
    switch kind {
    case .sgd: return 0
    case .adagrad: return 1e-10
    case .rmsprop, .adam, .adamw: return 1e-8
    case .adadelta: return 1e-6
    }
  }

  /// A short name with its notable settings, for headers: "sgd lr=0.03 m=0.9".
  public var summary: String { "\(kind.rawValue) lr=\(Format.short(resolvedLR))" + extras }

  /// The notable settings besides the kind and the learning rate, each after a space:
  /// " m=0.9 nesterov", or "" when there are none.
  public var extras: String {
    var s = ""
    if momentum != 0 && (kind == .sgd || kind == .rmsprop) { s += " m=\(Format.short(momentum))" }
    if nesterov { s += " nesterov" }
    if amsgrad { s += " amsgrad" }
    if centered { s += " centered" }
    if weightDecay != 0 { s += " wd=\(Format.short(weightDecay))" }
    return s
  }

  /// Rejects settings PyTorch would reject, with the reason, by the rules of ``Setting``.
  public func validate() throws {
    try Setting.lr.validate(resolvedLR)
    // SGD has no ε; its model files record 0 there.
    if let eps, kind != .sgd { try Setting.eps.validate(eps) }
    let rules: [(Setting, Double)] = [
      (.weightDecay, weightDecay), (.momentum, momentum), (.dampening, dampening), (.lrDecay, lrDecay),
      (.initialAccumulatorValue, initialAccumulatorValue), (.alpha, alpha), (.beta1, beta1), (.beta2, beta2), (.rho, rho),
    ]
    for (setting, value) in rules { try setting.validate(value) }
    if nesterov && (momentum <= 0 || dampening != 0) {
      throw ConfigurationError(
        "nesterov needs momentum > 0 and dampening 0, not momentum \(Format.short(momentum)) and dampening \(Format.short(dampening))",
        setting: "nesterov")
    }
  }
}
