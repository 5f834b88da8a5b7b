/// The shape of one layer before it has weights: how many units and which activation.
public struct LayerSpec: Equatable, Sendable, Codable {
  public var units: Int
  public var activation: Activation

  /// The widest layer any way in accepts (flags, settings files, the prompt, model files):
  /// one limit, so that a width that would exhaust memory is refused before anything is built.
  public static let maxUnits = 4096

  public init(units: Int, activation: Activation) {
    self.units = units
    self.activation = activation
  }
}
