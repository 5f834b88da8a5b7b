#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension OptimizerRule {
  /// The named quantities of one element's step, from the buffers before and after the replayed
  /// ``Optimizer/step(_:t:parameters:gradient:buffers:)``. Each intermediate is computed in the
  /// optimizer's order of operations, so that `step` is what it subtracted from θ.
  /// `gradient` is g after coupled weight decay; `theta` is θ before the step.
  init(_ o: OptimizerSettings, t: Int, theta: Double, gradient g: Double, before: [String: Double], after: [String: Double]) {
    let lr = o.resolvedLR, eps = o.resolvedEps
    func buffer(_ name: String) -> BufferStep { BufferStep(name: name, before: before[name], after: after[name] ?? .nan) }
    switch o.kind {
    case .sgd:
      let velocity = o.momentum != 0 ? buffer("momentum_buffer") : nil
      let direction = velocity.map { o.nesterov ? g + o.momentum * $0.after : $0.after } ?? g
      self = .sgd(
        SGDRule(lr: lr, momentum: o.momentum, dampening: o.dampening, nesterov: o.nesterov, velocity: velocity, direction: direction, step: lr * direction))
    case .adagrad:
      let clr = lr / (1 + Double(t - 1) * o.lrDecay)
      let sum = buffer("sum")
      self = .adagrad(AdagradRule(lr: lr, lrDecay: o.lrDecay, clr: clr, sum: sum, eps: eps, step: clr * g / (sum.after.squareRoot() + eps)))
    case .rmsprop:
      let v = buffer("square_avg")
      let gAvg = o.centered ? buffer("grad_avg") : nil
      let denom = gAvg.map { (v.after - $0.after * $0.after).squareRoot() + eps } ?? v.after.squareRoot() + eps
      let velocity = o.momentum > 0 ? buffer("momentum_buffer") : nil
      let step = velocity.map { lr * $0.after } ?? lr * g / denom
      self = .rmsprop(
        RMSpropRule(lr: lr, alpha: o.alpha, squareAvg: v, gradAvg: gAvg, eps: eps, denominator: denom, momentum: o.momentum, velocity: velocity, step: step))
    case .adam, .adamw:
      let m = buffer("exp_avg"), v = buffer("exp_avg_sq")
      let vMax = o.amsgrad ? buffer("max_exp_avg_sq") : nil
      let bc1 = 1 - pow(o.beta1, Double(t)), bc2 = 1 - pow(o.beta2, Double(t))
      let second = vMax?.after ?? v.after
      let step = lr / bc1 * m.after / (second.squareRoot() / bc2.squareRoot() + eps)
      let factor = o.kind == .adamw && o.weightDecay != 0 ? 1 - lr * o.weightDecay : nil
      self = .adam(
        AdamRule(
          lr: lr, beta1: o.beta1, beta2: o.beta2, m: m, v: v, vMax: vMax, biasCorrection1: bc1, biasCorrection2: bc2, mHat: m.after / bc1,
          vHat: second / bc2, eps: eps, decoupledDecay: factor, decayed: factor.map { theta * $0 }, step: step))
    case .adadelta:
      let v = buffer("square_avg"), u = buffer("acc_delta")
      let delta = ((u.before ?? 0) + eps).squareRoot() / (v.after + eps).squareRoot() * g
      self = .adadelta(AdadeltaRule(lr: lr, rho: o.rho, squareAvg: v, accDelta: u, eps: eps, delta: delta, step: lr * delta))
    }
  }

  /// What the rule subtracts from θ (after AdamW's decay).
  public var step: Double {
    switch self {
    case .sgd(let r): r.step
    case .adagrad(let r): r.step
    case .rmsprop(let r): r.step
    case .adam(let r): r.step
    case .adadelta(let r): r.step
    }
  }
}
