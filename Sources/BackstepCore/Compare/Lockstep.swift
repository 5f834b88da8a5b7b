/// Two steppers stepped together, so that both are always in the same iteration whatever their
/// depths: the stepping keys, run mode and rewinding of a comparison. Pure functions on two
/// `inout` steppers, so that a caller keeps them where it likes (two stored properties).
///
/// Within an iteration both run their own stage sequences side by side, stage k of one with
/// stage k of the other; a network whose iteration is complete waits, at its update, while the
/// deeper one finishes its own. After t stages of an iteration a network of n stages has run
/// min(t, n) of them; rewinding a stage goes back from t to t − 1 the same way.
public enum Lockstep {
  /// Whether a stepper's iteration is complete (or none has begun).
  static func complete(_ s: Stepper) -> Bool { s.reached == s.stages.count }

  /// The next stage of each: of both when both iterations are complete (a new iteration
  /// begins in both), else of each one whose iteration is under way. Returns the stages run,
  /// nil for a network that waited.
  @discardableResult
  public static func step(_ a: inout Stepper, _ b: inout Stepper) -> (left: Stage?, right: Stage?) {
    let both = complete(a) && complete(b)
    let left = both || !complete(a) ? a.advance() : nil
    let right = both || !complete(b) ? b.advance() : nil
    return (left, right)
  }

  /// ``step(_:_:)``, checking each stage run for its network's breakpoints: every hit of this
  /// step, the left network's first; empty when none holds.
  public static func stepChecked(_ a: inout Stepper, _ b: inout Stepper) -> [ComparedHit] {
    let (left, right) = step(&a, &b)
    let hits = [
      left.flatMap { a.check($0) }.map { ComparedHit(side: .left, hit: $0) }, right.flatMap { b.check($0) }.map { ComparedHit(side: .right, hit: $0) },
    ]
    return hits.compactMap { $0 }
  }

  /// Steps both until a lesson's `target` holds: `step:N` once both have completed step N, a
  /// stage or a breakpoint after a stage of either network. Returns the network it held in
  /// (the left one for `step:N`), or nil when it did not within ``RunTarget/stageLimit`` stages.
  public static func run(_ a: inout Stepper, _ b: inout Stepper, until target: RunTarget) -> Side? {
    for _ in 0..<RunTarget.stageLimit {
      let (left, right) = step(&a, &b)
      if case .step(let n) = target {
        if complete(a) && complete(b) && a.step >= n { return .left }
        continue
      }
      if let left, target.isReached(after: left, in: a) { return .left }
      if let right, target.isReached(after: right, in: b) { return .right }
    }
    return nil
  }

  /// Runs the stages left in the shared iteration (a whole new one in both when both are complete).
  public static func finishIteration(_ a: inout Stepper, _ b: inout Stepper) {
    repeat { step(&a, &b) } while !complete(a) || !complete(b)
  }

  /// ``finishIteration(_:_:)`` stage by stage, stopping both right after the first stage where
  /// a breakpoint holds in either network; returns that stage's hits (empty when none held).
  public static func finishIterationChecked(_ a: inout Stepper, _ b: inout Stepper) -> [ComparedHit] {
    repeat {
      let hits = stepChecked(&a, &b)
      if !hits.isEmpty { return hits }
    } while !complete(a) || !complete(b)
    return []
  }

  /// Finishes the shared iteration, then runs n whole iterations in both.
  public static func run(_ a: inout Stepper, _ b: inout Stepper, iterations n: Int) {
    if !complete(a) || !complete(b) { finishIteration(&a, &b) }
    for _ in 0..<max(0, n) { finishIteration(&a, &b) }
  }

  /// Finishes the shared iteration, then runs whole iterations until both networks have crossed
  /// their next epoch boundary. Both run the same number of iterations: with different batch
  /// sizes the one with more steps per epoch decides, and the other goes on into its next epoch.
  public static func runEpoch(_ a: inout Stepper, _ b: inout Stepper) {
    if !complete(a) || !complete(b) { finishIteration(&a, &b) }
    let targets = (a.epoch + 1, b.epoch + 1)
    repeat { finishIteration(&a, &b) } while a.epoch < targets.0 || b.epoch < targets.1
  }

  /// Finishes the shared iteration, then trains n iterations in both as fast as each can
  /// (``Stepper/train(iterations:)``).
  public static func train(_ a: inout Stepper, _ b: inout Stepper, iterations n: Int) {
    if !complete(a) || !complete(b) { finishIteration(&a, &b) }
    a.train(iterations: n)
    b.train(iterations: n)
  }

  /// Goes back one stage of the shared iteration: from t stages run to t − 1, each network to
  /// min(t − 1, its stage count); from the first stage back to the end of the iteration before.
  /// Both or neither: returns false, changing nothing, when either cannot go back.
  @discardableResult
  public static func rewindStage(_ a: inout Stepper, _ b: inout Stepper) -> Bool {
    let t = max(a.reached, b.reached)
    guard t > 1 else { return together(&a, &b) { $0.rewindStage() } }
    return together(&a, &b) { s in
      let target = min(t - 1, s.stages.count)
      return s.reached <= target || s.seek(step: s.record.step, reached: target)
    }
  }

  /// Goes back to the end of the previous iteration in both (or to the end of the last complete
  /// one, when an iteration is under way). Both or neither, as ``rewindStage(_:_:)``.
  @discardableResult
  public static func rewindIteration(_ a: inout Stepper, _ b: inout Stepper) -> Bool {
    together(&a, &b) { $0.rewindIteration() }
  }

  /// Both back to their initial weights, the first batch and an empty history.
  public static func reset(_ a: inout Stepper, _ b: inout Stepper) {
    a.reset()
    b.reset()
  }

  /// Runs `move` on copies of both and keeps them only when it succeeded in both, so that a
  /// rewind history that ends earlier in one network never leaves the two in different iterations.
  static func together(_ a: inout Stepper, _ b: inout Stepper, _ move: (inout Stepper) -> Bool) -> Bool {
    var (a2, b2) = (a, b)
    guard a.record.step > a.startStep || b.record.step > b.startStep, move(&a2), move(&b2) else { return false }
    (a, b) = (a2, b2)
    return true
  }
}
