extension GradientCheck {
  /// One parameter entry as the check saw it: both gradients and their relative error.
  public struct Entry: Equatable, Sendable {
    /// "W[3,2]", "b[1]", "γ[4]": 1-based, as ``GradientCheck/entryName(_:_:)`` writes it.
    public var name: String
    public var key: ParameterKey
    /// The entry's 1-based position in the parameter's storage (row-major for W).
    public var index: Int
    /// dL/dθ by backprop.
    public var analytic: Double
    /// dL/dθ by the fourth-order central difference, kink or not.
    public var numeric: Double
    public var relativeError: Double
    /// The kink the differences straddle, when a nudge moved a unit across z = 0.
    public var kink: Kink?
  }

  /// A relu or leaky_relu unit that a nudge of ±h or ±2h moved across its kink: the difference
  /// quotient then mixes both slopes, and disagrees with backprop without any fault in it.
  public struct Kink: Equatable, Sendable {
    /// Where the unit is, 1-based: its layer, the example of the batch, the unit.
    public var layer: Int
    public var example: Int
    public var unit: Int
    /// Its z in the un-nudged network, within 2h of 0.
    public var z: Double
    public var activation: Activation
  }
}
