import BackstepCore

/// What sets one run apart from another, each as the prompt names it (`act tanh`,
/// `layers 4,4`, `data circle`): a rebuilt run's ghost curve is labelled with the aspects of
/// the old run that the new one does not share.
enum RunAspects {
  /// The aspects of the run `stepper` was built from `config`, read from the network and data
  /// where they hold them and from the configuration (with its defaults) where they do not.
  static func of(_ config: RunConfiguration, _ stepper: Stepper) -> [String] {
    let network = stepper.network
    let hidden = network.layers.dropLast()
    let widths = hidden.filter { $0.batchNorm == nil }.map { String($0.units) }
    return [
      "act " + (hidden.last?.activation.rawValue ?? "none"),
      "layers " + (widths.isEmpty ? "none" : widths.joined(separator: ",")),
      "bn " + (network.hasBatchNorm ? "on" : "off"),
      "init " + (config.initializer ?? "xavier"),
      "bias-init " + (config.biasInit.map { Format.short($0) } ?? "default"),
      "output " + (network.layers.last?.activation.rawValue ?? ""),
      "loss " + network.loss.rawValue,
      "data " + stepper.data.train.name,
      "points " + String(config.points ?? RunConfiguration.defaultPoints),
      "noise " + Format.short(config.noise ?? 0),
      "train-ratio " + (config.trainRatio.map { Format.short($0) } ?? "default"),
      "seed " + String(config.seed ?? RunConfiguration.defaultSeed),
    ]
  }

  /// "before: act tanh": the first two aspects of `old` that `new` does not share, or
  /// "before: reset" when the two runs share them all.
  static func label(old: [String], new: [String]) -> String {
    let differing = old.filter { !new.contains($0) }
    guard !differing.isEmpty else { return "before: reset" }
    return "before: " + differing.prefix(2).joined(separator: ", ") + (differing.count > 2 ? ", …" : "")
  }
}
