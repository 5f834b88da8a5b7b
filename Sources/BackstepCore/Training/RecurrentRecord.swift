/// What the stages of one iteration computed at each time step of a recurrent layer, index
/// t − 1 for time step t (h_0 = 0 is not kept). Each entry is `[B × H]`.
///
/// The layer's ``LayerRecord`` keeps z, a, f′ and δ of the time step run last in its usual
/// fields, so that everything that reads one batch of a layer reads the current time step.
public struct RecurrentRecord: Equatable, Sendable {
  /// z_t, the pre-activations.
  public var z: [Matrix] = []
  /// h_t = f(z_t), the hidden states.
  public var h: [Matrix] = []
  /// δ_t = dL/dz_t, the total gradient through time, filled in from t = T down.
  public var delta: [Matrix] = []
  /// What each time step's stages measured, index t − 1: forward(l, t) sets its z and h scales,
  /// backward(l, t) its δ and f′ scales and ‖δ_t‖ (see ``Stepper/read(_:)``).
  public var readings: [TimeStepReading] = []

  public init() {}

  /// T, the time steps of the sequence.
  public var count: Int { z.count }

  /// Makes room for T time steps, keeping the buffers when T is unchanged (until the backward
  /// stages overwrite them, δ holds the previous iteration's values, as a layer's δ does).
  mutating func begin(steps T: Int) {
    if z.count != T {
      let empty = Matrix(rows: 0, cols: 0)
      z = Array(repeating: empty, count: T)
      h = Array(repeating: empty, count: T)
      delta = Array(repeating: empty, count: T)
      readings = Array(repeating: TimeStepReading(), count: T)
    }
  }

  /// ‖δ_t‖ (Frobenius over the batch) for t = 1 … T: how much gradient reaches each time step,
  /// computed from δ (the trace's `delta_through_time`; the screen reads ``measuredNorms``).
  public var deltaNorms: [Double] { delta.map(\.frobeniusNorm) }

  /// ‖δ_t‖ for t = 1 … T as backward(l, t) measured it; nil for a step it has never run on.
  public var measuredNorms: [Double?] {
    (0..<count).map { readings.indices.contains($0) ? readings[$0].deltaNorm : nil }
  }

  /// ‖δ_t‖/‖δ_{t+1}‖ (t 1-based): how much of the gradient one step back through W_hh keeps;
  /// nil at t = T, where no later step feeds it, and when ‖δ_{t+1}‖ is 0 (every unit dead),
  /// where the ratio has no value to show.
  public static func stepRatio(_ t: Int, norms: [Double]) -> Double? {
    guard t >= 1, t < norms.count, norms[t] > 0 else { return nil }
    return norms[t - 1] / norms[t]
  }

  /// ‖δ‖ over every time step together, the Frobenius norm of `[T][B][H]`.
  public var deltaNorm: Double {
    deltaNorms.reduce(0) { $0 + $1 * $1 }.squareRoot()
  }

  /// Keeps the scales forward(l, t) measured of z_t and h_t (its ``ForwardReading``).
  mutating func measureForward(_ reading: ForwardReading, at t: Int) {
    guard readings.indices.contains(t - 1) else { return }
    readings[t - 1].z = reading.scales[.z]
    readings[t - 1].h = reading.scales[.a]
  }

  /// Measures δ_t once backward(l, t) has computed it: its scale, its norm ‖δ_t‖ and the scale
  /// of f′(z_t), each from step t's own values (whatever step the layer's record holds since).
  mutating func measureBackward(at t: Int, activation: Activation) {
    guard readings.indices.contains(t - 1), delta.indices.contains(t - 1), z[t - 1].count == h[t - 1].count else { return }
    let d = delta[t - 1]
    let sums = ValueSums(d.storage)
    readings[t - 1].delta = MapScale(sums, of: d.storage)
    readings[t - 1].deltaNorm = sums.sumSquares.squareRoot()
    let fPrime = zip(z[t - 1].storage, h[t - 1].storage).map { activation.derivative(z: $0, a: $1) }
    readings[t - 1].fPrime = MapScale(of: fPrime)
  }
}
