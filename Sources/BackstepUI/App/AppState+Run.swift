import BackstepCore

/// Stepping and run mode: time owes work, the run loop pays it one stage at a time.
extension AppState {
  /// One stage by hand. A breakpoint that holds after it is said on the status line and in
  /// the caption; stepping goes on at the next press all the same.
  mutating func stepOnce() {
    let hit = stepper.advanceChecked()
    message = hit.map { "break: \($0)" }
    if let hit { lastBreak = hit }
  }

  /// Time passed while running: at a finite speed, run mode now owes the stages or
  /// iterations that time is worth. Nothing runs here; ``runOwedWork()`` pays one unit at a
  /// time, so that the run loop can read keys between units however long each one takes.
  /// The message ages by the same time, running or not.
  mutating func tick(_ seconds: Double) {
    guard seconds > 0 else { return }
    messageAge += seconds
    guard running else { return }
    switch speed {
    case .stages(let rate), .iterations(let rate): pendingWork = Self.backlog(pendingWork, rate: rate, seconds: seconds)
    case .unlimited: break
    }
  }

  /// Work owed after `seconds` at `rate` per second, never more than a quarter second's worth:
  /// when the machine cannot keep up, run mode slows down instead of owing ever more work and
  /// freezing the screen to pay it back.
  static func backlog(_ owed: Double, rate: Double, seconds: Double) -> Double {
    min(owed + rate * seconds, max(1, rate / 4))
  }

  /// Whether run mode has work to do now: always at full speed, and at a finite speed
  /// while ticks have owed at least one stage or iteration.
  public var owesWork: Bool { running && (speed == .unlimited || pendingWork >= 1) }

  /// Runs one stage of run mode's work; an owed iteration is paid when its update has run.
  /// One stage at a time at every speed, so that the run loop reads keys between any two
  /// stages. Every stage is checked as it runs, and run mode stops right after the first
  /// stage where a breakpoint holds (by default, the first NaN or infinity), with the screen on it.
  public mutating func runOwedWork() {
    guard owesWork else { return }
    let interval = stepper.evaluationInterval
    stepper.evaluationInterval = runEvaluationInterval
    let hit = stepper.advanceChecked()
    stepper.evaluationInterval = interval
    switch speed {
    case .stages: pendingWork -= 1
    case .iterations: if stepper.reached == stepper.stages.count { pendingWork -= 1 }
    case .unlimited: break
    }
    if let hit { stop(at: hit) }
  }

  /// How often run mode measures the loss over the whole sets: every 10th iteration at 1000
  /// iterations a second and at full speed (a frame drawn 30 times a second spans more than
  /// 30 iterations: all a plot can show), every iteration at slower speeds, and never when one
  /// measurement is beyond ``WorkBudget``: it runs inside the update stage, where no key can
  /// be read. Stepping by hand still measures every iteration.
  var runEvaluationInterval: Int {
    guard WorkBudget.evaluation(stepper) <= WorkBudget.multiplyAdds else { return 0 }
    switch speed {
    case .unlimited: return 10
    case .iterations(let rate) where rate >= 1000: return 10
    default: return 1
    }
  }

  /// Run mode stops at a breakpoint, so that the screen stays on the stage where it held; the
  /// status line and the caption name it: "break: exploding at B1 of step 412, ‖dW₁‖ = 3.2e+04".
  /// A NaN or an infinity is named as such, and the status line says when it is the first of
  /// the run.
  mutating func stop(at hit: BreakHit) {
    running = false
    pendingWork = 0
    lastBreak = hit
    guard let fault = hit.fault else {
      message = "break: \(hit)"
      return
    }
    let what = fault.isNaN ? "NaN" : "infinity"
    let e = fault.event
    let first = stepper.firstNonFinite == e ? "first " : ""
    let quantity = e.stage == .loss ? "" : ", in \(e.quantity)"
    message = "stopped: \(first)\(what) at \(Screen.stageLabel(e.stage, unicode: true)) of step \(e.step)\(quantity)"
  }
}
