import ArgumentParser
import BackstepCore

/// The optimizer and its hyper-parameters (named like PyTorch's), regularisation, clipping,
/// dropout and batches.
struct TrainingOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("\(OptimizerSettings.names.joined(separator: ", ")) (default sgd).", valueName: "name"))
  var optimizer: String?

  @Option(name: .long, help: "Learning rate (default 0.03 for sgd; PyTorch's default for the others).")
  var lr: Double?

  @Option(name: .long, help: "Momentum (sgd, rmsprop).") var momentum: Double?
  @Option(name: .long, help: "Dampening of the momentum (sgd).") var dampening: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: "Nesterov momentum (sgd).") var nesterov: Bool?
  @Option(name: .long, help: "PyTorch's weight_decay: added to the gradient, or for adamw taken off the weights apart from it (default 0, 0.01 for adamw).")
  var weightDecay: Double?
  @Option(name: .long, help: "Learning-rate decay (adagrad).") var lrDecay: Double?
  @Option(name: .long, help: "Initial accumulator value (adagrad).") var initialAccumulatorValue: Double?
  @Option(name: .long, help: "Smoothing constant (rmsprop, default 0.99).") var alpha: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: "Centered RMSprop.") var centered: Bool?
  @Option(name: .long, help: "Adam's β1 (default 0.9).") var beta1: Double?
  @Option(name: .long, help: "Adam's β2 (default 0.999).") var beta2: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: "AMSGrad variant of Adam.") var amsgrad: Bool?
  @Option(name: .long, help: "Adadelta's ρ (default 0.9).") var rho: Double?
  @Option(name: .long, help: "ε of adagrad, rmsprop, adam, adamw, adadelta (PyTorch's defaults).") var eps: Double?

  @Option(name: .long, help: "L1 penalty l1·Σ|W| on the weights.") var l1: Double?
  @Option(name: .long, help: "L2 penalty l2·½‖W‖² on the weights.") var l2: Double?
  @Flag(name: .long, inversion: .prefixedNo, help: "Apply --l1 and --l2 to the biases too.") var regularizeBiases: Bool?
  @Option(name: .long, help: "Clip the global gradient norm to this (clip_grad_norm_).") var clipNorm: Double?
  @Option(name: .long, help: "Clip each gradient element to ±this (clip_grad_value_).") var clipValue: Double?
  @Option(name: .long, help: "Inverted dropout on hidden layers, probability in [0, 1).") var dropout: Double?

  @Option(name: .long, help: ArgumentHelp("Rows per step, or 'full' (default 10).", valueName: "n|full"))
  var batchSize: String?
  @Flag(name: .long, inversion: .prefixedNo, help: "Shuffle the rows each epoch (default on).") var shuffle: Bool?
  @Option(name: .long, help: "Seed of weights, data, shuffling and dropout (default 1).") var seed: UInt64?

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
