import ArgumentParser
import BackstepCore

/// The optimizer and its hyper-parameters (named like PyTorch's), regularisation, clipping,
/// dropout and batches.
struct TrainingOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("\(OptimizerSettings.names.joined(separator: ", ")) (default sgd).", valueName: "name"))
  var optimizer: String?

  @Option(name: .long, parsing: .unconditional, help: "Learning rate, \(Setting.lr.boundsText) (default 0.03 for sgd; PyTorch's default for the others).")
  var lr: Double?

  @Option(name: .long, parsing: .unconditional, help: "Momentum (sgd, rmsprop), \(Setting.momentum.boundsText).") var momentum: Double?
  @Option(name: .long, parsing: .unconditional, help: "Dampening of the momentum (sgd), \(Setting.dampening.boundsText).") var dampening: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: "Nesterov momentum (sgd).") var nesterov: Bool?
  @Option(
    name: .long, parsing: .unconditional,
    help: "PyTorch's weight_decay, ≥ 0: added to the gradient, or for adamw taken off the weights apart from it (default 0; 0.01 for adamw).")
  var weightDecay: Double?
  @Option(name: .long, parsing: .unconditional, help: "Learning-rate decay (adagrad), \(Setting.lrDecay.boundsText).") var lrDecay: Double?
  @Option(name: .long, parsing: .unconditional, help: "Initial accumulator value (adagrad), \(Setting.initialAccumulatorValue.boundsText).")
  var initialAccumulatorValue: Double?
  @Option(name: .long, parsing: .unconditional, help: "Smoothing constant (rmsprop), \(Setting.alpha.boundsText) (default 0.99).") var alpha: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: "Centered RMSprop.") var centered: Bool?
  @Option(name: .long, parsing: .unconditional, help: "Adam's β1, \(Setting.beta1.boundsText) (default 0.9).") var beta1: Double?
  @Option(name: .long, parsing: .unconditional, help: "Adam's β2, \(Setting.beta2.boundsText) (default 0.999).") var beta2: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: "AMSGrad variant of Adam.") var amsgrad: Bool?
  @Option(name: .long, parsing: .unconditional, help: "Adadelta's ρ, \(Setting.rho.boundsText) (default 0.9).") var rho: Double?
  @Option(name: .long, parsing: .unconditional, help: "ε of adagrad, rmsprop, adam, adadelta, \(Setting.eps.boundsText) (PyTorch's defaults).") var eps: Double?

  @Option(name: .long, parsing: .unconditional, help: "L1 penalty l1·Σ|W| on the weights, \(Setting.l1.boundsText).") var l1: Double?
  @Option(name: .long, parsing: .unconditional, help: "L2 penalty l2·½‖W‖² on the weights, \(Setting.l2.boundsText).") var l2: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: "Apply --l1 and --l2 to the biases too.") var regularizeBiases: Bool?
  @Option(name: .long, parsing: .unconditional, help: "Clip the global gradient norm to this (clip_grad_norm_), \(Setting.clipNorm.boundsText).") var clipNorm:
    Double?
  @Option(name: .long, parsing: .unconditional, help: "Clip each gradient element to ±this (clip_grad_value_), \(Setting.clipValue.boundsText).") var clipValue:
    Double?
  @Option(name: .long, parsing: .unconditional, help: "Inverted dropout on hidden layers, a probability \(Setting.dropout.boundsText).") var dropout: Double?

  @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Rows per step, at least 1, or 'full' (default 10).", valueName: "n|full"))
  var batchSize: String?
  @Flag(name: .long, inversion: .prefixedNo, help: "Shuffle the rows each epoch (default on).") var shuffle: Bool?
  @Option(name: .long, parsing: .unconditional, help: "Seed of weights, data, shuffling and dropout, a whole number ≥ 0 (default 1).") var seed: UInt64?

  func apply(to c: inout RunConfiguration) throws {
    c.optimizer = optimizer
    c.lr = lr
    c.momentum = momentum
    c.dampening = dampening
    c.nesterov = nesterov
    c.weightDecay = weightDecay
    c.lrDecay = lrDecay
    c.initialAccumulatorValue = initialAccumulatorValue
    c.alpha = alpha
    c.centered = centered
    c.beta1 = beta1
    c.beta2 = beta2
    c.amsgrad = amsgrad
    c.rho = rho
    c.eps = eps
    c.l1 = l1
    c.l2 = l2
    c.regularizeBiases = regularizeBiases
    c.clipNorm = clipNorm
    c.clipValue = clipValue
    c.dropout = dropout
    if let batchSize { c.batchSize = try Lists.batchSize(batchSize) }
    c.shuffle = shuffle
    c.seed = seed
  }
}
