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
  @OptionGroup(title: "Breakpoints and the verdict (view and train)") var watch: WatchOptions

  /// The configuration the flags describe, laid over the YAML file's when there is one.
  func configuration() throws -> RunConfiguration {
    let base = try config.map(ConfigFile.load) ?? RunConfiguration()
    var c = RunConfiguration()
    let seen = try network.apply(to: &c).union(data.apply(to: &c)).union(training.apply(to: &c)).union(watch.apply(to: &c))
    precondition(seen.count == Hyperparameter.all.count, "a setting of the table has no flag: \(Set(Hyperparameter.all.map(\.key)).subtracting(seen))")
    return base.overridden(by: c)
  }
}

/// How long a headless run lasts.
///
/// Numbers are parsed unconditionally, so that `--steps -1` is read as the number -1 and
/// refused as one, instead of being taken for a flag named `-1`.
struct StoppingOptions: ParsableArguments {
  @Option(name: .long, parsing: .unconditional, help: "Optimizer steps to run, at least 1 (default 1000, 10 for trace, unless --epochs is given).")
  var steps: Int?

  @Option(name: .long, parsing: .unconditional, help: "Epochs to run instead of a number of steps, at least 1.")
  var epochs: Int?

  @Option(name: .long, parsing: .unconditional, help: "Stop early once the full training loss falls to this.")
  var targetLoss: Double?

  func validate() throws {
    if steps != nil && epochs != nil { throw ValidationError("give --steps or --epochs, not both") }
    if let steps, steps < 1 { throw ValidationError("--steps must be at least 1, not \(steps)") }
    if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, not \(epochs)") }
    if let targetLoss, !targetLoss.isFinite { throw ValidationError("--target-loss must be a number") }
  }
}
