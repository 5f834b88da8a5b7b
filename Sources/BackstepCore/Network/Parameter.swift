/// The name of a trainable tensor within its layer, as the model file and the trace spell it.
public enum ParameterName: String, Sendable, Codable, CaseIterable {
  /// A dense layer's W `[units × inputs]` and b `[units]`.
  case weights, biases
  /// A batchnorm layer's scale γ and shift β, `[units]` each.
  case gamma, beta
  /// A recurrent layer's W_ih `[H × I]`, W_hh `[H × H]`, b_ih and b_hh `[H]` each.
  case weightsIH = "weights_ih", weightsHH = "weights_hh", biasIH = "bias_ih", biasHH = "bias_hh"
}

/// Which of the two gradient columns a parameter belongs to: the trace's `dW` and `db`, the
/// screen's dW and b maps. W and γ multiply; b and β shift.
public enum ParameterSlot: Sendable, Equatable {
  case weights, biases
}

/// Which parameters the objective's L1/L2 penalty reaches. An optimizer's weight decay is not
/// this: it reaches every parameter, as torch.optim's does.
public enum Penalty: Sendable, Equatable {
  /// Always (a dense layer's W, a recurrent layer's W_ih and W_hh).
  case always
  /// Only with `--regularize-biases` (a dense layer's b, a recurrent layer's b_ih and b_hh).
  case withBiases
  /// Never (batchnorm's γ and β).
  case never
}

/// One parameter of one layer: layer l (1-based, as in the maths) and the tensor's name.
public struct ParameterKey: Hashable, Sendable, CustomStringConvertible {
  public let layer: Int
  public let name: ParameterName

  public init(layer: Int, name: ParameterName) {
    self.layer = layer
    self.name = name
  }

  public var description: String { "layers[\(layer - 1)].\(name.rawValue)" }
}

/// What the optimizer, clipping, regularisation, the gradient check, the model file and the
/// trace need to know of a parameter besides its values.
public struct ParameterInfo: Sendable, Equatable {
  public let key: ParameterKey
  public let slot: ParameterSlot
  public let penalty: Penalty
  /// `[rows, cols]` for a matrix, `[n]` for a vector.
  public let shape: [Int]

  public var count: Int { shape.reduce(1, *) }
}
