/// One fully connected layer: z = a_prev · Wᵀ + b, then a = f(z).
public struct DenseLayer: Equatable, Sendable {
  /// `[outputs × inputs]`: row o holds the weights into unit o (PyTorch's layout).
  public var weights: Matrix
  /// `[outputs]`; all zeros when the layer has no bias.
  public var bias: [Double]
  public var activation: Activation
  /// Whether b is a parameter. A dense layer just below a batchnorm layer has none, like
  /// PyTorch's `Linear(bias=False)`: the normalisation would cancel it.
  public var hasBias: Bool

  public init(weights: Matrix, bias: [Double], activation: Activation, hasBias: Bool = true) {
    self.weights = weights
    self.bias = hasBias ? bias : Array(repeating: 0, count: weights.rows)
    self.activation = activation
    self.hasBias = hasBias
  }

  /// A placeholder that holds no storage, for moving a layer out of an enum without a copy.
  static let empty = DenseLayer(weights: Matrix(rows: 0, cols: 0), bias: [], activation: .identity)

  public var inputs: Int { weights.cols }
  public var units: Int { weights.rows }
  public var parameterCount: Int { weights.count + (hasBias ? bias.count : 0) }

  /// z = a_prev · Wᵀ + b for a batch: a_prev `[B × inputs]`, z `[B × units]`.
  public func affine(_ aPrev: Matrix, into z: inout Matrix) {
    Kernels.affine(aPrev, weights, bias, into: &z)
  }

  /// Adds the penalty's gradient to dW `[units × inputs]`, and to db `[units]` when the penalty
  /// covers biases; a layer without a bias has no db.
  public func addPenalty(_ regularization: Regularization, to record: inout LayerRecord) {
    regularization.addGradient(of: weights.storage, to: &record.dW.storage)
    if !hasBias {
      record.db = []
    } else if regularization.includeBiases {
      regularization.addGradient(of: bias, to: &record.db)
    }
  }
}
