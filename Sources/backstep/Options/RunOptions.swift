import ArgumentParser
import BackstepConfig
import BackstepCore

/// Everything that describes a run, shared by every command that trains.
struct RunOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Read settings from a YAML file; flags override it. docs/config.md lists the names.", valueName: "file.yaml"))
  var config: String?

  @OptionGroup(title: "Network") var network: NetworkOptions
  @OptionGroup(title: "Data") var data: DataOptions
  @OptionGroup(title: "Optimizer, regularisation and batches") var training: TrainingOptions

  /// The configuration the flags describe, laid over the YAML file's when there is one.
  func configuration() throws -> RunConfiguration {
    let base = try config.map(ConfigFile.load) ?? RunConfiguration()
    var c = RunConfiguration()
    try network.apply(to: &c)
    data.apply(to: &c)
    try training.apply(to: &c)
    return base.overridden(by: c)
  }
}

/// How long a headless run lasts.
struct StoppingOptions: ParsableArguments {
  @Option(name: .long, help: "Optimizer steps to run (default 1000 unless --epochs is given).")
  var steps: Int?

  @Option(name: .long, help: "Epochs to run instead of a number of steps.")
  var epochs: Int?

  @Option(name: .long, help: "Stop early once the full training loss falls to this.")
  var targetLoss: Double?

  func validate() throws {
    if steps != nil && epochs != nil { throw ValidationError("give --steps or --epochs, not both") }
    if let steps, steps < 0 { throw ValidationError("--steps must be ≥ 0") }
    if let epochs, epochs < 0 { throw ValidationError("--epochs must be ≥ 0") }
    if let targetLoss, !targetLoss.isFinite { throw ValidationError("--target-loss must be a number") }
  }
}
