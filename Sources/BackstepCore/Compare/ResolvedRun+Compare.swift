/// What a comparison reads of a resolved run: whether two runs would train alike, and the value
/// a setting took in one, defaults and a model file's values included.
extension ResolvedRun {
  /// Whether `other` has the same network, training settings and watch: the same run.
  func runsAlike(_ other: ResolvedRun) -> Bool {
    network == other.network && settings == other.settings && thresholds == other.thresholds && breakpoints == other.breakpoints
  }

  /// The value the setting `name` (canonical) took in this run, as `config` resolved to it:
  /// "tanh" for the default activation, "0.03" for sgd's default learning rate.
  func valueText(of name: String, in config: RunConfiguration) -> String {
    let hidden = network.specs.dropLast()
    let dense = hidden.filter { $0.kind == .dense || $0.kind == .denseWithoutBias }
    let recurrent = hidden.first { $0.kind == .recurrent }
    switch name {
    case "activation": return (dense.last?.activation ?? config.activation ?? .tanh).rawValue
    case "rnn": return recurrent.map { String($0.units) } ?? "off"
    case "rnn-activation": return (recurrent?.activation ?? config.rnnActivation ?? .tanh).rawValue
    case "output": return network.specs[network.specs.count - 1].activation.rawValue
    case "loss": return network.loss.rawValue
    case "init": return initializer?.description ?? "the model's"
    case "optimizer": return settings.optimizer.kind.rawValue
    case "layers":
      let widths = dense.map { String($0.units) }
      return widths.isEmpty ? "none" : widths.joined(separator: ",")
    case "batch-norm": return network.hasBatchNorm ? "on" : "off"
    case "bias-init": return config.biasStart(self).map(Setting.show) ?? "the model's"
    case "batch-size": return settings.batchSize.map(String.init) ?? "full"
    case "break-on": return Breakpoints(breakpoints).text
    case "vanishing-norm": return Setting.show(thresholds.vanishingNorm)
    case "exploding-norm": return Setting.show(thresholds.explodingNorm)
    case "vanishing-ratio": return Setting.show(thresholds.vanishingRatio)
    case "exploding-ratio": return Setting.show(thresholds.explodingRatio)
    default: return Self.text(of: name, in: RawTraining(settings).values) ?? "off"
    }
  }

  /// A training setting of the table as `values` holds it, or nil when unset.
  static func text(of name: String, in values: RunConfiguration) -> String? {
    switch Hyperparameter.named(name)?.value {
    case .number(_, let field): values[keyPath: field].map(Setting.show)
    case .count(_, let field): values[keyPath: field].map(String.init)
    case .toggle(let field): values[keyPath: field].map { $0 ? "on" : "off" }
    default: nil
    }
  }
}

extension RunConfiguration {
  /// The value every bias of a fresh network of this run starts at; nil when the weights came from a model file.
  func biasStart(_ run: ResolvedRun) -> Double? {
    run.initializer.map { biasInit ?? $0.defaultBias }
  }
}
