import Foundation
import Testing

/// Presenter mode on a real terminal: PgDn and → play the next step, PgUp goes back one, an
/// ordinary key still works between steps, and autoplay ends the program after the last step.
@Suite("Lessons in a terminal", .serialized)
struct LessonTmuxTests {
  @Test func pageKeysAndArrowsMoveThroughTheLesson() throws {
    let t = try Tmux(["demo", TrainBreakTests.demo("vanishing")])
    t.wait { $0.contains("Vanishing gradients · start/7") }
    try t.send("NPage")
    let first = t.wait { $0.contains("step 1/7") }
    #expect(first.contains("backward(8) starts the gradient at the output"), "\(first)")
    try t.send("Right")
    t.wait { $0.contains("step 2/7") }
    // A detour: the lesson stands inside step 1; n finishes it by hand, and the header counts it.
    try t.send("n")
    let detour = t.wait { $0.contains("step 1  epoch") }
    #expect(detour.contains("step 2/7"))
    try t.send("PPage")
    let back = t.wait { $0.contains("step 1/7") && $0.contains("step 0  epoch") }
    #expect(back.contains("step 0  epoch"), "going back leaves the detour behind: \(back)")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  @Test func autoplayPlaysToTheEndAndStops() throws {
    let t = try Tmux(["demo", TrainBreakTests.demo("forward-pass"), "--autoplay", "--delay", "0.4"])
    #expect(t.exitStatus() == 0)
  }

  /// `--autoplay --record`: the lesson plays by itself into an asciicast v2 file, which ends
  /// when the lesson does, with its last step's caption on the last frame.
  @Test func autoplayRecordsTheLessonAsACast() throws {
    let path = try Binary.temporaryDirectory() + "/lesson.cast"
    let t = try Tmux(["demo", TrainBreakTests.demo("forward-pass"), "--autoplay", "--delay", "0.4", "--record", path])
    #expect(t.exitStatus() == 0)
    let (header, events) = try RecordTmuxTests.read(path)
    #expect(RecordTmuxTests.integer(header["version"]) == 2)
    #expect(RecordTmuxTests.integer(header["width"]) == 120)
    #expect(events.count >= 2)
    #expect(events.allSatisfy { $0.code == "o" })
    #expect(zip(events, events.dropFirst()).allSatisfy { $0.time <= $1.time })
    // Frames after the first write only the cells that changed, so the last step's caption —
    // 01-forward-pass.yaml runs until step 1500 — is there whole, as the first words of new text.
    let played = RecordTmuxTests.characters(events.map(\.data).joined())
    #expect(played.contains("After 1500 steps the same forward pass"), "the recording reaches the lesson's last step")
  }
}
