import BackstepCore

/// Stepping and run mode: time owes work, the run loop pays it one stage at a time.
extension AppState {
  /// One stage by hand (of each network, in a comparison). A breakpoint that holds after it is
  /// said on the status line and in the caption, naming the network in a comparison; stepping
  /// goes on at the next press all the same.
  mutating func stepOnce() {
    let hits = checkedStage()
    record(hits)
    message = hits.isEmpty ? nil : "break: " + hits.map { hitNote($0.hit, side: $0.side) }.joined(separator: "; ")
  }

  /// The next stage, checked for breakpoints: of the session alone, or of both networks in lockstep.
  mutating func checkedStage() -> [ComparedHit] {
    stepping(
      one: { s in s.advanceChecked().map { [ComparedHit(side: .left, hit: $0)] } ?? [] },
      both: { Lockstep.stepChecked(&$0, &$1) })
  }

  /// Whether every network on screen has finished its iteration.
  var iterationComplete: Bool { sessions.allSatisfy { $0.stepper.reached == $0.stepper.stages.count } }

  /// Time passed while running: at a finite speed, run mode now owes the stages or
  /// iterations that time is worth. Nothing runs here; ``runOwedWork()`` pays one unit at a
  /// time, so that the run loop can read keys between units however long each one takes.
  /// The message ages by the same time, running or not.
  mutating func tick(_ seconds: Double) {
    guard seconds > 0 else { return }
    messageAge += seconds
    runner.owe(seconds: seconds)
  }

  /// Whether run mode has work to do now (``Runner/owesWork``).
  public var owesWork: Bool { runner.owesWork }

  /// Runs one stage of run mode's work; an owed iteration is paid when its update has run.
  /// One stage at a time at every speed, so that the run loop reads keys between any two
  /// stages. Every stage is checked as it runs, and run mode stops right after the first
  /// stage where a breakpoint holds (by default, the first NaN or infinity), with the screen on it.
  public mutating func runOwedWork() {
    guard runner.owesWork else { return }
    let interval = stepper.evaluationInterval
    let measured = runEvaluationInterval
    session.stepper.evaluationInterval = measured
    other?.stepper.evaluationInterval = measured
    let hits = checkedStage()
    session.stepper.evaluationInterval = interval
    other?.stepper.evaluationInterval = interval
    switch runner.speed {
    case .stages: runner.pendingWork -= 1
    case .iterations: if iterationComplete { runner.pendingWork -= 1 }
    case .unlimited: break
    }
    if let first = hits.first {
      record(hits)
      stop(at: first.hit, side: first.side)
    }
  }

  /// How often run mode measures the loss over the whole sets: every 10th iteration at 1000
  /// iterations a second and at full speed (a frame drawn 30 times a second spans more than
  /// 30 iterations: all a plot can show), every iteration at slower speeds, and never when one
  /// measurement is beyond ``WorkBudget``: it runs inside the update stage, where no key can
  /// be read. Stepping by hand still measures every iteration.
  var runEvaluationInterval: Int {
    guard sessions.reduce(0, { WorkBudget.saturatedSum($0, WorkBudget.evaluation($1.stepper)) }) <= WorkBudget.multiplyAdds else { return 0 }
    switch runner.speed {
    case .unlimited: return 10
    case .iterations(let rate) where rate >= 1000: return 10
    default: return 1
    }
  }

  /// Run mode stops at a breakpoint, so that the screen stays on the stage where it held; the
  /// status line and the caption name it: "break: exploding at B1 of step 412, ‖dW₁‖ = 3.2e+04".
  /// A NaN or an infinity is named as such, and the status line says when it is the first of
  /// the run.
  mutating func stop(at hit: BreakHit, side: Side = .left) {
    runner.stop()
    guard let fault = hit.fault else {
      message = "break: " + hitNote(hit, side: side)
      return
    }
    let what = fault.isNaN ? "NaN" : "infinity"
    let e = fault.event
    let first = session(side).stepper.firstNonFinite == e ? "first " : ""
    let quantity = e.stage == .loss ? "" : ", in \(e.quantity)"
    let network = isComparing ? "\(session(side).label ?? side.letter) — " : ""
    message = "stopped: \(network)\(first)\(what) at \(Screen.stageLabel(e.stage, unicode: true)) of step \(e.step)\(quantity)"
  }
}
