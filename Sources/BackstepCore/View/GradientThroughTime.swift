/// How much gradient reaches each time step of a recurrent layer: ‖δ_t‖ = ‖dL/dz_t‖ (Frobenius
/// over the batch) for t = 1 … T, each judged by the verdicts' thresholds against ‖δ_T‖, where
/// the gradient enters the layer. Backpropagation through time makes δ_t a product of T − t
/// Jacobians, so on a long sequence the norms shrink (or grow) geometrically toward t = 1.
///
/// Read from the T norms backward(l, t) measured as each ran (``TimeStepReading/deltaNorm``),
/// never from δ itself; a time step whose backward stage has not run in this iteration keeps
/// the previous iteration's norm, marked stale.
public struct GradientThroughTime: Equatable, Sendable {
  /// The recurrent layer, 1-based.
  public let layer: Int
  /// `norms[t − 1]` = ‖δ_t‖; nil before any backward stage has computed δ_t.
  public let norms: [Double?]
  /// `fresh[t − 1]`: backward(layer, t) has run in this iteration.
  public let fresh: [Bool]
  /// `verdicts[t − 1]`: δ_t judged as a layer's gradient is, with ‖δ_T‖ as the output's norm.
  public let verdicts: [Verdict?]
  /// The thresholds of the zones, the verdicts' own.
  public let vanishing: Double
  public let exploding: Double

  public init(layer: Int, norms: [Double?], fresh: [Bool], thresholds: VerdictThresholds) {
    self.layer = layer
    self.norms = norms
    self.fresh = fresh
    vanishing = thresholds.vanishingNorm
    exploding = thresholds.explodingNorm
    let entering = norms.last.flatMap { $0 } ?? .nan
    verdicts = norms.map { norm in norm.map { thresholds.verdict(norm: $0, outputNorm: entering) } }
  }

  /// T, the time steps.
  public var steps: Int { norms.count }

  /// ‖δ_1‖ / ‖δ_T‖: the share of the gradient entering at t = T that reaches t = 1; nil until
  /// both are computed (fresh or not) or when ‖δ_T‖ is zero.
  public var ratio: Double? {
    guard let first = norms.first ?? nil, let last = norms.last ?? nil, last != 0 else { return nil }
    return first / last
  }
}

extension Stepper {
  /// The gradient through time of the recurrent layer; nil for a network without one.
  public var gradientThroughTime: GradientThroughTime? {
    guard let i = network.layers.firstIndex(where: { $0.recurrent != nil }), let steps = record.layers[i].recurrent else { return nil }
    let norms = steps.measuredNorms
    let fresh = norms.indices.map { isFresh(.backwardStep(i + 1, t: $0 + 1)) }
    return GradientThroughTime(layer: i + 1, norms: norms, fresh: fresh, thresholds: thresholds)
  }
}
