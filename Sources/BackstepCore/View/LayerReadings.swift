/// What forward(l) measured of a layer's output, once, for the caption, the diagnostics of the
/// update and the colour scales of the maps it computed.
public struct ForwardReading: Equatable, Sendable {
  /// mean |a_l| over the batch (after dropout).
  public var meanAbsActivation: Double
  /// The fraction of (example, unit) entries of f(z_l) in a sigmoid's or tanh's flat tails
  /// (see ``SaturationThresholds``); 0 for other activations.
  public var saturatedFraction: Double
  /// ReLU units whose f(z_l) is zero for every example of the batch (before dropout, which
  /// zeroes live units too); 0 for other activations.
  public var deadUnits: Int
  /// n_l, the units counted.
  public var units: Int
  /// The scales of z, a and, for batchnorm, x̂, μ and σ².
  public var scales: [ShownMap: MapScale]

  /// The fraction of the layer's units that are dead.
  public var deadFraction: Double { Double(deadUnits) / Double(max(units, 1)) }

  /// Reads layer l's record just after forward(l).
  public static func measure(_ record: LayerRecord, activation: Activation, saturation: SaturationThresholds = .init()) -> ForwardReading {
    let f = record.activated ?? record.a
    var saturated = 0
    var dead = 0
    switch activation {
    case .sigmoid, .tanh:
      for v in f.storage where saturation.isSaturated(v, activation) { saturated += 1 }
    case .relu:
      dead = (0..<f.cols).filter { u in (0..<f.rows).allSatisfy { f[$0, u] == 0 } }.count
    default: break
    }
    let a = ValueSums(record.a.storage)
    var scales: [ShownMap: MapScale] = [.z: MapScale(of: record.z.storage), .a: MapScale(a, of: record.a.storage)]
    if let bn = record.batchNorm {
      scales[.xhat] = MapScale(of: bn.xhat.storage)
      scales[.mean] = MapScale(of: bn.mean)
      scales[.variance] = MapScale(of: bn.variance)
    }
    return ForwardReading(
      meanAbsActivation: record.a.count > 0 ? a.sumAbs / Double(record.a.count) : 0,
      saturatedFraction: Double(saturated) / Double(max(f.count, 1)), deadUnits: dead, units: f.cols, scales: scales)
  }
}

/// What backward(l) measured of a layer's gradients, once: their norms, the verdict on them and
/// the colour scales of δ, dW, db and, when δ was chained through it, f′(z).
public struct BackwardReading: Equatable, Sendable {
  /// ‖δ_l‖, ‖dW_l‖ and ‖db_l‖ (Frobenius, before clipping).
  public var normDelta: Double
  public var normDW: Double
  public var normDb: Double
  /// The verdict on ‖dW_l‖, against the output layer's ‖dW_L‖ (measured first, as backward
  /// runs from L down).
  public var verdict: Verdict
  public var scales: [ShownMap: MapScale]

  /// Reads layer l's record just after backward(l); `outputNormDW` is ‖dW_L‖, nil when l = L.
  public static func measure(_ record: LayerRecord, outputNormDW: Double?, thresholds: VerdictThresholds) -> BackwardReading {
    let delta = ValueSums(record.delta.storage), dW = ValueSums(record.dW.storage), db = ValueSums(record.db)
    let normDW = dW.sumSquares.squareRoot()
    var scales: [ShownMap: MapScale] = [
      .delta: MapScale(delta, of: record.delta.storage), .dW: MapScale(dW, of: record.dW.storage), .db: MapScale(db, of: record.db),
    ]
    if record.fPrime.count > 0 { scales[.fPrime] = MapScale(of: record.fPrime.storage) }
    return BackwardReading(
      normDelta: delta.sumSquares.squareRoot(), normDW: normDW, normDb: db.sumSquares.squareRoot(),
      verdict: thresholds.verdict(norm: normDW, outputNorm: outputNormDW ?? normDW), scales: scales)
  }
}

/// Where a sigmoid's or tanh's output counts as saturated: in the flat tails, where f′ is
/// nearly 0 and little gradient passes. Documented in docs/diagnostics.md.
public struct SaturationThresholds: Equatable, Sendable {
  /// A sigmoid output outside [`sigmoidLow`, `sigmoidHigh`] is saturated.
  public var sigmoidLow = 0.01
  public var sigmoidHigh = 0.99
  /// A tanh output with |a| above `tanhMagnitude` is saturated.
  public var tanhMagnitude = 0.99

  public init() {}

  public func isSaturated(_ a: Double, _ activation: Activation) -> Bool {
    activation == .sigmoid ? (a < sigmoidLow || a > sigmoidHigh) : abs(a) > tanhMagnitude
  }
}
