import BackstepCore

/// Each formula of a ``Decomposition`` written out: with names (`formula`), with numbers
/// (`numbers`), its terms and the values it used (`parts`).
extension Explanation {
  init(_ d: Decomposition, _ m: MathGlyphs) {
    let l = d.value.layer ?? 0
    head = d.name(m)
    value = d.value.value
    checks = d.checks
    sum = nil
    parts = []
    formula = ""
    numbers = []
    stage = "forward(\(l))"
    switch d.form {
    case .affine(let s): affine(s, d.value, l, m)
    case .activation(let s):
      let f = s.activation.rawValue
      formula = "\(f)(\(m.name(s.z)))" + (s.mask.map { m.dot + m.name($0) } ?? "")
      numbers = [.text("\(f)(\(m.number(s.z.value)))" + (s.mask.map { m.dot + m.term($0.value) } ?? ""))]
      parts = [(m.name(s.z), m.number(s.z.value))] + (s.mask.map { [("\(f)(z)", m.number(s.activated)), (m.name($0), m.number($0.value))] } ?? [])
    case .softmax(let s):
      formula = "exp(z \(m.minus) max z)/\(m.sum(over: "k")) exp(z[k] \(m.minus) max z)"
      numbers = [.text("\(m.number(s.numerator))/("), .terms(s.denominator), .text(")")]
      sum = ("k", "exp(\(m.layered(.z, l))[k] \(m.minus) max)", s.denominator)
      parts = [("max z", m.number(s.shift))] + s.logits.map { (m.name($0), m.number($0.value)) }
    case .derivative(let f):
      stage = "backward(\(l))"
      formula = "\(f.activation.rawValue)\(m.prime)(\(m.name(f.z)))"
      numbers = [.text("\(f.activation.rawValue)\(m.prime)(\(m.number(f.z.value)))")]
      parts = [(m.name(f.z), m.number(f.z.value)), ("f(z)", m.number(f.activated))]
    case .hiddenDelta(let h): hiddenDelta(h, l, m)
    case .outputDelta(let o): outputDelta(o, l, m)
    case .gradient(let g): gradient(g, d.value, l, m)
    case .parameter(let u): parameter(u, d.value, m)
    case .normalized(let n):
      formula = "\(m.name(n.gamma))\(m.dot)\(m.name(n.xhat)) + \(m.name(n.beta))"
      numbers = [.text("\(m.values(n.scaled)) + \(m.term(n.beta.value))")]
      parts = normalization(n, m)
    case .standardized(let n):
      formula = "(\(m.name(n.input)) \(m.minus) \(m.name(n.mean)))\(m.dot)1/\(m.squareRoot)(\(m.name(n.variance)) + eps)"
      numbers = [.text("(\(m.number(n.input.value)) \(m.minus) \(m.term(n.mean.value)))\(m.dot)\(m.number(n.invStd))")]
      parts = normalization(n, m)
    case .batchAverage(let b):
      formula = "(1/B)\(m.dot)\(m.sum(over: "e")) \(d.value.name == .mean ? "x" : "(x \(m.minus) \(m.mu))\u{00B2}")"
      numbers = [.text("("), .terms(b.sum), .text(")/\(b.batch)")]
      sum = ("e", d.value.name == .mean ? "x" : "(x \(m.minus) \(m.mu))\u{00B2}", b.sum)
    }
  }

  private mutating func affine(_ s: AffineSum, _ z: NamedValue, _ l: Int, _ m: MathGlyphs) {
    let input: Symbol = l == 1 ? .x : .a
    let (unit, example) = (z.indices.first ?? 0, z.indices.last ?? 0)
    let names = "\(m.name("W", l))[\(unit),i]\(m.dot)\(m.layered(input, l - 1))[i, ex \(example)]"
    formula = m.sum(over: "i") + " " + names + (s.bias.map { " + " + m.name($0) } ?? "")
    numbers = [.terms(s.sum)] + (s.bias.map { [.text(" + " + m.term($0.value))] } ?? [])
    sum = ("i", names, s.sum)
    parts = s.bias.map { [(m.name($0), m.number($0.value))] } ?? []
  }

  private mutating func hiddenDelta(_ h: HiddenDelta, _ l: Int, _ m: MathGlyphs) {
    stage = "backward(\(l))"
    let f = "\(h.fPrime.activation.rawValue)\(m.prime)(\(m.name(h.fPrime.z)))"
    let mask = h.mask.map { m.dot + m.name($0) } ?? ""
    let maskValue = h.mask.map { m.dot + m.term($0.value) } ?? ""
    switch h.upstream {
    case .weighted(let t):
      let names = "\(m.name(m.delta, l + 1))[k]\(m.dot)\(m.name("W", l + 1))[k,\(h.dLda.indices.first ?? 0)]"
      formula = "(\(m.sum(over: "k")) \(names))\(mask) \(m.hadamard) \(f)"
      numbers = [.text("("), .terms(t), .text(")\(maskValue) \(m.hadamard) \(m.term(h.fPrime.value))")]
      sum = ("k", names, t)
    case .batchNorm(let direct, let mean, let variance):
      formula = "dL/dx of batchnorm(\(l + 1))\(mask) \(m.hadamard) \(f)"
      numbers = [.text("(\(m.term(direct)) + \(m.term(mean)) + \(m.term(variance)))\(maskValue) \(m.hadamard) \(m.term(h.fPrime.value))")]
      parts = [("dL/dx direct", m.number(direct)), ("through \(m.mu)", m.number(mean)), ("through \(m.variance)", m.number(variance))]
    }
    parts += [(m.name(h.dLda), m.number(h.dLda.value))] + (h.mask.map { [(m.name($0), m.number($0.value))] } ?? [])
    parts += [(f, m.number(h.fPrime.value)), (m.name(h.fPrime.z), m.number(h.fPrime.z.value))]
  }

