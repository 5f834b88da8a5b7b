import Foundation

/// A claim a lesson step makes about the run after it plays: `loss < 0.3`,
/// `verdict 1 = vanishing`, `step >= 10`, or `nan` (a NaN or ∞ has appeared) and `finite`
/// (none has). The left side is a ``Placeholder`` without braces; the right a number, a word, or
/// a placeholder in braces, read from the same run: `example-loss 3 < {example-loss 1}`,
/// `B: loss < {A: loss}`. In a comparison `B: nan`, `B: verdict 1 != vanishing` claim it of the right network (``Side``).
public struct Expectation: Equatable, Sendable {
  public enum Relation: String, CaseIterable, Sendable {
    // Two-character operators first, so that `<=` is not read as `<`.
    case atMost = "<="
    case atLeast = ">="
    case unequal = "!="
    case below = "<"
    case above = ">"
    case equal = "="
  }

  public enum Claim: Equatable, Sendable {
    case nan
    case finite
    case compare(Placeholder, Relation, LessonValue)
    /// Two readings of the run compared with each other.
    case relate(Placeholder, Relation, Placeholder)
  }

  public let claim: Claim
  /// The network of a comparison the claim is about: the left one unless prefixed `B:`.
  public let side: Side
  /// The claim as written, for messages.
  public let text: String

  public init(parsing text: String) throws(LessonValueMissing) {
    let written = text.trimmingCharacters(in: .whitespaces)
    self.text = written
    let (side, claimed) = Side.prefixed(written)
    self.side = side
    switch claimed.lowercased() {
    case "nan":
      claim = .nan
      return
    case "finite":
      claim = .finite
      return
    default: break
    }
    guard let relation = Relation.allCases.first(where: { written.contains($0.rawValue) }),
      let range = written.range(of: relation.rawValue)
    else {
      throw LessonValueMissing("expected `PLACEHOLDER OP VALUE` (OP one of < <= > >= = !=), nan or finite, not \(Excerpt.quoted(written))")
    }
    // The placeholder keeps the network prefix: it reads the network itself.
    let left = written[..<range.lowerBound].trimmingCharacters(in: CharacterSet(charactersIn: " {}"))
    let right = written[range.upperBound...].trimmingCharacters(in: .whitespaces)
    let placeholder = try Placeholder(parsing: left)
    guard !right.isEmpty else { throw LessonValueMissing("\(Excerpt.quoted(written)) has nothing to compare with") }
    if right.hasPrefix("{") && right.hasSuffix("}") {
      claim = .relate(placeholder, relation, try Placeholder(parsing: String(right.dropFirst().dropLast())))
      return
    }
    let value: LessonValue = Double(right).map(LessonValue.number) ?? .word(right)
    if value.number == nil, ![.equal, .unequal].contains(relation) {
      throw LessonValueMissing("\(Excerpt.quoted(written)): a word compares only with = or !=")
    }
    claim = .compare(placeholder, relation, value)
  }

  /// Nil when the claim holds after the step; otherwise what the run shows instead.
  public func failure(in stepper: Stepper) -> String? {
    failure(left: stepper, right: nil)
  }

  /// Nil when the claim holds of the network it names; otherwise what that network shows
  /// instead. `right` is nil without a comparison, where a claim about B fails saying so.
  public func failure(left: Stepper, right: Stepper?) -> String? {
    guard let stepper = side == .left ? left : right else { return "\(text) is about network B, but this run compares nothing" }
    switch claim {
    case .nan: return stepper.firstNonFinite == nil ? "no NaN or ∞ has appeared" : nil
    case .finite: return stepper.firstNonFinite.map { "NaN or ∞ appeared in \($0)" }
    case .compare(let placeholder, let relation, let expected):
      let actual: LessonValue
      do { actual = try placeholder.value(left: left, right: right) } catch { return "{\(placeholder.text)}: \(error.reason)" }
      return Self.holds(actual, relation, expected) ? nil : "\(placeholder.text) is \(actual.text)"
    case .relate(let placeholder, let relation, let other):
      let actual: LessonValue
      let expected: LessonValue
      do { actual = try placeholder.value(left: left, right: right) } catch { return "{\(placeholder.text)}: \(error.reason)" }
      do { expected = try other.value(left: left, right: right) } catch { return "{\(other.text)}: \(error.reason)" }
      return Self.holds(actual, relation, expected) ? nil : "\(placeholder.text) is \(actual.text) and \(other.text) is \(expected.text)"
    }
  }

  static func holds(_ actual: LessonValue, _ relation: Relation, _ expected: LessonValue) -> Bool {
    if let x = actual.number, let y = expected.number {
      switch relation {
      case .below: return x < y
      case .atMost: return x <= y
      case .above: return x > y
      case .atLeast: return x >= y
      case .equal: return x == y
      case .unequal: return x != y
      }
    }
    let same = actual.text.lowercased() == expected.text.lowercased()
    return relation == .equal ? same : (relation == .unequal ? !same : false)
  }
}
