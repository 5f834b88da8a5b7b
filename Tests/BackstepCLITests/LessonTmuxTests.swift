import Foundation
import Testing

/// Presenter mode on a real terminal: PgDn and → play the next step, PgUp goes back one, an
/// ordinary key still works between steps, and autoplay ends the program after the last step.
@Suite("Lessons in a terminal", .serialized)
struct LessonTmuxTests {
  @Test func pageKeysAndArrowsMoveThroughTheLesson() throws {
    let t = try Tmux(["demo", TrainBreakTests.demo("vanishing")])
    t.wait { $0.contains("Vanishing gradients · start/4") }
    try t.send("NPage")
    let first = t.wait { $0.contains("step 1/4") }
    #expect(first.contains("One whole iteration. The gradient enters at the output"), "\(first)")
    try t.send("Right")
    t.wait { $0.contains("step 2/4") }
    // A detour: one more iteration by hand; the header counts it.
    try t.send("n")
    let detour = t.wait { $0.contains("step 5  epoch") }
    #expect(detour.contains("step 2/4"))
    try t.send("PPage")
    let back = t.wait { $0.contains("step 1/4") && $0.contains("step 1  epoch") }
    #expect(back.contains("step 1  epoch"), "going back leaves the detour behind: \(back)")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  @Test func autoplayPlaysToTheEndAndStops() throws {
    let t = try Tmux(["demo", TrainBreakTests.demo("first-steps"), "--autoplay", "--delay", "0.4"])
    #expect(t.exitStatus() == 0)
  }
}
