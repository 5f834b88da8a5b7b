import Foundation
import Testing

/// Breakpoints on a real terminal: the exploding lesson with `--break-on exploding` pauses at
/// the stage where a layer's gradient turns exploding, names it, and stays there; `:break off`
/// and `p` go on.
@Suite("Breakpoints in a terminal", .serialized)
struct BreakpointTmuxTests {
  /// The step the header shows ("step 12  epoch 0").
  static func headerStep(_ screen: String) -> Int? {
    guard let range = screen.range(of: #"step \d+  epoch"#, options: .regularExpression) else { return nil }
    return Int(screen[range].dropFirst(5).prefix { $0.isNumber })
  }

  @Test func theExplodingLessonPausesAtTheBreakAndGoesOnWhenAsked() throws {
    let t = try Tmux(["--config", TrainBreakTests.demo("exploding"), "--break-on", "exploding"])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("p")
    let stopped = t.wait { $0.contains("break: exploding at") }
    // The status line and the caption's first row both name it: the layer, its stage and step.
    #expect(stopped.components(separatedBy: "break: exploding at B7 of step 1, ‖dW₇‖ = ").count == 3, "\(stopped)")
    #expect(stopped.contains("[B7]"))
    // It stays paused: the same stage and step a while later.
    Thread.sleep(forTimeInterval: 1)
    let later = t.settled()
    #expect(later.contains("[B7]"))
    #expect(Self.headerStep(later) == 0, "the header counts the steps completed")
    #expect(later.contains("paused"))
    try t.send(":")
    try t.send("break off", "Enter")
    t.wait { $0.contains("no breakpoints") }
    try t.send("p")
    let goneOn = t.wait { (Self.headerStep($0) ?? 0) > 1 }
    #expect((Self.headerStep(goneOn) ?? 0) > 1, "\(goneOn)")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  @Test func theOverlayListsTheBreakpointsAndSwitchesThemOff() throws {
    let t = try Tmux(["--break-on", "stage:loss,exploding"])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("p")
    t.wait { $0.contains("break: stage:loss at loss of step 1") }
    try t.send("!")
    let list = t.wait { $0.contains("1 hit") }
    #expect(list.contains("on  stage:loss  1 hit"), "\(list)")
    // nan is first on the list; stage:loss is the second.
    try t.send("2")
    #expect(t.wait { $0.contains("off stage:loss") }.contains("off stage:loss"))
    try t.send("Escape", "p")
    let goneOn = t.wait { (Self.headerStep($0) ?? 0) > 2 }
    #expect((Self.headerStep(goneOn) ?? 0) > 2, "a switched-off breakpoint stopped the run")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
