extension Hyperparameter {
  /// Every numeric and true-or-false setting, in the order docs/config.md lists them. `{bounds}`
  /// in a sentence stands for the rule's bounds ("in [0, 1]").
  public static let all: [Hyperparameter] = [
    .init("points", .count(.points, \.points), .data, "Points generated for a built-in set, {bounds} (default {default})."),
    .init("noise", .number(.noise, \.noise), .data, "Noise of a built-in set, {bounds}, as TF Playground's slider (default 0)."),
    .init(
      "train-ratio", .number(.trainRatio, \.trainRatio), .data,
      "The share of rows that train, {bounds}; the rest test. Default: 0.5 of a built-in set, every row of a CSV file."),
    .init(
      "seq-len", .count(.seqLen, \.seqLen), .data, aliases: ["seqlen"],
      "Time steps T of a built-in sequence set (adding, parity, sine), {bounds} (default {default})."),
    .init("layers", .widths, .network, "Hidden layer widths, each {bounds}, e.g. 8,8 (default {default}); 'none' for no hidden layer."),
    .init(
      "batch-norm", .toggle(\.batchNorm), .network, aliases: ["bn"],
      "A batchnorm layer after every hidden dense layer, which then has no bias; the batchnorm layer takes the activation."),
    .init(
      "rnn", .count(.rnn, \.rnn), .network, zeroTurnsOff: true,
      "A recurrent (Elman) first layer of this many units, {bounds}, reading the sequence; --layers are dense layers after it."),
    .init("bias-init", .number(.biasInit, \.biasInit), .network, "Start value of every bias, any number (default 0; 0.1 with --init playground)."),
    .init("lr", .number(.lr, \.lr), .training, "Learning rate, {bounds} (default {default}; PyTorch's, but for sgd)."),
    .init("momentum", .number(.momentum, \.momentum), .training, "Momentum (sgd, rmsprop), {bounds}."),
    .init("dampening", .number(.dampening, \.dampening), .training, "Dampening of the momentum (sgd), {bounds}."),
    .init("nesterov", .toggle(\.nesterov), .training, "Nesterov momentum (sgd)."),
    .init(
      "weight-decay", .number(.weightDecay, \.weightDecay), .training,
      "PyTorch's weight_decay, {bounds}: added to the gradient, or for adamw taken off the weights apart from it (default {default})."),
    .init("lr-decay", .number(.lrDecay, \.lrDecay), .training, "Learning-rate decay (adagrad), {bounds}."),
    .init(
      "initial-accumulator-value", .number(.initialAccumulatorValue, \.initialAccumulatorValue), .training,
      "Initial accumulator value (adagrad), {bounds}."),
    .init("alpha", .number(.alpha, \.alpha), .training, "Smoothing constant (rmsprop), {bounds} (default {default})."),
    .init("centered", .toggle(\.centered), .training, "Centered RMSprop."),
    .init("beta1", .number(.beta1, \.beta1), .training, "β1 of adam and adamw, {bounds} (default {default})."),
    .init("beta2", .number(.beta2, \.beta2), .training, "β2 of adam and adamw, {bounds} (default {default})."),
    .init("amsgrad", .toggle(\.amsgrad), .training, "AMSGrad variant of Adam."),
    .init("rho", .number(.rho, \.rho), .training, "Adadelta's ρ, {bounds} (default {default})."),
    .init("eps", .number(.eps, \.eps), .training, "ε, {bounds} (default {default}; sgd has none)."),
    .init("l1", .number(.l1, \.l1), .training, "L1 penalty l1·Σ|W| on the weights, {bounds}."),
    .init("l2", .number(.l2, \.l2), .training, "L2 penalty l2·½‖W‖² on the weights, {bounds}."),
    .init("regularize-biases", .toggle(\.regularizeBiases), .training, "Apply --l1 and --l2 to the biases too."),
    .init(
      "clip-norm", .number(.clipNorm, \.clipNorm), .training, aliases: ["clip"], zeroTurnsOff: true,
      "Clip the global gradient norm to this (clip_grad_norm_), {bounds}."),
    .init(
      "clip-value", .number(.clipValue, \.clipValue), .training, aliases: ["clipv"], zeroTurnsOff: true,
      "Clip each gradient element to ±this (clip_grad_value_), {bounds}."),
    .init("dropout", .number(.dropout, \.dropout), .training, "Inverted dropout on hidden layers, a probability {bounds}."),
    .init("batch-size", .rows, .training, aliases: ["batch"], "Rows per step, at least 1, or 'full' (default {default})."),
    .init("shuffle", .toggle(\.shuffle), .training, "Shuffle the rows each epoch (default {default})."),
    .init("seed", .seed, .data, "Seed of weights, data, shuffling and dropout, a whole number ≥ 0 (default {default})."),
    .init(
      "break-on", .breakpoints, .watch, aliases: ["break"],
      "Stop at these conditions, comma-separated: \(BreakCondition.forms); nan is kept first unless named or off (none) (default {default})."),
    .init(
      "vanishing-norm", .number(.vanishingNorm, \.vanishingNorm), .watch,
      "A layer's gradient is vanishing when ‖dW‖ falls below this, {bounds} (default {default})."),
    .init(
      "exploding-norm", .number(.explodingNorm, \.explodingNorm), .watch,
      "A layer's gradient is exploding when ‖dW‖ rises above this, {bounds} (default {default})."),
    .init(
      "vanishing-ratio", .number(.vanishingRatio, \.vanishingRatio), .watch,
      "Vanishing too when ‖dW_l‖/‖dW_L‖ (against the output layer) falls below this, {bounds} (default {default})."),
    .init(
      "exploding-ratio", .number(.explodingRatio, \.explodingRatio), .watch,
      "Exploding too when ‖dW_l‖/‖dW_L‖ rises above this, {bounds} (default {default})."),
  ]
}
