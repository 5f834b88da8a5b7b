/// The shape of one layer before it has weights: how many units and which activation.
public struct LayerSpec: Equatable, Sendable, Codable {
  public var units: Int
  public var activation: Activation

  public init(units: Int, activation: Activation) {
    self.units = units
    self.activation = activation
  }
}
