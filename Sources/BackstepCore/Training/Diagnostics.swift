/// How a layer's gradient looks this iteration.
public enum Verdict: String, Sendable, Codable {
  case healthy, vanishing, exploding
  /// The gradient holds NaN or ±∞.
  case nonFinite = "nan"
}

/// The thresholds behind ``Verdict``. Documented in docs/diagnostics.md.
///
/// A layer's gradient norm g_l = ‖dW_l‖ is judged two ways:
/// - absolutely: vanishing below `vanishingNorm`, exploding above `explodingNorm`;
/// - relative to the output layer, where the gradient enters: vanishing when g_l / g_L falls
///   below `vanishingRatio`, exploding when it rises above `explodingRatio`.
/// Either test is enough. A non-finite norm is `nonFinite`.
public struct VerdictThresholds: Equatable, Sendable {
  public var vanishingNorm = 1e-6
  public var explodingNorm = 1e3
  public var vanishingRatio = 1e-3
  public var explodingRatio = 1e3

  public init() {}

  public func verdict(norm: Double, outputNorm: Double) -> Verdict {
    guard norm.isFinite else { return .nonFinite }
    if norm < vanishingNorm { return .vanishing }
    if norm > explodingNorm { return .exploding }
    if outputNorm.isFinite, outputNorm > 0 {
      let ratio = norm / outputNorm
      if ratio < vanishingRatio { return .vanishing }
      if ratio > explodingRatio { return .exploding }
    }
    return .healthy
  }
}

/// One layer's health this iteration.
public struct LayerDiagnostics: Equatable, Sendable {
  /// ‖W_l‖ (Frobenius) of the weights this step started from, before the update: the
  /// denominator of ``updateRatio``. A batchnorm layer's γ.
  public var normW: Double
  /// ‖dW_l‖ (Frobenius, before clipping).
  public var normDW: Double
  /// ‖dW_l‖ as the optimizer received it, after clipping: equal to `normDW` when clipping is
  /// off or did not act, smaller when it did. Kept beside `normDW` so the screen can show
  /// both the gradient backprop computed and what clipping let through.
  public var normAppliedDW: Double
  /// ‖db_l‖.
  public var normDb: Double
  /// ‖δ_l‖ over the batch.
  public var normDelta: Double
  /// ‖ΔW_l‖ / ‖W_l‖, the relative size of the update (W before the update).
  public var updateRatio: Double
  /// mean |a_l| over the batch.
  public var meanAbsActivation: Double
  /// The fraction of (example, unit) entries of a sigmoid or tanh layer in its flat tails:
  /// sigmoid output outside [0.01, 0.99], |tanh| above 0.99. 0 for other activations.
  public var saturatedFraction: Double
  /// The fraction of a ReLU layer's units that are zero for every example of the batch.
  public var deadFraction: Double
  public var verdict: Verdict

  /// Whether clipping shortened this layer's gradient this iteration.
  public var wasClipped: Bool { normAppliedDW < normDW }
}

/// Where a NaN or infinity first appeared.
public struct NonFiniteEvent: Equatable, Sendable, CustomStringConvertible {
  public var step: Int
  public var stage: Stage
  /// The quantity that went bad: "z", "a", "loss", "δ", "dW", "weights".
  public var quantity: String

  /// "δ at backward(2) of step 12"; the loss stage's own value reads "the loss of step 3".
  public var description: String { stage == .loss ? "the loss of step \(step)" : "\(quantity) at \(stage) of step \(step)" }
}

/// Everything measured about one iteration, for the screen and the history.
public struct IterationDiagnostics: Equatable, Sendable {
  public var step: Int
  /// Whole epochs completed once this step's batch was taken, as the header counts them.
  public var epoch = 0
  public var layers: [LayerDiagnostics]
  /// The batch loss (data + regularisation) whose gradient the step used.
  public var batchLoss: Double
  /// Data loss over the whole training and test sets after the update (nil when not evaluated
  /// this step, or when the test set is empty).
  public var trainLoss: Double?
  public var testLoss: Double?
  /// Classification accuracy after the update, in [0, 1].
  public var trainAccuracy: Double?
  public var testAccuracy: Double?
  /// ‖δ_t‖ for t = 1 … T of a recurrent first layer (the trace's `delta_through_time`); nil
  /// for a network without one.
  public var deltaThroughTime: [Double]?
}

extension LayerDiagnostics {
  /// Layer l's health from what its forward and backward stages read, the gradient clipping
  /// passed on (`applied`, `[n × n_in]`) and the size of its update against its weights
  /// before the update. Nothing is measured twice: the saturation,
  /// dead units, norms and verdict are the readings the caption quoted at those stages.
  static func measure(_ forward: ForwardReading, _ backward: BackwardReading, applied: Matrix, update: Matrix, weightsBefore: [Double]) -> LayerDiagnostics {
    let normW = weightsBefore.reduce(0) { $0 + $1 * $1 }.squareRoot()
    let normUpdate = update.frobeniusNorm
    return LayerDiagnostics(
      normW: normW, normDW: backward.normDW, normAppliedDW: applied.count == 0 ? backward.normDW : applied.frobeniusNorm, normDb: backward.normDb,
      normDelta: backward.normDelta,
      updateRatio: normW > 0 ? normUpdate / normW : (normUpdate > 0 ? .infinity : 0),
      meanAbsActivation: forward.meanAbsActivation, saturatedFraction: forward.saturatedFraction, deadFraction: forward.deadFraction,
      verdict: backward.verdict)
  }
}

extension IterationDiagnostics {
  /// The layer with the largest ‖ΔW‖/‖W‖ this iteration, 1-based, and that ratio.
  public var largestUpdateRatio: (layer: Int, ratio: Double)? {
    layers.enumerated().max { $0.element.updateRatio < $1.element.updateRatio }.map { ($0.offset + 1, $0.element.updateRatio) }
  }
}
