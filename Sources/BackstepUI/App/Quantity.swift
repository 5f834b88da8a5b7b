/// Which matrix the heat maps draw for each layer.
public enum Quantity: String, CaseIterable, Sendable {
  /// Activations a_l, units × examples.
  case a
  /// Pre-activations z_l, units × examples.
  case z
  /// δ_l = dL/dz_l, units × examples.
  case delta = "δ"
  /// dL/dW_l, outputs × inputs.
  case dW
  /// The weights W_l, outputs × inputs.
  case weights = "W"

  /// The quantity's name in ASCII.
  public var asciiName: String {
    switch self {
    case .a: "a"
    case .z: "z"
    case .delta: "delta"
    case .dW: "dW"
    case .weights: "W"
    }
  }

  /// Whether rows are units and columns examples (else outputs × inputs).
  public var isPerExample: Bool { self == .a || self == .z || self == .delta }
}

