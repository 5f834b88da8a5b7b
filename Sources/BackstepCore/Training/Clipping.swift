/// Gradient clipping, applied after regularisation and before the optimizer.
///
/// - by norm, as `torch.nn.utils.clip_grad_norm_`: one global L2 norm over every dW and db;
///   coef = max / (norm + 1e−6), applied only when coef < 1;
/// - by value, as `clip_grad_value_`: each element clamped to [−v, v].
/// When both are set, the norm is clipped first and then the values.
public struct Clipping: Equatable, Sendable {
  public var maxNorm: Double?
  public var maxValue: Double?

  public init(maxNorm: Double? = nil, maxValue: Double? = nil) {
    self.maxNorm = maxNorm
    self.maxValue = maxValue
  }

  public var isActive: Bool { maxNorm != nil || maxValue != nil }

  public func validate() throws {
    if let maxNorm { try Setting.clipNorm.validate(maxNorm) }
    if let maxValue { try Setting.clipValue.validate(maxValue) }
  }

  /// The global L2 norm over a list of gradient tensors.
  public static func globalNorm(_ tensors: [[Double]]) -> Double {
    var sum = 0.0
    for t in tensors { for g in t { sum += g * g } }
    return sum.squareRoot()
  }

  /// Clips the tensors in place. Returns the scale factor applied by norm clipping (1 when none).
  @discardableResult
  public func apply(to tensors: inout [[Double]]) -> Double {
    var coef = 1.0
    if let maxNorm {
      let norm = Clipping.globalNorm(tensors)
      let c = maxNorm / (norm + 1e-6)
      if c < 1 {
        coef = c
        for t in tensors.indices {
          for i in tensors[t].indices { tensors[t][i] *= c }
        }
      }
    }
    if let maxValue {
      for t in tensors.indices {
        for i in tensors[t].indices { tensors[t][i] = min(max(tensors[t][i], -maxValue), maxValue) }
      }
    }
    return coef
  }
}
