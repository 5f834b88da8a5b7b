/// The defaults that help sentences state, read from where the code declares them, so that a
/// changed default changes its help: `{default}` in a sentence stands for ``defaultText``.
extension Hyperparameter {
  /// "0.99", or per optimizer where the kinds differ: "0.03 for sgd, 0.01 for adagrad and
  /// rmsprop, 0.001 for adam and adamw, 1 for adadelta". Nil for a setting with no default
  /// worth stating.
  public var defaultText: String? {
    switch key {
    case "points": "\(RunConfiguration.defaultPoints)"
    case "seq-len": "\(RunConfiguration.defaultSeqLen)"
    case "layers": RunConfiguration.defaultLayers.map(String.init).joined(separator: ",")
    case "batch-size": "\(RunConfiguration.defaultBatchSize)"
    case "seed": "\(RunConfiguration.defaultSeed)"
    case "shuffle": TrainingSettings().shuffle ? "on" : "off"
    case "lr": Self.perKind { $0.resolvedLR }
    case "eps": Self.perKind(only: OptimizerSettings.Kind.allCases.filter { $0 != .sgd }) { $0.resolvedEps }
    case "weight-decay": Self.perKind { $0.weightDecay }
    case "alpha": Self.perKind(only: [.rmsprop]) { $0.alpha }
    case "beta1": Self.perKind(only: [.adam, .adamw]) { $0.beta1 }
    case "beta2": Self.perKind(only: [.adam, .adamw]) { $0.beta2 }
    case "rho": Self.perKind(only: [.adadelta]) { $0.rho }
    case "break-on": Breakpoints.standard.text
    case "vanishing-norm": Setting.show(VerdictThresholds().vanishingNorm)
    case "exploding-norm": Setting.show(VerdictThresholds().explodingNorm)
    case "vanishing-ratio": Setting.show(VerdictThresholds().vanishingRatio)
    case "exploding-ratio": Setting.show(VerdictThresholds().explodingRatio)
    default: nil
    }
  }

  /// One optimizer setting's default for each kind, grouped by value: the kinds that share the
  /// most common value are named last and, when that covers all but a few, as "the others".
  static func perKind(
    only kinds: [OptimizerSettings.Kind] = OptimizerSettings.Kind.allCases, _ value: (OptimizerSettings) -> Double
  ) -> String {
    var groups: [(value: Double, kinds: [String])] = []
    for kind in kinds {
      let v = value(OptimizerSettings(kind: kind))
      if let i = groups.firstIndex(where: { $0.value == v }) {
        groups[i].kinds.append(kind.rawValue)
      } else {
        groups.append((v, [kind.rawValue]))
      }
    }
    if groups.count == 1 { return Setting.show(groups[0].value) }
    return groups.map { g in
      "\(Setting.show(g.value)) for " + (g.kinds.count == 1 ? g.kinds[0] : g.kinds.dropLast().joined(separator: ", ") + " and " + (g.kinds.last ?? ""))
    }.joined(separator: ", ")
  }
}
