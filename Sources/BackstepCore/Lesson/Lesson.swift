/// A lesson: a run's settings, then steps that play it, each with the keys a person would
/// press (or a run to a point), a caption filled in from the run, and claims checked against
/// it. Read from YAML by `LessonFile`; described in docs/lessons.md.
public struct Lesson: Sendable {
  public var title: String
  public var summary: String
  /// The settings of `--config`, the lesson's `view:` included.
  public var setup: RunConfiguration
  public var steps: [LessonStep]

  public init(title: String, summary: String, setup: RunConfiguration, steps: [LessonStep]) {
    self.title = title
    self.summary = summary
    self.setup = setup
    self.steps = steps
  }
}

/// One step of a lesson.
public struct LessonStep: Sendable {
  /// How the step plays.
  public enum Play: Sendable, Equatable {
    /// Keys by their key-map names (`space`, `n`), or a prompt command (`:lr 0.3`).
    case keys([String])
    case run(RunTarget)
  }

  public var play: Play
  public var caption: CaptionTemplate
  public var expectations: [LessonClaim]
  /// The line of the file where the step starts, for messages.
  public var line: Int

  public init(play: Play, caption: CaptionTemplate, expectations: [LessonClaim], line: Int) {
    self.play = play
    self.caption = caption
    self.expectations = expectations
    self.line = line
  }
}

/// An expectation with the line of the file it was written on.
public struct LessonClaim: Sendable, Equatable {
  public var expectation: Expectation
  public var line: Int

  public init(_ expectation: Expectation, line: Int) {
    self.expectation = expectation
    self.line = line
  }
}
