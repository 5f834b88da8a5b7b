/// The maps of one layer the screen can draw, each named by the quantity it holds. Their
/// ``MapScale``s are measured by the stage that computes them (the weights' by each change of
/// the weights) and read from ``Stepper/scale(of:layer:)``.
public enum ShownMap: Hashable, Sendable, CaseIterable {
  /// z_l and a_l `[B × n]`, computed by forward(l).
  case z, a
  /// A batchnorm layer's x̂ `[B × n]` and its batch statistics μ, σ² `[n]`, from forward(l).
  case xhat, mean, variance
  /// δ_l `[B × n]`, dW_l `[n × n_in]` (dγ for batchnorm) and db_l `[n]` (dβ), from backward(l).
  case delta, dW, db
  /// W_l `[n × n_in]` (γ as `[n × 1]` for batchnorm) and a batchnorm layer's β `[n]`, from the weights.
  case weights, beta
  /// A dense layer's b_l `[n]`, from the weights (the biases slot; a batchnorm layer's is ``beta``).
  case bias
  /// The targets t `[B × K]` of the batch and dL/da_L `[B × K]` from the loss stage, addressed
  /// at the output layer L (see ``MapRef``).
  case target, outputGradient
  /// f′(z_l) `[B × n]`, from backward(l) when δ_l was chained through it; empty when δ_L came
  /// fused from the logit, or when f′ is not elementwise (softmax).
  case fPrime

  /// The values the map can hold, known without looking at them: a = f(z) lies in f's range
  /// and f′(z) in f′'s (`activation` is the layer's; nil when not known), and a batch variance
  /// σ² is ≥ 0; nil for maps that can hold any value.
  public func range(activation: Activation? = nil) -> ClosedRange<Double>? {
    switch self {
    case .a: activation?.range
    case .fPrime: activation?.derivativeRange
    case .variance: 0...Double.infinity
    default: nil
    }
  }

  /// Whether the map holds parameters, which change at the update rather than at a stage.
  public var isParameter: Bool { self == .weights || self == .beta || self == .bias }
}
