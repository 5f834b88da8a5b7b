/// One map of one layer: the address a stage's operands and results are given in.
///
/// Layer 0 is the input: `MapRef(layer: 0, map: .a)` is x = a_0. The target t and dL/da_L live
/// at the output layer L, as ``ShownMap/target`` and ``ShownMap/outputGradient``.
public struct MapRef: Hashable, Sendable, CustomStringConvertible {
  public var layer: Int
  public var map: ShownMap

  public init(layer: Int, map: ShownMap) {
    self.layer = layer
    self.map = map
  }

  /// x, the input batch, as a_0.
  public static let input = MapRef(layer: 0, map: .a)

  /// "a_1", "W_2", "f′(z_2)", "x", for test messages and debugging.
  public var description: String { layer == 0 && map == .a ? "x" : "\(map)_\(layer)" }
}

/// Which maps a stage reads and which it writes: what the screen frames as the stage's
/// operands and its result, so that the caption's formula and the marked maps agree.
///
/// | stage       | reads                                                  | writes                                     |
/// |-------------|--------------------------------------------------------|--------------------------------------------|
/// | forward(l)  | a_{l−1} (x for l = 1), the parameters of l             | z_l, a_l (batchnorm: μ_l, σ²_l, x̂_l first) |
/// | loss        | a_L, t                                                 | dL/da_L                                    |
/// | backward(L) | dL/da_L, f′(z_L); fused with the loss: a_L, t          | δ_L, f′(z_L) (not when fused), gradients   |
/// | backward(l) | δ_{l+1}, W_{l+1} (batchnorm above: γ, x̂, σ²), f′(z_l) | δ_l, f′(z_l), gradients                    |
/// | update      | every gradient and parameter                           | every parameter                            |
///
/// f′(z_l) is both read and written by backward(l): the stage computes it from z_l and
/// multiplies dL/da_l by it. "Gradients" are dW_l and db_l (dγ, dβ), which also read a_{l−1}
/// (batchnorm: x̂_l). The loss value and dL/da_{l−1} are numbers and buffers, not maps.
public struct StageFlow: Equatable, Sendable {
  public var reads: [MapRef]
  public var writes: [MapRef]

  public init(reads: [MapRef], writes: [MapRef]) {
    self.reads = reads
    self.writes = writes
  }

  /// The maps `stage` reads and writes in `network`, layer by layer and parameter by
  /// parameter as each layer's kind lists them.
  public static func of(_ stage: Stage, network: Network) -> StageFlow {
    let depth = network.depth
    switch stage {
    case .forward(let l), .forwardStep(let l, _):
      // A recurrent time step also reads h_{t−1}, its own a, from the step before.
      let layer = network.layers[l - 1]
      let previous = (stage.timeStep ?? 1) > 1 ? [MapRef(layer: l, map: .a)] : []
      return StageFlow(
        reads: [MapRef(layer: l - 1, map: .a)] + previous + distinct(layer.parameterNames.map { MapRef(layer: l, map: $0.map) }),
        writes: layer.forwardMaps.map { MapRef(layer: l, map: $0) })
    case .loss:
      return StageFlow(
        reads: [MapRef(layer: depth, map: .a), MapRef(layer: depth, map: .target)],
        writes: [MapRef(layer: depth, map: .outputGradient)])
    case .backward(let l), .backwardStep(let l, _):
      return backward(l, network: network)
    case .update:
      let parameters = network.layers.enumerated().flatMap { index, layer in
        layer.parameterNames.map { (layer: index + 1, name: $0) }
      }
      return StageFlow(
        reads: distinct(parameters.flatMap { [MapRef(layer: $0.layer, map: $0.name.gradientMap), MapRef(layer: $0.layer, map: $0.name.map)] }),
        writes: distinct(parameters.map { MapRef(layer: $0.layer, map: $0.name.map) }))
    }
  }

  /// The maps in order, each once: a recurrent layer's two weight matrices share the W map.
  private static func distinct(_ maps: [MapRef]) -> [MapRef] {
    var seen = Set<MapRef>()
    return maps.filter { seen.insert($0).inserted }
  }

  /// backward(l): where dL/da_l comes from (the loss, or the layer above), whether f′(z_l) is
  /// used, and the gradients of layer l's parameters.
  private static func backward(_ l: Int, network: Network) -> StageFlow {
    let depth = network.depth
    let layer = network.layers[l - 1]
    let delta = MapRef(layer: l, map: .delta)
    let gradients = distinct(layer.parameterNames.map { MapRef(layer: l, map: $0.gradientMap) })
    let operands = layer.gradientOperands(layer: l)
    if l == depth, network.loss.isFusedWithOutput {
      // δ_L straight from the logit: (a_L − t)/B, no f′.
      let reads = [MapRef(layer: l, map: .a), MapRef(layer: l, map: .target)]
      return StageFlow(reads: reads + operands, writes: [delta] + gradients)
    }
    let upstream =
      l == depth
      ? [MapRef(layer: l, map: .outputGradient)]
      : network.layers[l].passDownMaps.map { MapRef(layer: l + 1, map: $0) }
    // Softmax's derivative is a Jacobian, applied with a_L itself rather than an f′ map.
    let chain = layer.activation == .softmax ? [MapRef(layer: l, map: .a)] : [MapRef(layer: l, map: .fPrime)]
    let written = layer.activation == .softmax ? [delta] : [delta, MapRef(layer: l, map: .fPrime)]
    return StageFlow(reads: upstream + chain + operands, writes: written + gradients)
  }
}
