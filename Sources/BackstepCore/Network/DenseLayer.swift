/// One fully connected layer: z = a_prev · Wᵀ + b, then a = f(z).
public struct DenseLayer: Equatable, Sendable {
  /// `[outputs × inputs]`: row o holds the weights into unit o (PyTorch's layout).
  public var weights: Matrix
  /// `[outputs]`
  public var bias: [Double]
  public var activation: Activation

  public init(weights: Matrix, bias: [Double], activation: Activation) {
    self.weights = weights
    self.bias = bias
    self.activation = activation
  }

  public var inputs: Int { weights.cols }
  public var units: Int { weights.rows }
  public var parameterCount: Int { weights.count + bias.count }

  /// z = a_prev · Wᵀ + b for a batch: a_prev `[B × inputs]`, z `[B × units]`.
  public func affine(_ aPrev: Matrix, into z: inout Matrix) {
    Kernels.affine(aPrev, weights, bias, into: &z)
  }
}
