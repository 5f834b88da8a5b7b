import BackstepCore

/// The caption of a recurrent layer's time step: what forward(l, t) and backward(l, t)
/// computed, with the norms the stage measured.
enum RecurrentCaption {
  static func forward(_ l: Int, t: Int, _ s: Stepper, _ math: MathGlyphs) -> Line {
    let rec = s.record.layers[l - 1]
    let f = s.network.layers[l - 1].activation.rawValue
    let z = math.name("z", t), h = math.name("h", t), x = math.name("x", t), hPrev = math.name("h", t - 1)
    let reading = rec.forwardReading.map { "; mean |\(h)| = \(Caption.f($0.meanAbsActivation))" } ?? ""
    return Line([
      ("forward(\(l), t=\(t)) ", .accent),
      ("\(z) = W_ih\(math.dot)\(x) + W_hh\(math.dot)\(hPrev) + b_ih + b_hh, \(h) = \(f)(\(z)). ", .formula),
      ("The band shows \(h), \(rec.a.rows)\(math.times)\(rec.a.cols)\(reading).", .caption),
    ])
  }

  static func backward(_ l: Int, t: Int, _ s: Stepper, _ math: MathGlyphs) -> Line {
    let steps = s.record.layers[l - 1].recurrent
    let T = steps?.count ?? t
    let d = math.delta
    let delta = math.name(d, t), next = math.name(d, t + 1), z = math.name("z", t)
    let from = t == T ? "dL/d\(math.name("h", t))" : "\(next)\(math.dot)W_hh"
    let f = s.network.layers[l - 1].activation.rawValue + math.prime
    var numbers = ""
    // The norms backward(l, t) measured as each step ran; a step not measured yet reads 0.
    if let steps, case let norms = steps.measuredNorms.map({ $0 ?? 0 }), norms.indices.contains(t - 1) {
      numbers = "‖\(delta)‖ = \(Caption.f(norms[t - 1]))"
      if let ratio = RecurrentRecord.stepRatio(t, norms: norms) {
        numbers += ", ‖\(delta)‖/‖\(next)‖ = \(Caption.f(ratio))"
      } else if t < T {
        numbers += ", ‖\(next)‖ = 0"
      }
    }
    return Line([
      ("backward(\(l), t=\(t)) ", .accent),
      ("\(delta) = (\(from)) \(math.hadamard) \(f)(\(z)); dW_ih += \(delta)\(math.transpose)\(math.dot)\(math.name("x", t)). ", .formula),
      (numbers + ".", .caption),
    ])
  }

  /// The time step a recurrent layer's record holds: in z and a (`forward`) that of the
  /// recurrent stage run last, forward or backward (``Stepper/shownTimeStep(layer:)``); in δ and
  /// f′ that of the backward step run last, 1 (the previous iteration's last) before any in this
  /// iteration. Nil for a layer that is not recurrent.
  static func heldStep(_ s: Stepper, layer l: Int, forward: Bool) -> Int? {
    guard let shown = s.shownTimeStep(layer: l) else { return nil }
    if forward { return shown }
    return s.stages[0..<s.reached].last { $0.layer == l && $0.timeStep != nil && !$0.isForward }?.timeStep ?? 1
  }
}
