/// δ_j = (dL/da_j · m_j) · f′(z_j) for a hidden layer l, with dL/da_j coming from layer l + 1.
public struct HiddenDelta: Equatable, Sendable {
  /// Where dL/da_j came from.
  public var upstream: Upstream
  /// dL/da_j = Σ_k δ_k·W_kj, layer l+1's dL/da_{l} (its dAPrev).
  public var dLda: NamedValue
  /// The dropout mask factor of layer l, when it has dropout: the gradient passes only where
  /// the unit was kept, scaled as it was.
  public var mask: NamedValue?
  /// dL/da_j · m_j (dL/da_j itself without dropout).
  public var masked: Double
  public var fPrime: Derivative
}

/// How dL/da_j of layer l was made by layer l + 1.
public enum Upstream: Equatable, Sendable {
  /// A dense layer above: Σ_k δ_k·W_kj over its units k, from 0 in unit order.
  case weighted(TermSum)
  /// A batchnorm layer above passes dL/dx through its statistics (no W sum):
  /// dL/dx = direct + throughMean + throughVariance (see docs/maths.md).
  case batchNorm(direct: Double, throughMean: Double, throughVariance: Double)
}

/// δ_j = dL/dz_j at the output, from the loss with the target t and the prediction p = a_L.
public struct OutputDelta: Equatable, Sendable {
  public var loss: Loss
  public var target: NamedValue
  public var prediction: NamedValue
  /// B, the examples in the batch, and K, the outputs.
  public var batch: Int
  public var outputs: Int
  /// How δ follows from the loss.
  public var chain: Chain

  public enum Chain: Equatable, Sendable {
    /// bce with sigmoid, ce with softmax: δ = (p·s − t)/B straight from the logit, where s is the
    /// target row's total (1 for one-hot ce rows, and 1 for bce), so δ = (p − t)/B.
    case fused(targetMass: Double)
    /// δ = dL/da · f′(z), with dL/da from the loss: mse (a − t)/B, mse_mean 2(a − t)/(B·K),
    /// bce (a − t)/(a(1 − a)B), ce −t/(a·B).
    case elementwise(dLda: NamedValue, fPrime: Derivative)
    /// A softmax output under an unfused loss: δ_j = a_j·(dL/da_j − Σ_k dL/da_k·a_k).
    case softmax(dLda: NamedValue, dot: TermSum)
  }
}

/// A parameter's gradient summed over the examples of the batch, in example order from 0, plus
/// the regularisation term: dW_ji = Σ_e δ_j·a_i + reg, db_j = Σ_e δ_j (+ reg with biases),
/// dγ_j = Σ_e δ_j·x̂_j, dβ_j = Σ_e δ_j. `total` equals the record's dW or db.
public struct GradientSum: Equatable, Sendable {
  public var sum: TermSum
  public var regularization: RegularizationTerm?
  public var total: Double
}

/// l2·θ + l1·sign(θ) for one parameter θ, added to its gradient before clipping.
public struct RegularizationTerm: Equatable, Sendable {
  public var l1: Double
  public var l2: Double
  /// θ, the parameter's value when backward(l) ran.
  public var parameter: NamedValue
  public var value: Double
}
