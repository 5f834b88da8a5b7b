import Foundation
import Testing

/// A recurrent network at a real terminal: each key runs one time step, and the panel of the
/// gradient through time says when it comes, then fills in from t = T with the share that
/// reaches t = 1 in its title.
@Suite("A recurrent network in a terminal", .serialized)
struct RecurrentTmuxTests {
  @Test func steppingTimeStepsFillsTheGradientThroughTime() throws {
    let t = try Tmux(["--rnn", "4", "--dataset", "adding", "--seq-len", "5"])
    let start = t.wait { $0.contains("comes at B1·t5") }
    #expect(start.contains("through time"), "\(start)")
    // F1·t1 … F1·t3: one key a time step, the band naming the step.
    for _ in 0..<3 { try t.send("Space") }
    let forward = t.wait { $0.contains("[F1·t3]") }
    #expect(forward.contains("t=3/5"), "\(forward)")
    #expect(forward.contains("forward(1, t=3)"), "\(forward)")
    // F1·t4, F1·t5, F2, loss, B2, B1·t5: the first norm through time.
    for _ in 0..<6 { try t.send("Space") }
    let entered = t.wait { $0.contains("[B1·t5]") }
    #expect(!entered.contains("comes at B1·t5"), "\(entered)")
    #expect(entered.contains("t=1") && entered.contains("t=5"), "\(entered)")
    // The rest of the backward time steps, down to t = 1: the ratio comes into the title.
    for _ in 0..<4 { try t.send("Space") }
    let whole = t.wait { $0.contains("[B1·t1]") }
    #expect(whole.contains("‖δ₁‖/‖δ_T‖ = "), "\(whole)")
    #expect(whole.contains("backward(1, t=1)"), "\(whole)")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  /// The band's maps over time: the label names the example and the steps, δ waits for
  /// B1·t5, and `.` moves the maps to the next example.
  @Test func theBandShowsTheSelectedExampleOverTime() throws {
    let t = try Tmux(["--rnn", "4", "--dataset", "adding", "--seq-len", "5"], width: 120, height: 36)
    _ = t.wait { $0.contains("comes at B1·t5") }
    for _ in 0..<2 { try t.send("Space") }
    let forward = t.wait { $0.contains("[F1·t2]") }
    #expect(forward.contains("ex 1") && forward.contains("t 1–5"), "\(forward)")
    #expect(forward.contains("comes at B1·t5"), "\(forward)")
    try t.send(".")
    let next = t.wait { $0.contains("ex 2") }
    #expect(next.contains("t=2/5"), "\(next)")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
