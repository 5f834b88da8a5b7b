/// The shape of one layer before it has weights: its kind, how many units and which activation.
public struct LayerSpec: Equatable, Sendable, Codable {
  public enum Kind: String, Equatable, Sendable, Codable {
    /// z = a·Wᵀ + b.
    case dense
    /// z = a·Wᵀ, no bias parameter (below a batchnorm layer).
    case denseWithoutBias
    /// Batch normalisation of the layer below; `units` must equal its width.
    case batchNorm
    /// An Elman recurrent layer over the time steps of a sequence (only ever the first layer).
    case recurrent
  }

  public var units: Int
  public var activation: Activation
  public var kind: Kind

  /// The widest layer any way in accepts (flags, settings files, the prompt, model files):
  /// one limit, so that a width that would exhaust memory is refused before anything is built.
  public static let maxUnits = 4096

  public init(units: Int, activation: Activation, kind: Kind = .dense) {
    self.units = units
    self.activation = activation
    self.kind = kind
  }

  /// Hidden layers as `--batch-norm` builds them: each dense layer loses its bias and its
  /// activation, and a batchnorm layer after it takes the activation.
  public static func withBatchNorm(_ hidden: [LayerSpec]) -> [LayerSpec] {
    hidden.flatMap { spec in
      [
        LayerSpec(units: spec.units, activation: .identity, kind: .denseWithoutBias),
        LayerSpec(units: spec.units, activation: spec.activation, kind: .batchNorm),
      ]
    }
  }
}
