import ArgumentParser
import BackstepCore

/// The optimizer and its hyper-parameters (named like PyTorch's), regularisation, clipping,
/// dropout and batches.
struct TrainingOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("\(OptimizerSettings.names.joined(separator: ", ")) (default sgd).", valueName: "name"))
  var optimizer: String?

  @Option(name: .long, parsing: .unconditional, help: .setting("lr")) var lr: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("momentum")) var momentum: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("dampening")) var dampening: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: .setting("nesterov")) var nesterov: Bool?
  @Option(name: .long, parsing: .unconditional, help: .setting("weight-decay")) var weightDecay: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("lr-decay")) var lrDecay: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("initial-accumulator-value")) var initialAccumulatorValue: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("alpha")) var alpha: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: .setting("centered")) var centered: Bool?
  @Option(name: .long, parsing: .unconditional, help: .setting("beta1")) var beta1: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("beta2")) var beta2: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: .setting("amsgrad")) var amsgrad: Bool?
  @Option(name: .long, parsing: .unconditional, help: .setting("rho")) var rho: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("eps")) var eps: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("l1")) var l1: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("l2")) var l2: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: .setting("regularize-biases")) var regularizeBiases: Bool?
  @Option(name: .long, parsing: .unconditional, help: .setting("clip-norm")) var clipNorm: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("clip-value")) var clipValue: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("dropout")) var dropout: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("batch-size", valueName: "n|full")) var batchSize: String?
  @Flag(name: .long, inversion: .prefixedNo, help: .setting("shuffle")) var shuffle: Bool?
  @Option(name: .long, parsing: .unconditional, help: .setting("seed")) var seed: UInt64?

  /// Sets the optimizer and the table's settings; returns the keys of the table seen here.
  func apply(to c: inout RunConfiguration) throws -> Set<String> {
    c.optimizer = optimizer
    return try applyTableSettings(to: &c)
  }
}
