#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the optimizer did at the last update and what it holds for the next, per layer and
/// parameter: measured from the stepper once per weight version (the screen keeps it by step),
/// so that the optimizer overlay only prints numbers.
///
/// Buffers are summarised under their `torch.optim` names (see ``OptimizerState``). For Adam
/// and AdamW the bias-corrected moments m̂ = m / (1 − β₁ᵗ) and v̂ = v / (1 − β₂ᵗ) are read as well,
/// with the effective step lr·m̂ / (√v̂ + ε) that the next update would take with no new gradient
/// (AMSGrad reads v̂ from `max_exp_avg_sq`): the same quantities `Optimizer.step` forms.
public struct OptimizerReading: Equatable, Sendable {
  /// ‖ΔW‖/‖W‖ near this is the usual healthy size of an update: much smaller and the layer
  /// barely learns, much larger and it forgets what it learned.
  public static let updateRatioGuide = 1e-3

  /// One named buffer of one parameter, `[count]` like the parameter.
  public struct Buffer: Equatable, Sendable {
    public var name: String
    public var spread: ValueSpread
  }

  /// One parameter tensor: its key, its size, its buffers, and Adam's corrected moments.
  public struct Parameter: Equatable, Sendable {
    public var key: ParameterKey
    /// ‖θ‖ now (after the last update).
    public var norm: Double
    /// The buffers the optimizer keeps for it, in ``OptimizerReading/bufferOrder``; empty before
    /// the first update and for plain SGD.
    public var buffers: [Buffer]
    /// Adam's m̂ and v̂ and the step lr·m̂/(√v̂ + ε); nil for other optimizers and before a step.
    public var adam: AdamMoments?
  }

  /// Adam's bias-corrected moments of one parameter, each `[count]`, summarised.
  public struct AdamMoments: Equatable, Sendable {
    public var mHat: ValueSpread
    public var vHat: ValueSpread
    /// lr·m̂ / (√v̂ + ε), elementwise.
    public var step: ValueSpread
  }

  /// One layer: ‖ΔW‖/‖W‖ of its last update (nil before the first) and its parameters in the
  /// network's parameter order.
  public struct LayerReading: Equatable, Sendable {
    public var layer: Int
    public var updateRatio: Double?
    public var parameters: [Parameter]
  }

  /// The optimizer step the state belongs to (t of the last update, 0 before any).
  public var step: Int
  /// The settings the last update ran with (the record's), else those in effect now.
  public var settings: OptimizerSettings
  /// The learning rate the last update used: lr, or Adagrad's lr / (1 + (t − 1)·lr_decay).
  public var learningRate: Double
  /// The optimizer waiting for the next iteration (a live change), when it differs.
  public var pending: OptimizerSettings?
  /// The step the pending settings apply from.
  public var pendingFrom: Int?
  public var layers: [LayerReading]

  /// The order buffers are listed in: the momentum first, then the running averages.
  public static let bufferOrder = ["momentum_buffer", "exp_avg", "exp_avg_sq", "max_exp_avg_sq", "sum", "square_avg", "grad_avg", "acc_delta"]

  /// Reads the stepper: its network's parameter list, its optimizer state, the settings of its
  /// record and its last diagnostics. O(P log P) for P parameters (the medians sort).
  public init(_ stepper: Stepper) {
    let state = stepper.optimizerState
    let t = state.step
    settings = (stepper.record.settings ?? stepper.settings).optimizer
    step = t
    learningRate = Self.learningRate(settings, t: max(t, 1))
    let upcoming = stepper.upcomingSettings.optimizer
    pending = upcoming == settings ? nil : upcoming
    pendingFrom = pending == nil ? nil : stepper.pending?.step
    let diagnostics = stepper.record.diagnostics ?? stepper.history.latest
    let settings = settings
    let lr = learningRate
    layers = (1...max(stepper.network.depth, 1)).map { l in
      let parameters = stepper.network.parameters.filter { $0.key.layer == l }.map { p in
        let buffers = state.buffers[p.key] ?? [:]
        return Parameter(
          key: p.key, norm: ValueSpread(of: stepper.network.values(of: p.key)).norm,
          buffers: Self.bufferOrder.compactMap { name in buffers[name].map { Buffer(name: name, spread: ValueSpread(of: $0)) } },
          adam: t > 0 ? Self.adamMoments(settings, t: t, lr: lr, buffers: buffers) : nil)
      }
      return LayerReading(layer: l, updateRatio: diagnostics.map { $0.layers[l - 1].updateRatio }, parameters: parameters)
    }
  }

  /// The rate an update at step t applies: Adagrad decays it, the others keep lr.
  static func learningRate(_ settings: OptimizerSettings, t: Int) -> Double {
    settings.kind == .adagrad ? settings.resolvedLR / (1 + Double(t - 1) * settings.lrDecay) : settings.resolvedLR
  }

  /// m̂, v̂ and lr·m̂/(√v̂ + ε) from Adam's buffers at step t, as `Optimizer.step` forms them.
  static func adamMoments(_ settings: OptimizerSettings, t: Int, lr: Double, buffers: [String: [Double]]) -> AdamMoments? {
    guard settings.kind == .adam || settings.kind == .adamw, let m = buffers["exp_avg"],
      let v = settings.amsgrad ? buffers["max_exp_avg_sq"] : buffers["exp_avg_sq"]
    else { return nil }
    let bc1 = 1 - pow(settings.beta1, Double(t))
    let bc2 = 1 - pow(settings.beta2, Double(t))
    let mHat = m.map { $0 / bc1 }
    let vHat = v.map { $0 / bc2 }
    let eps = settings.resolvedEps
    let steps = zip(mHat, vHat).map { lr * $0 / ($1.squareRoot() + eps) }
    return AdamMoments(mHat: ValueSpread(of: mHat), vHat: ValueSpread(of: vHat), step: ValueSpread(of: steps))
  }
}
