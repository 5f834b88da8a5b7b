import BackstepCore
import TermGrid

/// Presenter mode: a lesson's steps play through the same path as a person's keys, and going
/// back plays the lesson again from its start (the run is deterministic, so this is exact).
extension AppState {
  /// The run a lesson sets up, at its start.
  public init(lesson: Lesson, autoplayDelay: Double? = nil) throws {
    try self.init(config: lesson.setup)
    self.lesson = LessonPlayer(lesson, autoplayDelay: autoplayDelay)
  }

  /// Plays the next step, if any: its keys go through ``handle(_:)`` one by one (a prompt
  /// command as `:`, its letters and Enter), or the run advances a stage at a time until its
  /// target holds. Then the caption is filled in and every claim checked.
  public mutating func playNextLessonStep() {
    guard var player = lesson, !player.isAtEnd else { return }
    let number = player.played + 1
    let step = player.lesson.steps[player.played]
    // The status line speaks of this step: a message an earlier step's keys left goes.
    message = nil
    var problems: [LessonProblem] = []
    switch step.play {
    case .keys(let names):
      for key in names.flatMap(LessonKeys.presses) { press(lessonKey: key) }
    case .run(let target):
      if let reason = run(until: target) { problems.append(LessonProblem(step: number, line: step.line, message: reason)) }
    }
    player.played = number
    player.sinceStep = 0
    do {
      player.caption = try step.caption.filled(left: stepper, right: other?.stepper)
    } catch {
      player.caption = error.message
      problems.append(LessonProblem(step: number, line: step.line, message: "caption: \(error.message)"))
    }
    for claim in step.expectations {
      if let failure = claim.expectation.failure(left: stepper, right: other?.stepper) {
        problems.append(LessonProblem(step: number, line: claim.line, message: "expected \(claim.expectation.text), but \(failure)"))
      }
    }
    player.problems = problems
    lesson = player
  }

  /// A key a step names does what the key map says, as in the visualizer: `→` and `←` move
  /// the cursor, where a person's play the lesson on. Everything else goes through
  /// ``handle(_:)``, as a person's key does.
  mutating func press(lessonKey key: Key) {
    if case .none = overlay, KeyMap.presenterAction(for: key) != nil, let action = KeyMap.action(for: key) { return update(action) }
    handle(key)
  }

  /// Goes back one lesson step: a fresh run of the setup, with the steps before it played again.
  /// The lesson's view settings come back with it; a detour's are left behind.
  public mutating func rewindLessonStep() {
    guard let player = lesson, player.played > 0, let fresh = try? AppState(lesson: player.lesson, autoplayDelay: player.autoplayDelay) else {
      message = "at the lesson's start"
      return
    }
    self = fresh
    for _ in 0..<(player.played - 1) { playNextLessonStep() }
  }

  /// Advances until `target` holds after a stage; nil when it did, else why not.
  mutating func run(until target: RunTarget) -> String? {
    runner.running = false
    do { try target.check(depth: stepper.network.depth, timeSteps: stepper.timeSteps) } catch { return error.reason }
    let reached = stepping(one: { Self.run(&$0, until: target) }, both: { Lockstep.run(&$0, &$1, until: target) != nil })
    return reached ? nil : "the run did not get to its target in \(RunTarget.stageLimit) stages"
  }

  /// Advances one network a stage at a time until `target` holds after a stage; whether it did
  /// within ``RunTarget/stageLimit`` stages. Two networks run to a target by ``Lockstep``.
  static func run(_ s: inout Stepper, until target: RunTarget) -> Bool {
    for _ in 0..<RunTarget.stageLimit {
      let stage = s.advance()
      if target.isReached(after: stage, in: s) { return true }
    }
    return false
  }

  /// Autoplay: once the delay has passed since the last step, the next one plays; after the
  /// last, the lesson ends.
  mutating func autoplay(_ seconds: Double) {
    guard var player = lesson, let delay = player.autoplayDelay, seconds > 0 else { return }
    player.sinceStep += seconds
    lesson = player
    guard player.sinceStep >= delay else { return }
    if player.isAtEnd { shouldQuit = true } else { playNextLessonStep() }
  }

  /// Milliseconds until autoplay plays the next step, at least 1; nil without autoplay. A
  /// paused run loop waits for a key no longer than this.
  public var msUntilAutoplay: Int? {
    guard let player = lesson, let delay = player.autoplayDelay else { return nil }
    return max(1, Int(((delay - player.sinceStep) * 1000).rounded(.up)))
  }
}
