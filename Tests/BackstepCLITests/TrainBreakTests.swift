import BackstepCore
import Foundation
import Testing

/// `backstep train --break-on …` stops at the stage where a breakpoint first holds, prints it
/// with the summary and exits with status 3; `--save` keeps the run before the step that
/// broke, which then replays it.
@Suite("train --break-on")
struct TrainBreakTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  /// The shipped lesson named `name`, whose file may start with its place in the course
  /// (`05-vanishing.yaml`).
  static func demo(_ name: String) -> String {
    let file = ((try? LessonLibraryTests.files()) ?? []).first { LessonLibraryTests.name($0) == name } ?? "\(name).yaml"
    return root.appendingPathComponent("demos/\(file)").path
  }

  static let cases: [[String]] = [
    ["--config", demo("exploding"), "--break-on", "exploding"],
    ["--config", demo("exploding"), "--break-on", "exploding", "--exploding-norm", "1e9", "--exploding-ratio", "1e9"],
    ["--config", demo("vanishing"), "--break-on", "vanishing"],
    ["--layers", "8,8", "--activation", "relu", "--bias-init", "-1.5", "--break-on", "dead"],
    ["--lr", "1e-7", "--batch-size", "full", "--break-on", "plateau:30"],
    ["--layers", "8,8", "--init", "normal:2", "--lr", "0.3", "--break-on", "saturated"],
    ["--break-on", "step:12"],
    ["--break-on", "loss<0.6,stage:B9"],
  ]

  /// Where checked stepping over the same configuration stops (checked against the values by
  /// the core's `BreakpointTests`).
  static func expectedHit(_ args: [String]) throws -> BreakHit? {
    var s = try Parsed.configuration(args).resolve().makeStepper()
    for _ in 0..<1000 {
      if let hit = s.finishIterationChecked() { return hit }
    }
    return nil
  }

  @Test(arguments: cases.indices.dropLast())
  func trainStopsWhereTheStepperDoesAndExitsWith3(_ i: Int) throws {
    let args = Self.cases[i]
    let found = try Self.expectedHit(args)
    let expected = try #require(found)
    let r = try Binary.run(["train", "--steps", "1000"] + args)
    #expect(r.status == 3, "\(r.stderr)")
    #expect(r.stdout.contains("break: \(expected)"), "\(r.stdout)")
    #expect(r.stderr == "backstep: stopped at a breakpoint: \(expected)\n")
    // The summary is of the last complete step.
    let stepLine = "step \(expected.stage == .update ? expected.step : expected.step - 1)  epoch"
    #expect(r.stdout.contains(stepLine), "\(r.stdout)")
  }

  @Test func aStageOutsideTheNetworkIsAUsageError() throws {
    let r = try Binary.run(["train", "--break-on", "loss<0.6,stage:B9"])
    #expect(r.status == 2)
    #expect(r.stderr.contains("breakpoint stage:B9 names layer 9, but the network has 3 layers"), "\(r.stderr)")
  }

  @Test func anUnknownBreakpointNamesTheFlagAndTheForms() throws {
    let r = try Binary.run(["train", "--break-on", "vanish"])
    #expect(r.status == 2)
    #expect(r.stderr == "backstep: --break-on: unknown breakpoint 'vanish' (expected one of \(BreakCondition.forms))\n")
  }

  /// A NaN is a failed run whatever the breakpoints: status 1.
  @Test func aNaNStillFailsWithStatus1() throws {
    let r = try Binary.run(["train", "--config", Self.demo("exploding"), "--break-on", "nan,step:500"])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("training diverged"))
  }

  /// The model saved at a break is the run before the step that broke: opened with the same
  /// breakpoint, it stops at the same stage of the same step, on the same batch.
  @Test func theModelSavedAtABreakReplaysTheStep() throws {
    let path = try Binary.temporaryDirectory() + "/at-break.json"
    let r = try Binary.run(["train", "--break-on", "step:7", "--save", path])
    #expect(r.status == 3, "\(r.stderr)")
    #expect(r.stdout.contains("saved \(path) at step 6, before the step that broke"), "\(r.stdout)")
    var uninterrupted = try RunConfiguration().resolve().makeStepper()
    uninterrupted.run(iterations: 6)
    uninterrupted.advance()
    var resumed = RunConfiguration()
    resumed.model = path
    resumed.breakOn = [.step(7)]
    var s = try resumed.resolve().makeStepper()
    let checked = s.finishIterationChecked()
    let hit = try #require(checked)
    #expect(hit.step == 7 && hit.stage == .forward(1))
    #expect(s.record.batchIndices == uninterrupted.record.batchIndices)
    #expect(s.record.layers[0].a == uninterrupted.record.layers[0].a)
  }

  @Test func theHelpDocumentsStatus3AndTheFlag() throws {
    let r = try Binary.run(["help", "train"])
    let words = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("and the exit status is 3."))
    #expect(r.stdout.contains("--break-on <list>"))
    #expect(r.stdout.contains("--exploding-ratio"))
  }
}
