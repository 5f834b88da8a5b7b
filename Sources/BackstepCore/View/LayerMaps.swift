/// Which maps each kind of layer and each parameter are drawn in, so that ``StageFlow`` walks
/// a network's layers and parameter lists and never works out where a tensor sits.
extension ParameterName {
  /// The map that shows this parameter: W and γ in ``ShownMap/weights``, b in
  /// ``ShownMap/bias``, β in ``ShownMap/beta``.
  public var map: ShownMap {
    switch self {
    case .weights, .gamma, .weightsIH, .weightsHH: .weights
    case .biases, .biasIH, .biasHH: .bias
    case .beta: .beta
    }
  }

  /// The map that shows this parameter's gradient: dW (dγ) or db (dβ), as the record's two
  /// gradient slots hold them.
  public var gradientMap: ShownMap {
    switch self {
    case .weights, .gamma, .weightsIH, .weightsHH: .dW
    case .biases, .beta, .biasIH, .biasHH: .db
    }
  }
}

extension Layer {
  /// The maps forward(l) writes for this kind, in the order it computes them: a dense layer's
  /// z and a; a batchnorm layer's batch statistics μ and σ², then x̂, z and a.
  public var forwardMaps: [ShownMap] {
    switch self {
    case .dense, .recurrent: [.z, .a]
    case .batchNorm: [.mean, .variance, .xhat, .z, .a]
    }
  }

  /// The maps of this layer that dL/da of the layer below is made from at its backward stage:
  /// δ and W for a dense layer (δ W); δ, γ, x̂ and σ² for batchnorm, whose gradient also runs
  /// through the batch statistics.
  public var passDownMaps: [ShownMap] {
    switch self {
    case .dense, .recurrent: [.delta, .weights]
    case .batchNorm: [.delta, .weights, .xhat, .variance]
    }
  }

  /// What the parameter gradients of layer l read besides δ_l: a dense layer's dW = δᵀ a_{l−1}
  /// reads the layer below's output (layer 0 being x); batchnorm's dγ = Σ δ⊙x̂ reads its own x̂.
  public func gradientOperands(layer l: Int) -> [MapRef] {
    switch self {
    case .dense, .recurrent: [MapRef(layer: l - 1, map: .a)]
    case .batchNorm: [MapRef(layer: l, map: .xhat)]
    }
  }
}
