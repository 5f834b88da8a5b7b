import Foundation

/// One of the two networks of a comparison: the left one (A) as the settings describe it, the
/// right one (B) with the change.
public enum Side: String, CaseIterable, Hashable, Sendable {
  case left, right

  /// "A" or "B", as headings, breakpoint messages and lesson placeholders name the network.
  public var letter: String { self == .left ? "A" : "B" }

  /// The other network.
  public var other: Side { self == .left ? .right : .left }

  /// Splits a network prefix off a lesson's placeholder or claim: "B: norm dW 1" → (.right,
  /// "norm dW 1"); "A: loss" → (.left, "loss"); text without a prefix names the left network.
  /// The prefix is the letter and a colon, as a heading writes it ("B: relu").
  public static func prefixed(_ text: String) -> (side: Side, rest: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    for side in allCases where trimmed.uppercased().hasPrefix(side.letter + ":") {
      return (side, String(trimmed.dropFirst(side.letter.count + 1)).trimmingCharacters(in: .whitespaces))
    }
    return (.left, trimmed)
  }

  /// The text with this side's prefix: "B: norm dW 1"; the left network's without one.
  public func prefixing(_ text: String) -> String { self == .left ? text : "\(letter): \(text)" }
}

/// A breakpoint that held in one network of a comparison.
public struct ComparedHit: Equatable, Sendable, CustomStringConvertible {
  public var side: Side
  public var hit: BreakHit

  public init(side: Side, hit: BreakHit) {
    self.side = side
    self.hit = hit
  }

  /// "B: exploding at B1 of step 412, ‖dW₁‖ = 3.2e+04".
  public var description: String { "\(side.letter): \(hit)" }
}
