/// Where a lesson's `run: {until: …}` stops: after step N is complete (`step:N`), after the
/// next run of a stage (`B2`, `stage:B2`), or where a breakpoint first holds (`nan`,
/// `vanishing`, `loss<0.1`, any form of ``BreakCondition``).
public enum RunTarget: Equatable, Sendable {
  case step(Int)
  case stage(Stage)
  case breakpoint(BreakCondition)

  /// The most stages a run may take before the lesson is told it never got there.
  public static let stageLimit = 2_000_000

  public init(parsing text: String) throws(LessonValueMissing) {
    let word = text.trimmingCharacters(in: .whitespaces)
    if let stage = Stage(label: word) {
      self = .stage(stage)
      return
    }
    let condition: BreakCondition
    do { condition = try BreakCondition(parsing: word) } catch { throw LessonValueMissing("until: \((error as? ConfigurationError)?.message ?? "\(error)")") }
    switch condition {
    case .step(let n): self = .step(n)
    case .stage(let s): self = .stage(s)
    default: self = .breakpoint(condition)
    }
  }

  /// Whether the run stops after `stage`, the stage just run.
  public func isReached(after stage: Stage, in stepper: Stepper) -> Bool {
    switch self {
    case .step(let n): stepper.step >= n && stage == .update
    case .stage(let s): s == stage
    case .breakpoint(let c): stepper.holds(c, after: stage) != nil
    }
  }

  /// A layer the target names, which must exist in a network of `depth` layers, and a time
  /// step, which must be one of the `timeSteps` of its sequences.
  public func check(depth: Int, timeSteps: Int? = nil) throws(LessonValueMissing) {
    guard case .stage(let s) = self else { return }
    do { try BreakCondition.stage(s).check(depth: depth, timeSteps: timeSteps) } catch {
      throw LessonValueMissing("until: \((error as? ConfigurationError)?.message ?? "\(error)")")
    }
  }
}
