/// One value of the record or the network, and how the stage that made it computed it, with
/// the live numbers that stage used: what the inspector explains. Built by
/// ``Stepper/decompose(layer:map:row:column:)``.
///
/// Every sum and product the screen prints is a field here, computed once in the engine's order
/// of operations, so that the parts add up to the shown value to the last bit. A NaN anywhere is
/// carried as NaN.
public struct Decomposition: Equatable, Sendable {
  /// What is explained: its name, layer, 1-based indices and value (equal to the record's).
  public var value: NamedValue
  /// The formula it came from, with its parts.
  public var form: Form

  /// The formulas a value can come from, one case per kind of map and layer.
  public enum Form: Equatable, Sendable {
    /// z_j = Σ_i W_ji·a_i + b_j of a dense layer.
    case affine(AffineSum)
    /// z_j = γ_j·x̂_j + β_j of a batchnorm layer.
    case normalized(Normalization)
    /// x̂_j = (x_j − μ_j)·invStd_j of a batchnorm layer: the same parts as z's.
    case standardized(Normalization)
    /// μ_j = (1/B)·Σ_e x_j or σ²_j = (1/B)·Σ_e (x_j − μ_j)² of a batchnorm layer.
    case batchAverage(BatchAverage)
    /// a_j = f(z_j), times the dropout mask when the layer has one.
    case activation(ActivationStep)
    /// a_j = exp(z_j)/Σ_k exp(z_k) of a softmax output.
    case softmax(SoftmaxStep)
    /// δ_j = (Σ_k δ_k·W_kj) ⊙ f′(z_j) of a hidden layer.
    case hiddenDelta(HiddenDelta)
    /// δ = dL/dz at the output, from the loss's formula.
    case outputDelta(OutputDelta)
    /// dW_ji = Σ_e δ_j·a_i (+ regularisation), db_j = Σ_e δ_j, and batchnorm's dγ, dβ.
    case gradient(GradientSum)
    /// f′(z_j), as backward(l) used it.
    case derivative(Derivative)
    /// A parameter's value and, once this iteration's update has run, how the update moved it.
    case parameter(ParameterUpdate?)
  }
}

/// The names of the quantities a decomposition mentions, for the screen to typeset with its
/// subscripts and primes.
public enum Symbol: String, Equatable, Sendable, CaseIterable {
  /// The input x (layer 0), z, a, the weights W and the biases b.
  case x, z, a, w = "W", b
  /// δ = dL/dz, f′(z), the target t, the prediction a_L and dL/da.
  case delta = "δ", fPrime = "f′", t, prediction = "p", dLda = "dL/da"
  /// The gradients of the weights and the biases.
  case dW, db
  /// Batchnorm's scale and shift, its normalised input and its batch statistics.
  case gamma = "γ", beta = "β", xhat = "x̂", mean = "μ", variance = "σ²"
  /// x − μ, one example's deviation from its batch mean.
  case deviation = "x−μ"
  /// A batchnorm layer's dL/dx, passed to the layer below.
  case dLdx = "dL/dx"
  /// A dropout mask factor, 0 or 1/(1−p).
  case mask = "m"
  /// exp(z_k − max_k z_k), one term of a softmax's denominator.
  case exp = "exp"
}

/// A value with its name, layer (0 for the input) and 1-based indices: [unit, example] for
/// per-example maps, [output unit, input unit] for W and dW, [unit] for vectors.
public struct NamedValue: Equatable, Sendable {
  public var name: Symbol
  public var layer: Int?
  public var indices: [Int]
  public var value: Double

  public init(_ name: Symbol, layer: Int?, _ indices: [Int], _ value: Double) {
    self.name = name
    self.layer = layer
    self.indices = indices
    self.value = value
  }
}

/// A product of named factors, multiplied left to right.
public struct Product: Equatable, Sendable {
  public var factors: [NamedValue]
  public var value: Double

  public init(_ factors: [NamedValue]) {
    self.factors = factors
    self.value = factors.dropFirst().reduce(factors.first?.value ?? 1) { $0 * $1.value }
  }
}
