import BackstepCore

/// A parameter's value and the optimizer's rule that moved it, with every state variable the
/// rule keeps (SGD's velocity, Adagrad's sum, RMSprop's and Adam's averages, Adadelta's two).
extension Explanation {
  mutating func parameter(_ u: ParameterUpdate?, _ v: NamedValue, _ m: MathGlyphs) {
    stage = "update"
    showsValue = false
    guard let u else {
      numbers = [.text(m.exact(v.value))]
      parts = [("this step's update", "comes at update")]
      return
    }
    let (rule, written, state) = Self.rule(u.rule, m)
    numbers = [.text("\(m.number(u.before.value)) \(m.arrow) \(m.exact(u.after)): \(m.minus)\(rule) = \(m.minus)\(written)")]
    formula = "\(m.letters(v.name)) \(m.minus) \(rule)"
    parts = [("step t", "\(u.step)"), ("g = dL/d\(m.letters(v.name))", m.number(u.gradient))]
    if u.clipCoefficient < 1 { parts.append(("clipped by", m.number(u.clipCoefficient))) }
    if let bound = u.clipValue { parts.append(("clipped to \(m.plusMinus)", m.number(bound))) }
    parts.append(("g received", m.number(u.received)))
    if let wd = u.weightDecay { parts.append(("g + \(m.number(wd.rate))\(m.dot)\(m.letters(v.name))", m.number(wd.gradient))) }
    parts += state
    parts += [("step", m.number(u.rule.step)), ("\(m.letters(v.name)) before \(m.arrow) after", "\(m.number(u.before.value)) \(m.arrow) \(m.exact(u.after))")]
  }

  /// The rule's step with names and with numbers, and its quantities and buffers as rows.
  static func rule(_ r: OptimizerRule, _ m: MathGlyphs) -> (String, String, [(name: String, value: String)]) {
    func buffer(_ b: BufferStep, _ name: String) -> (name: String, value: String) {
      ("\(name) (\(b.name))", "\(b.before.map { m.number($0) } ?? "none") \(m.arrow) \(m.number(b.after))")
    }
    let lr = ("lr", "")
    switch r {
    case .sgd(let s):
      guard let b = s.velocity else { return ("lr\(m.dot)g", "\(m.term(s.lr))\(m.dot)\(m.term(s.direction))", [(lr.0, m.number(s.lr))]) }
      let direction = s.nesterov ? "(g + \(m.mu)\(m.dot)b)" : "b"
      return (
        "lr\(m.dot)\(direction)", "\(m.term(s.lr))\(m.dot)\(m.term(s.direction))",
        [(lr.0, m.number(s.lr)), ("momentum \(m.mu)", m.number(s.momentum)), ("dampening", m.number(s.dampening)), buffer(b, "velocity b")]
      )
    case .adagrad(let a):
      return (
        "clr\(m.dot)g/(\(m.squareRoot)sum + \(m.number(a.eps)))", m.number(a.step),
        [(lr.0, m.number(a.lr)), ("lr decay", m.number(a.lrDecay)), ("clr", m.number(a.clr)), buffer(a.sum, "sum of g\u{00B2}")]
      )
    case .rmsprop(let r):
      let rows =
        [(lr.0, m.number(r.lr)), ("\u{03B1}", m.number(r.alpha)), buffer(r.squareAvg, "v")] + (r.gradAvg.map { [buffer($0, "g avg")] } ?? [])
        + (r.velocity.map { [("momentum", m.number(r.momentum)), buffer($0, "b")] } ?? []) + [("denominator", m.number(r.denominator))]
      return (r.velocity == nil ? "lr\(m.dot)g/(\(m.squareRoot)v + \(m.number(r.eps)))" : "lr\(m.dot)b", m.number(r.step), rows)
    case .adam(let a):
      let rows =
        [(lr.0, m.number(a.lr)), ("\u{03B2}\u{2081}, \u{03B2}\u{2082}", "\(m.number(a.beta1)), \(m.number(a.beta2))"), buffer(a.m, "m"), buffer(a.v, "v")]
        + (a.vMax.map { [buffer($0, "v max")] } ?? []) + [(m.mHat, m.number(a.mHat)), (m.vHat, m.number(a.vHat))]
        + (a.decayed.map { [("decayed (AdamW)", m.number($0))] } ?? [])
      return (
        "lr\(m.dot)\(m.mHat)/(\(m.squareRoot)\(m.vHat) + \(m.number(a.eps)))",
        "\(m.term(a.lr))\(m.dot)\(m.term(a.mHat))/(\(m.squareRoot)\(m.number(a.vHat)) + \(m.number(a.eps)))", rows
      )
    case .adadelta(let a):
      return (
        "lr\(m.dot)\u{0394}", "\(m.term(a.lr))\(m.dot)\(m.term(a.delta))",
        [(lr.0, m.number(a.lr)), ("\u{03C1}", m.number(a.rho)), buffer(a.squareAvg, "v"), ("\u{0394}", m.number(a.delta)), buffer(a.accDelta, "u")]
      )
    }
  }
}
