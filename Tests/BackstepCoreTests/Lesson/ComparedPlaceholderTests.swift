import BackstepCore
import Testing

/// In a comparison a placeholder or a claim names its network: `B:` reads the right one, no
/// prefix (or `A:`) the left.
@Suite("Placeholders of two networks")
struct ComparedPlaceholderTests {
  static func pair() throws -> Comparison {
    var c = RunConfiguration()
    c.points = 60
    c.compare = try SettingsChange("layers=4,4,4")
    var p = try c.makeComparison()
    Lockstep.finishIteration(&p.left, &p.right)
    return p
  }

  @Test func thePrefixNamesTheNetwork() throws {
    let p = try Self.pair()
    let b = try Placeholder(parsing: "B: norm dW 4")
    #expect(b.side == .right && b.name == "norm dW" && b.text == "B: norm dW 4")
    #expect(try b.value(left: p.left, right: p.right) == .number(p.right.record.layers[3].backwardReading?.normDW ?? -1))
    // Layer 4 is in B only (A has two hidden layers and its output): read in A it has no value.
    #expect(p.left.network.depth == 3)
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "norm dW 4").value(left: p.left, right: p.right) }
    let a = try Placeholder(parsing: "A: loss")
    let plain = try Placeholder(parsing: "loss")
    #expect(a.side == .left && a == plain)
    #expect(try a.value(left: p.left, right: p.right) == .number(p.left.record.loss))
  }

  /// Without a second network a `B:` placeholder has no value, and says why.
  @Test func withoutAComparisonBHasNoValue() throws {
    let p = try Self.pair()
    #expect {
      try Placeholder(parsing: "B: loss").value(left: p.left, right: nil)
    } throws: { error in
      (error as? LessonValueMissing)?.reason.contains("compares nothing") == true
    }
  }

  @Test func aCaptionReadsBothNetworks() throws {
    let p = try Self.pair()
    let caption = try CaptionTemplate(parsing: "A {loss}, B {B: loss}")
    let expected = "A \(LessonValue.number(p.left.record.loss).text), B \(LessonValue.number(p.right.record.loss).text)"
    #expect(try caption.filled(left: p.left, right: p.right) == expected)
  }

  @Test func aClaimNamesItsNetwork() throws {
    let p = try Self.pair()
    let claim = try Expectation(parsing: "B: step = 1")
    #expect(claim.side == .right)
    #expect(claim.failure(left: p.left, right: p.right) == nil)
    #expect(try Expectation(parsing: "B: finite").failure(left: p.left, right: p.right) == nil)
    #expect(try Expectation(parsing: "B: nan").failure(left: p.left, right: p.right) != nil)
    #expect(try Expectation(parsing: "B: finite").failure(left: p.left, right: nil)?.contains("compares nothing") == true)
    let lossB = p.right.record.loss
    #expect(try Expectation(parsing: "B: loss > \(lossB * 2)").failure(left: p.left, right: p.right) == "B: loss is \(LessonValue.number(lossB).text)")
  }
}
