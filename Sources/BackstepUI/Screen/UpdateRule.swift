import BackstepCore

/// The update stage's rule as the caption writes it: the optimizer's formula, with the values of
/// its settings that the iteration ran with, so that every optimizer reads as what it does
/// rather than as "adam step". The inspector's panel then gives one weight's numbers.
enum UpdateRule {
  static func text(_ o: OptimizerSettings, _ m: MathGlyphs) -> String {
    let f = { (x: Double) in Format.short(x, digits: 4) }
    let (dot, minus, root) = (m.dot, m.minus, m.squareRoot)
    let lr = f(o.resolvedLR)
    let eps = Magnitude.text(o.resolvedEps)
    let decay =
      o.weightDecay != 0 ? (o.kind == .adamw ? "; first W ← (1 \(minus) \(lr)\(dot)\(f(o.weightDecay)))\(dot)W" : "; dW + \(f(o.weightDecay))\(dot)W") : ""
    switch o.kind {
    case .sgd where o.momentum == 0:
      return "W ← W \(minus) \(lr)\(dot)dW" + decay
    case .sgd:
      let velocity = "b ← \(f(o.momentum))\(dot)b + " + (o.dampening == 0 ? "dW" : "\(f(1 - o.dampening))\(dot)dW")
      let step = o.nesterov ? "W ← W \(minus) \(lr)\(dot)(dW + \(f(o.momentum))\(dot)b)" : "W ← W \(minus) \(lr)\(dot)b"
      return "\(velocity), \(step)" + decay
    case .adagrad:
      return "s ← s + dW², W ← W \(minus) \(lr)\(dot)dW/(\(root)s + \(eps))" + decay
    case .rmsprop:
      let a = f(o.alpha)
      let average = "v ← \(a)\(dot)v + \(f(1 - o.alpha))\(dot)dW²"
      let denominator = o.centered ? "\(root)(v \(minus) ḡ²) + \(eps)" : "\(root)v + \(eps)"
      let step =
        o.momentum != 0 ? "b ← \(f(o.momentum))\(dot)b + dW/(\(denominator)), W ← W \(minus) \(lr)\(dot)b" : "W ← W \(minus) \(lr)\(dot)dW/(\(denominator))"
      return "\(average), \(step)" + decay
    case .adam, .adamw:
      let moments = "m ← \(f(o.beta1))\(dot)m + \(f(1 - o.beta1))\(dot)dW, v ← \(f(o.beta2))\(dot)v + \(f(1 - o.beta2))\(dot)dW²"
      let second = o.amsgrad ? "max v" : m.vHat
      return "\(moments), W ← W \(minus) \(lr)\(dot)\(m.mHat)/(\(root)\(second) + \(eps))" + decay
    case .adadelta:
      let r = f(o.rho)
      return "v ← \(r)\(dot)v + \(f(1 - o.rho))\(dot)dW², Δ = \(root)(u + \(eps))/\(root)(v + \(eps))\(dot)dW, W ← W \(minus) \(lr)\(dot)Δ" + decay
    }
  }
}
