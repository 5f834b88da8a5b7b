/// The regularisation term of the objective: l2·½‖W‖² + l1·Σ|W|, over weights only unless
/// `includeBiases` is set. Its gradient, l2·W + l1·sign(W) with sign(0) = 0, is added to dW
/// inside backward(l), before any clipping.
public struct Regularization: Equatable, Sendable {
  public var l1: Double
  public var l2: Double
  public var includeBiases: Bool

  public init(l1: Double = 0, l2: Double = 0, includeBiases: Bool = false) {
    self.l1 = l1
    self.l2 = l2
    self.includeBiases = includeBiases
  }

  public var isActive: Bool { l1 != 0 || l2 != 0 }

  public func validate() throws {
    try Setting.l1.validate(l1)
    try Setting.l2.validate(l2)
  }

  /// The penalty of one parameter tensor.
  public func loss(of values: [Double]) -> Double {
    guard isActive else { return 0 }
    var squares = 0.0, absolutes = 0.0
    for v in values {
      squares += v * v
      absolutes += abs(v)
    }
    return l2 * 0.5 * squares + l1 * absolutes
  }

  /// The penalty of the whole network.
  public func loss(of network: Network) -> Double {
    guard isActive else { return 0 }
    var total = 0.0
    for layer in network.layers {
      total += loss(of: layer.weights.storage)
      if includeBiases { total += loss(of: layer.bias) }
    }
    return total
  }

  /// Adds the penalty's gradient of `values` to `gradient`, element by element.
  public func addGradient(of values: [Double], to gradient: inout [Double]) {
    guard isActive else { return }
    for i in 0..<values.count {
      gradient[i] += l2 * values[i] + l1 * Elementary.sign(values[i])
    }
  }
}
