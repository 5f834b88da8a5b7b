import BackstepCore

/// Where a presented lesson stands: the steps played, the caption of the last one (filled in
/// from the run once, when the step played) and what it found untrue, and the autoplay clock.
public struct LessonPlayer: Sendable {
  public let lesson: Lesson
  /// Steps played, 0 … steps.count.
  public internal(set) var played = 0
  /// The caption on show: the summary before the first step, then the last step's, filled in.
  public internal(set) var caption: String
  /// What the last step played found untrue: a placeholder without a value, a claim that
  /// failed, a run that never got where it was sent, each with its line of the file.
  public internal(set) var problems: [LessonProblem] = []
  /// Seconds between steps when the lesson plays by itself; nil when a person plays it.
  public var autoplayDelay: Double?
  /// Seconds since the last step played (or the lesson opened), as ticks count them.
  var sinceStep = 0.0

  public init(_ lesson: Lesson, autoplayDelay: Double? = nil) {
    self.lesson = lesson
    self.caption = lesson.summary
    self.autoplayDelay = autoplayDelay
  }

  /// Whether every step has played.
  public var isAtEnd: Bool { played == lesson.steps.count }

  /// "step 3/12", or "start/12" before the first.
  public var position: String { played == 0 ? "start/\(lesson.steps.count)" : "step \(played)/\(lesson.steps.count)" }
}

/// A claim of a lesson that the run does not bear out.
public struct LessonProblem: Equatable, Sendable {
  /// The 1-based step.
  public let step: Int
  /// The line of the file the claim or step is on.
  public let line: Int
  public let message: String
}
