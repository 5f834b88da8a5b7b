/// A value a lesson reads from the run: a number the stepper computed, a count, or a word
/// (a verdict, a stage label). Captions print it; expectations compare it.
public enum LessonValue: Equatable, Sendable {
  case number(Double)
  case count(Int)
  case word(String)

  /// How a caption prints it: numbers to four significant digits, as the screen writes them.
  public var text: String {
    switch self {
    case .number(let x): Format.short(x, digits: 4)
    case .count(let n): String(n)
    case .word(let w): w
    }
  }

  /// The value as a number, for `<` and `>`; nil for a word.
  public var number: Double? {
    switch self {
    case .number(let x): x
    case .count(let n): Double(n)
    case .word: nil
    }
  }
}

/// Why a placeholder has no value now: the stage that computes it has not run in this
/// iteration, or the layer or element it names is not in this network.
public struct LessonValueMissing: Error, Equatable, Sendable {
  public let reason: String
  public init(_ reason: String) { self.reason = reason }
}
