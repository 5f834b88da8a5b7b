/// z_j = b_j + Σ_i W_ji·a_i for one example: the terms W_ji·a_i (x_i at layer 1) in input order,
/// added onto b_j as the affine kernel adds them. `total` is the record's z.
public struct AffineSum: Equatable, Sendable {
  /// b_j; nil for a dense layer without a bias (the sum then starts from 0).
  public var bias: NamedValue?
  public var sum: TermSum
}

/// z_j = γ_j·x̂_j + β_j with x̂_j = (x_j − μ_j)·invStd_j and invStd_j = 1/√(σ²_j + ε), the batch's
/// statistics as forward(l) measured them.
public struct Normalization: Equatable, Sendable {
  /// x_j, the layer below's output for this example.
  public var input: NamedValue
  public var mean: NamedValue
  public var variance: NamedValue
  public var eps: Double
  /// 1/√(σ²_j + ε).
  public var invStd: Double
  /// x̂_j = (x_j − μ_j)·invStd_j.
  public var xhat: NamedValue
  public var gamma: NamedValue
  public var beta: NamedValue
  /// γ_j·x̂_j; z = scaled + β_j.
  public var scaled: Product
}

/// A batch statistic of a batchnorm layer's input: the examples' terms (x_j for μ_j, (x_j − μ_j)² for
/// σ²_j) summed from 0 in example order, then divided by B: value = sum.total / B.
public struct BatchAverage: Equatable, Sendable {
  public var sum: TermSum
  public var batch: Int
}

/// a_j = f(z_j)·m_j: the activation f named, f(z_j), and the dropout mask factor when the layer
/// has one (then a_j = f(z_j)·m_j, otherwise a_j = f(z_j)).
public struct ActivationStep: Equatable, Sendable {
  public var activation: Activation
  public var z: NamedValue
  /// f(z_j), before dropout.
  public var activated: Double
  public var mask: NamedValue?
}

/// a_j = e_j / Σ_k e_k with e_k = exp(z_k − max_k z_k): the shift keeps every exponential finite
/// and cancels in the ratio, so a_j = exp(z_j)/Σ_k exp(z_k).
public struct SoftmaxStep: Equatable, Sendable {
  /// z_k of every output unit for this example.
  public var logits: [NamedValue]
  /// max_k z_k.
  public var shift: Double
  /// The denominator's terms e_k, each a one-factor product, and their sum.
  public var denominator: TermSum
  /// e_j, the numerator.
  public var numerator: Double
}

/// f′(z_j) as Activation.backward computes it: from a = f(z) for sigmoid (a(1−a)) and tanh (1−a²),
/// from z for the others (relu: 1 if z > 0 else 0, leaky_relu: 1 or 0.01, elu: 1 or e^z, …).
public struct Derivative: Equatable, Sendable {
  public var activation: Activation
  public var z: NamedValue
  /// f(z_j) before dropout.
  public var activated: Double
  public var value: Double
}
