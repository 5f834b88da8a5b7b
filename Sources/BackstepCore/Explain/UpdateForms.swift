/// How this iteration's update moved one parameter θ: the gradient from backward, clipping, the
/// optimizer's rule with its state before and after, and the value before and after.
/// `after` comes from replaying the element's step through ``Optimizer/step(_:t:parameters:gradient:buffers:)``,
/// so `after − before` is the record's ΔW.
public struct ParameterUpdate: Equatable, Sendable {
  /// t, the 1-based optimizer step of this update.
  public var step: Int
  /// θ before the update.
  public var before: NamedValue
  /// dL/dθ from backward, regularisation included, before clipping.
  public var gradient: Double
  /// The factor norm clipping scaled every gradient by (1 when it did not clip).
  public var clipCoefficient: Double
  /// The bound of value clipping, when it is on.
  public var clipValue: Double?
  /// g, the gradient the optimizer received, after clipping.
  public var received: Double
  /// Coupled weight decay (every optimizer but AdamW): g ← g + wd·θ.
  public var weightDecay: WeightDecay?
  public var rule: OptimizerRule
  /// θ after the update.
  public var after: Double
  /// after − before: the record's ΔW.
  public var change: Double
}

/// g ← g + wd·θ, as torch.optim adds weight decay inside the gradient.
public struct WeightDecay: Equatable, Sendable {
  public var rate: Double
  /// wd·θ.
  public var term: Double
  /// g + wd·θ, what the rule uses as g.
  public var gradient: Double
}

/// One of the optimizer's running buffers for this element, before and after the step; `before`
/// is nil when the buffer did not exist yet (the first step).
public struct BufferStep: Equatable, Sendable {
  /// The buffer's name, as in torch.optim and the model file: `exp_avg`, `square_avg`, …
  public var name: String
  public var before: Double?
  public var after: Double
}

/// The optimizer's rule for one element, with every quantity it computes; `step` is what it
/// subtracts from θ, so θ_after = θ_before − step (AdamW: θ_before·(1 − lr·wd) − step).
public enum OptimizerRule: Equatable, Sendable {
  case sgd(SGDRule)
  case adagrad(AdagradRule)
  case rmsprop(RMSpropRule)
  case adam(AdamRule)
  case adadelta(AdadeltaRule)
}

/// SGD: step = lr·g; with momentum μ, b = μ·b_prev + (1 − dampening)·g (b = g at the first step)
/// and the direction is b, or g + μ·b with Nesterov.
public struct SGDRule: Equatable, Sendable {
  public var lr: Double
  public var momentum: Double
  public var dampening: Double
  public var nesterov: Bool
  /// `momentum_buffer`; nil without momentum.
  public var velocity: BufferStep?
  /// The direction the step follows: g, b, or g + μ·b.
  public var direction: Double
  /// lr·direction.
  public var step: Double
}

/// Adagrad: sum += g², clr = lr/(1 + (t − 1)·lr_decay), step = clr·g/(√sum + ε).
public struct AdagradRule: Equatable, Sendable {
  public var lr: Double
  public var lrDecay: Double
  public var clr: Double
  public var sum: BufferStep
  public var eps: Double
  public var step: Double
}

/// RMSprop: v = α·v + (1 − α)·g², centered ḡ = α·ḡ + (1 − α)·g and denom = √(v − ḡ²) + ε (else
/// √v + ε); with momentum μ, b = μ·b + g/denom and step = lr·b, else step = lr·g/denom.
public struct RMSpropRule: Equatable, Sendable {
  public var lr: Double
  public var alpha: Double
  public var squareAvg: BufferStep
  /// `grad_avg`, when centered.
  public var gradAvg: BufferStep?
  public var eps: Double
  public var denominator: Double
  public var momentum: Double
  /// `momentum_buffer`, when momentum > 0.
  public var velocity: BufferStep?
  public var step: Double
}

/// Adam and AdamW: m = β₁·m + (1 − β₁)·g, v = β₂·v + (1 − β₂)·g², m̂ = m/(1 − β₁ᵗ),
/// v̂ = v/(1 − β₂ᵗ) (amsgrad: of max(v_max, v)), step = lr·m̂/(√v̂ + ε), computed as torch does:
/// (lr/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε). AdamW first decays θ ← θ·(1 − lr·wd).
public struct AdamRule: Equatable, Sendable {
  public var lr: Double
  public var beta1: Double
  public var beta2: Double
  public var m: BufferStep
  public var v: BufferStep
  /// `max_exp_avg_sq`, with amsgrad.
  public var vMax: BufferStep?
  /// 1 − β₁ᵗ and 1 − β₂ᵗ.
  public var biasCorrection1: Double
  public var biasCorrection2: Double
  public var mHat: Double
  public var vHat: Double
  public var eps: Double
  /// AdamW's decoupled decay factor 1 − lr·wd and θ after it; nil for Adam or wd = 0.
  public var decoupledDecay: Double?
  public var decayed: Double?
  public var step: Double
}

/// Adadelta: v = ρ·v + (1 − ρ)·g², Δ = √(u + ε)/√(v + ε)·g, u = ρ·u + (1 − ρ)·Δ², step = lr·Δ.
public struct AdadeltaRule: Equatable, Sendable {
  public var lr: Double
  public var rho: Double
  public var squareAvg: BufferStep
  public var accDelta: BufferStep
  public var eps: Double
  /// Δ, the rescaled gradient.
  public var delta: Double
  public var step: Double
}
