/// What the first heat-map column shows for each layer: `v` cycles a, z and W, and the help
/// says so. The other two columns always show δ and dW, so that one row reads forward on the
/// left and backward on the right; cycling δ and dW into the first column too would only draw
/// them twice.
public enum Quantity: String, CaseIterable, Sendable {
  /// Activations a_l, units × examples.
  case a
  /// Pre-activations z_l, units × examples.
  case z
  /// The weights W_l, outputs × inputs.
  case weights = "W"

  /// Whether rows are units and columns examples (else outputs × inputs).
  public var isPerExample: Bool { self != .weights }

  /// What the column heading says.
  public var heading: String {
    switch self {
    case .a: "a = f(z)"
    case .z: "z = a·Wᵀ + b"
    case .weights: "W"
    }
  }
}
