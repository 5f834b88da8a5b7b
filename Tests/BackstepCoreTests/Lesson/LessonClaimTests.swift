import Foundation
import Testing

@testable import BackstepCore

/// Placeholders read what the stepper computed, and only once it has; expectations compare
/// those readings; run targets stop where they say.
@Suite("Lesson placeholders and claims")
struct LessonClaimTests {
  static func stepper() throws -> Stepper { try RunConfiguration().resolve().makeStepper() }

  func value(_ text: String, _ s: Stepper) throws -> LessonValue { try Placeholder(parsing: text).value(in: s) }

  @Test func aPlaceholderReadsTheValueItsStageComputed() throws {
    var s = try Self.stepper()
    s.finishIteration()
    #expect(try value("loss", s) == .number(s.record.loss))
    #expect(try value("step", s) == .count(1))
    #expect(try value("norm dW 1", s) == .number(s.record.layers[0].backwardReading?.normDW ?? -1))
    #expect(try value("verdict 2", s) == .word(s.record.layers[1].backwardReading?.verdict.rawValue ?? ""))
    #expect(try value("z 2 3 1", s) == .number(s.record.layers[1].z[2, 0]))
    #expect(try value("stage", s) == .word("update"))
  }

  @Test func aValueIsMissingUntilItsStageHasRun() throws {
    var s = try Self.stepper()
    s.finishIteration()
    s.advance()
    // forward(1) of step 2 has run; the loss, backward(1) and forward(2) of step 1 are stale.
    #expect(throws: LessonValueMissing.self) { try value("loss", s) }
    #expect(throws: LessonValueMissing.self) { try value("norm dW 1", s) }
    #expect(throws: LessonValueMissing.self) { try value("a 2 1 1", s) }
    #expect(try value("a 1 1 1", s) == .number(s.record.layers[0].a[0, 0]))
    #expect(throws: LessonValueMissing.self) { try value("z 9 1 1", s) }
    #expect(throws: LessonValueMissing.self) { try value("z 1 999 1", s) }
  }

  @Test func anUnknownPlaceholderOrAWrongArgumentIsRefused() {
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "los") }
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "norm dW") }
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "norm dW x") }
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "z 1 1") }
    #expect((try? Placeholder(parsing: "norm  dW 3"))?.text == "norm dW 3")
  }

  @Test func aCaptionFillsInItsPlaceholders() throws {
    var s = try Self.stepper()
    s.finishIteration()
    let caption = try CaptionTemplate(parsing: "step {step}: loss {loss}.")
    #expect(try caption.filled(from: s) == "step 1: loss \(Format.short(s.record.loss, digits: 4)).")
    #expect(throws: CaptionError.self) { try CaptionTemplate(parsing: "a {b") }
    #expect((try? CaptionTemplate(parsing: "ok {nope}")) == nil)
  }

  @Test func expectationsCompareTheReadings() throws {
    var s = try Self.stepper()
    s.finishIteration()
    let loss = s.record.loss
    #expect(try Expectation(parsing: "loss < \(loss * 2)").failure(in: s) == nil)
    #expect(try Expectation(parsing: "loss > \(loss * 2)").failure(in: s) == "loss is \(Format.short(loss, digits: 4))")
    #expect(try Expectation(parsing: "step >= 1").failure(in: s) == nil)
    #expect(try Expectation(parsing: "step != 1").failure(in: s) != nil)
    let verdict = s.record.layers[0].backwardReading?.verdict.rawValue ?? ""
    #expect(try Expectation(parsing: "verdict 1 = \(verdict)").failure(in: s) == nil)
    #expect(try Expectation(parsing: "verdict 1 != \(verdict)").failure(in: s) != nil)
    #expect(try Expectation(parsing: "nan").failure(in: s) != nil)
    #expect(try Expectation(parsing: "finite").failure(in: s) == nil)
    #expect(throws: LessonValueMissing.self) { try Expectation(parsing: "verdict 1 < healthy") }
    #expect(throws: LessonValueMissing.self) { try Expectation(parsing: "loss ~ 3") }
  }

  /// docs/lessons.md lists the table, line for line.
  @Test func theDocsListEveryPlaceholder() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/lessons.md")
    let docs = try String(contentsOf: url, encoding: .utf8)
    for kind in Placeholder.table {
      let row = "| `{\(([kind.name] + kind.arguments).joined(separator: " "))}` | \(kind.help) |"
      #expect(docs.contains(row), "docs/lessons.md lacks \(row)")
    }
  }

  @Test func runTargetsStopWhereTheySay() throws {
    #expect(try RunTarget(parsing: "step:3") == .step(3))
    #expect(try RunTarget(parsing: "B2") == .stage(.backward(2)))
    #expect(try RunTarget(parsing: "stage:loss") == .stage(.loss))
    #expect(try RunTarget(parsing: "nan") == .breakpoint(.nan))
    var s = try Self.stepper()
    let target = RunTarget.step(3)
    var stages = 0
    while true {
      stages += 1
      if target.isReached(after: s.advance(), in: s) { break }
    }
    #expect(s.step == 3)
    #expect(stages == 3 * s.stages.count)
    #expect(throws: LessonValueMissing.self) { try RunTarget.stage(.backward(9)).check(depth: s.network.depth) }
  }
}