  private mutating func outputDelta(_ o: OutputDelta, _ l: Int, _ m: MathGlyphs) {
    stage = "backward(\(l))"
    let (p, t) = (m.term(o.prediction.value), m.term(o.target.value))
    parts = [
      ("t = " + m.name(o.target), m.number(o.target.value)),
      ("p = " + m.name(NamedValue(.a, layer: l, o.prediction.indices, o.prediction.value)), m.number(o.prediction.value)),
    ]
    switch o.chain {
    case .fused(let mass):
      let scaled = mass == 1 ? "p" : "p\(m.dot)s"
      formula = "(\(scaled) \(m.minus) t)/B, \(o.loss.rawValue) from the logit"
      numbers = [.text("(\(p)\(mass == 1 ? "" : m.dot + m.term(mass)) \(m.minus) \(t))/\(o.batch)")]
      if mass != 1 { parts.append(("s, the target row's total", m.number(mass))) }
    case .elementwise(let g, let f):
      let dLda = Self.dLda(o.loss, m)
      formula = "dL/da \(m.hadamard) \(f.activation.rawValue)\(m.prime)(\(m.name(f.z))), dL/da = \(dLda)"
      numbers = [.text("\(m.term(g.value)) \(m.hadamard) \(m.term(f.value))")]
      parts += [("dL/da = \(dLda)", m.number(g.value)), ("\(f.activation.rawValue)\(m.prime)(z)", m.number(f.value))]
    case .softmax(let g, let dot):
      formula = "p\(m.dot)(dL/da \(m.minus) \(m.sum(over: "k")) dL/da\(m.dot)p), dL/da = \(Self.dLda(o.loss, m))"
      numbers = [.text("\(p)\(m.dot)(\(m.term(g.value)) \(m.minus) ("), .terms(dot), .text("))")]
      sum = ("k", "dL/da[k]\(m.dot)p[k]", dot)
      parts.append(("dL/da", m.number(g.value)))
    }
    parts.append(("B, K", "\(o.batch), \(o.outputs)"))
  }

  /// dL/da from each loss's formula, for one element.
  static func dLda(_ loss: Loss, _ m: MathGlyphs) -> String {
    switch loss {
    case .mse: "(a \(m.minus) t)/B"
    case .mseMean: "2(a \(m.minus) t)/(B\(m.dot)K)"
    case .bce: "(a \(m.minus) t)/(a(1 \(m.minus) a)B)"
    case .ce: "\(m.minus)t/(a\(m.dot)B)"
    }
  }

  private mutating func gradient(_ g: GradientSum, _ v: NamedValue, _ l: Int, _ m: MathGlyphs) {
    stage = "backward(\(l))"
    let names = g.sum.terms.first.map { $0.factors.map { m.layered($0.name, $0.layer) }.joined(separator: m.dot) } ?? m.name(m.delta, l)
    let reg = g.regularization.map { r in
      [
        r.l2 != 0 ? "\(m.number(r.l2))\(m.dot)\(m.letters(r.parameter.name)) (l2)" : nil,
        r.l1 != 0 ? "\(m.number(r.l1))\(m.dot)sign(\(m.letters(r.parameter.name))) (l1)" : nil,
      ]
      .compactMap { $0 }.joined(separator: " + ")
    }
    formula = "\(m.sum(over: "e")) over \(g.sum.terms.count) examples \(names)" + (reg.map { " + " + $0 } ?? "")
    numbers = [.terms(g.sum)] + (g.regularization.map { [.text(" + " + m.term($0.value))] } ?? [])
    sum = ("e", names, g.sum)
    if let r = g.regularization { parts = [(m.name(r.parameter), m.number(r.parameter.value)), ("regularisation", m.number(r.value))] }
  }

  private func normalization(_ n: Normalization, _ m: MathGlyphs) -> [(name: String, value: String)] {
    [n.input, n.mean, n.variance].map { (m.name($0), m.number($0.value)) } + [
      ("1/\(m.squareRoot)(\(m.variance) + \(m.number(n.eps)))", m.number(n.invStd)), (m.name(n.xhat), m.number(n.xhat.value)),
      (m.name(n.gamma), m.number(n.gamma.value)), (m.name(n.beta), m.number(n.beta.value)),
    ]
  }
}

extension Decomposition {
  /// The value's name as the screen writes it; f′ as `f′(z₂)[3, ex 1]`.
  func name(_ m: MathGlyphs) -> String {
    guard value.name == .fPrime else { return m.name(value) }
    return m.name(NamedValue(.z, layer: value.layer, value.indices, value.value)).replacingOccurrences(
      of: m.layered(.z, value.layer), with: "f\(m.prime)(\(m.layered(.z, value.layer)))")
  }
}
