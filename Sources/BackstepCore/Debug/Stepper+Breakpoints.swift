/// Breakpoints: after each stage, which of the run's breakpoints hold, read from what the
/// stage already measured (its readings, the loss, the history), so that checking costs no
/// pass over the values. A condition on a layer, the loss or the plateau holds where it turns
/// true: it did not hold the step before, so a run continued past a hit is not stopped again
/// at once by the same state.
extension Stepper {
  /// Runs one stage, as ``advance()`` does, and returns the first breakpoint that holds after
  /// it, in the list's order; every breakpoint that holds counts a hit.
  @discardableResult
  public mutating func advanceChecked() -> BreakHit? {
    // Two statements: in `check(advance())` the receiver would be read before advancing.
    let stage = advance()
    return check(stage)
  }

  /// Runs the stages left in the current iteration (a whole one when it is complete), stage
  /// by stage, and stops right after the first stage where a breakpoint holds. The values are
  /// those of ``finishIteration()`` to the last bit: it is the same sequence of stages.
  public mutating func finishIterationChecked() -> BreakHit? {
    repeat {
      if let hit = advanceChecked() { return hit }
    } while reached < stages.count
    return nil
  }

  /// Counts a hit for every enabled breakpoint that holds after `stage`, and returns the first.
  mutating func check(_ stage: Stage) -> BreakHit? {
    var first: BreakHit?
    for i in breakpoints.entries.indices where breakpoints.entries[i].enabled {
      guard let hit = holds(breakpoints.entries[i].condition, after: stage) else { continue }
      breakpoints.entries[i].hits += 1
      if first == nil { first = hit }
    }
    return first
  }

  /// The hit of `condition` after `stage` of the current iteration, or nil when it does not hold.
  public func holds(_ condition: BreakCondition, after stage: Stage) -> BreakHit? {
    guard isFresh(stage) else { return nil }
    func hit(_ reading: String, layer: Int? = nil, fault: StageFault? = nil) -> BreakHit {
      BreakHit(condition: condition, step: record.step, stage: stage, layer: layer, reading: reading, fault: fault)
    }
    // The step before this one, as the update measured it: what "turns" is measured against.
    let before = history.latest.flatMap { $0.step == record.step - 1 ? $0 : nil }
    switch (condition, stage) {
    case (.nan, _):
      guard let fault = fault(in: stage) else { return nil }
      let what = fault.isNaN ? "NaN" : "∞"
      return hit(stage == .loss ? "loss = \(Format.short(record.loss))" : "\(what) in \(fault.event.quantity)", layer: stage.layer, fault: fault)
    // A recurrent layer's gradient is whole once backward(l, t = 1) has added the last share.
    case (.vanishing, .backward(let l)), (.exploding, .backward(let l)), (.vanishing, .backwardStep(let l, 1)),
      (.exploding, .backwardStep(let l, 1)):
      guard let reading = record.layers[l - 1].backwardReading else { return nil }
      let turn: Verdict = condition == .vanishing ? .vanishing : .exploding
      guard reading.verdict == turn, before?.layers[l - 1].verdict != turn else { return nil }
      return hit("‖dW\(Self.subscripted(l))‖ = \(Format.short(reading.normDW, digits: 2))", layer: l)
    case (.dead(let f), .forward(let l)), (.dead(let f), .forwardStep(let l, _)):
      guard let reading = record.layers[l - 1].forwardReading, reading.deadFraction >= f, (before?.layers[l - 1].deadFraction ?? 0) < f else {
        return nil
      }
      return hit("\(reading.deadUnits) of \(reading.units) units of layer \(l) dead", layer: l)
    case (.saturated(let f), .forward(let l)) where l < network.depth, (.saturated(let f), .forwardStep(let l, _)) where l < network.depth:
      // A hidden layer's: an output saturates when it is sure, which is not a fault.
      guard let reading = record.layers[l - 1].forwardReading, reading.saturatedFraction >= f,
        (before?.layers[l - 1].saturatedFraction ?? 0) < f
      else { return nil }
      return hit("\(Format.short(reading.saturatedFraction * 100, digits: 3)) % of a\(Self.subscripted(l)) saturated", layer: l)
    case (.lossBelow(let x), .loss), (.lossAbove(let x), .loss):
      let below = condition == .lossBelow(x)
      func crossed(_ v: Double) -> Bool { below ? v < x : v > x }
      guard crossed(record.loss), !(before.map { crossed($0.batchLoss) } ?? false) else { return nil }
      return hit("loss = \(Format.short(record.loss))")
    case (.plateau(let n), .update):
      let i = history.count - 1
      guard i >= 0, history.step(at: i) == record.step, let p = history.plateau(steps: n, at: i), history.plateau(steps: n, at: i - 1) == nil else {
        return nil
      }
      return hit("loss \(Format.short(p.recent)) at best over the last \(n) steps, not 0.1 % below \(Format.short(p.best)) of step \(p.bestStep)")
    case (.step(let n), _):
      return record.step == n && stage == stages[0] ? hit("") : nil
    case (.stage(let s), _):
      // forward(1) and backward(1) of a recurrent layer are reached at their last time step.
      return s == stage || (stage.timeStep != nil && s.timeStep == nil && position(of: s) == position(of: stage)) ? hit("") : nil
    default:
      return nil
    }
  }

  /// Checks that every condition fits this network (a stage names one of its layers, and one of its time steps) and
  /// watches for them, all switched on, keeping the hit counts of those already watched.
  public mutating func watch(for conditions: [BreakCondition]) throws {
    for c in conditions { try c.check(depth: network.depth, timeSteps: timeSteps) }
    let old = breakpoints
    breakpoints = Breakpoints(conditions)
    keepSwitches(of: old)
    for i in breakpoints.entries.indices { breakpoints.entries[i].enabled = true }
  }

  /// 12 → "₁₂", for the layer of a quantity named in a hit.
  static func subscripted(_ n: Int) -> String {
    String(String(n).compactMap { d in d.wholeNumberValue.flatMap { Unicode.Scalar(0x2080 + $0).map(Character.init) } })
  }
}

extension Stage {
  /// The layer a forward or backward stage runs; nil for the loss and the update.
  public var layer: Int? {
    switch self {
    case .forward(let l), .backward(let l), .forwardStep(let l, _), .backwardStep(let l, _): l
    case .loss, .update: nil
    }
  }
}

extension Stepper {
  /// Drops the unfinished iteration, back to the end of the last complete step, as a model
  /// file keeps a run: the weights are the same (only the update changes them), and the batch
  /// the iteration took is taken again when the run resumes.
  public mutating func abandonIteration() {
    guard reached < stages.count else { return }
    _ = seek(step: optimizerState.step, reached: stages.count)
  }
}
