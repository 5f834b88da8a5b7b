/// What one time step's stages measured of a recurrent layer's values, once, as they ran: the
/// colour scales of z_t and h_t (forward(l, t)), of δ_t and f′(z_t) and the norm ‖δ_t‖
/// (backward(l, t)). The band's maps over time and the gradient through time read these and
/// never go over the values again.
public struct TimeStepReading: Equatable, Sendable {
  /// The scales of z_t and h_t `[B × H]`; nil before forward(l, t) has ever run.
  public var z: MapScale?
  public var h: MapScale?
  /// The scales of δ_t and f′(z_t) `[B × H]`; nil before backward(l, t) has ever run.
  public var delta: MapScale?
  public var fPrime: MapScale?
  /// ‖δ_t‖ = ‖dL/dz_t‖, Frobenius over the batch; nil before backward(l, t) has ever run.
  public var deltaNorm: Double?

  public init(z: MapScale? = nil, h: MapScale? = nil, delta: MapScale? = nil, fPrime: MapScale? = nil, deltaNorm: Double? = nil) {
    self.z = z
    self.h = h
    self.delta = delta
    self.fPrime = fPrime
    self.deltaNorm = deltaNorm
  }
}
