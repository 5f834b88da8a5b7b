/// Run mode: whether it runs, how fast, and the work time has owed it. One runner drives every
/// session on screen, so that two networks compared run at one pace.
public struct Runner: Sendable {
  public internal(set) var running = false
  public internal(set) var speedLevel = Speed.defaultLevel
  /// Stages (at the stage speeds) or iterations owed to run mode; fractions carry over.
  var pendingWork = 0.0

  public init() {}

  public var speed: Speed { Speed.allCases[speedLevel] }

  /// Whether run mode has work to do now: always at full speed, and at a finite speed
  /// while ticks have owed at least one stage or iteration.
  public var owesWork: Bool { running && (speed == .unlimited || pendingWork >= 1) }

  /// Time passed while running: at a finite speed, run mode now owes the stages or iterations
  /// that time is worth, never more than a quarter second's worth: when the machine cannot
  /// keep up, run mode slows down instead of owing ever more work and freezing the screen to
  /// pay it back.
  mutating func owe(seconds: Double) {
    guard running else { return }
    switch speed {
    case .stages(let rate), .iterations(let rate): pendingWork = Self.backlog(pendingWork, rate: rate, seconds: seconds)
    case .unlimited: break
    }
  }

  /// Work owed after `seconds` at `rate` per second, capped at a quarter second's worth.
  static func backlog(_ owed: Double, rate: Double, seconds: Double) -> Double {
    min(owed + rate * seconds, max(1, rate / 4))
  }

  /// Stops run mode and forgets what it owed.
  mutating func stop() {
    running = false
    pendingWork = 0
  }
}
