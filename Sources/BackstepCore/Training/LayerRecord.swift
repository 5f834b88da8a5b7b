/// What the stages of one iteration computed for one layer l. B is the batch size,
/// n the layer's units, n_in its inputs.
///
/// The gradients of a layer's parameters sit in two slots, as the trace writes them: `dW` for
/// the multiplying tensor (a dense W, a batchnorm γ as `[n × 1]`) and `db` for the shifting one
/// (b, β); see ``Layer/gradient(of:in:)``.
public struct LayerRecord: Equatable, Sendable {
  /// The pre-activation, `[B × n]`: z_l = a_{l−1} W_lᵀ + b_l, or γ·x̂ + β for batchnorm.
  public var z = Matrix(rows: 0, cols: 0)
  /// a_l, the layer's output after dropout, `[B × n]`.
  public var a = Matrix(rows: 0, cols: 0)
  /// f(z_l) before dropout, `[B × n]`; nil when dropout is off for this layer.
  public var activated: Matrix?
  /// Dropout multipliers, 0 or 1/(1−p), `[B × n]`; nil when dropout is off for this layer.
  public var mask: Matrix?
  /// δ_l = dL/dz_l, `[B × n]`.
  public var delta = Matrix(rows: 0, cols: 0)
  /// f′(z_l) `[B × n]`, set by backward(l) as it makes δ_l = dL/da_l ⊙ f′(z_l) (with dropout, f′
  /// is of z; the mask stays in ``mask``). Empty when δ_L came fused from the logit, and for
  /// softmax, whose derivative is a Jacobian rather than one number per entry.
  public var fPrime = Matrix(rows: 0, cols: 0)
  /// dL/dW_l including regularisation, before clipping, `[n × n_in]`.
  public var dW = Matrix(rows: 0, cols: 0)
  /// dL/db_l, before clipping, `[n]`.
  public var db: [Double] = []
  /// dL/da_{l−1} = δ_l W_l, the gradient passed down, `[B × n_in]`.
  public var dAPrev = Matrix(rows: 0, cols: 0)
  /// The gradients the optimizer received, after clipping: `[n × n_in]` and `[n]`.
  public var appliedDW = Matrix(rows: 0, cols: 0)
  public var appliedDb: [Double] = []
  /// The update the optimizer made, ΔW = W_new − W_old `[n × n_in]` and Δb `[n]`.
  public var updateW = Matrix(rows: 0, cols: 0)
  public var updateB: [Double] = []
  /// A batchnorm layer's statistics and x̂; nil for other kinds.
  public var batchNorm: BatchNormRecord?
  /// A recurrent layer's values at every time step; nil for other kinds. Its z, a, f′ and δ
  /// above are those of the time step run last, and its dW `[n × (n_in + n)]` and db `[2n]`
  /// hold both weight matrices and both biases (see ``RecurrentLayer``).
  public var recurrent: RecurrentRecord?
  /// What forward(l) and backward(l) measured of these values, set by the stepper as each runs.
  public var forwardReading: ForwardReading?
  public var backwardReading: BackwardReading?

  public init() {}
}
