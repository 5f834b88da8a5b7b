import Foundation
import Testing

/// A live change typed at the prompt of the real program: it waits for the next step and the
/// screen says so; a rebuild keeps the old loss curve as a ghost.
@Suite("Live changes at a real terminal", .serialized)
struct LiveChangeTmuxTests {
  @Test func aRateTypedMidIterationAppliesFromTheNextStep() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("n")
    t.wait { $0.contains("step 1 ") }
    for _ in 0..<3 { try t.send("Space") }
    t.wait { $0.contains("[F3]") }
    try t.send(":")
    try t.send("lr 0.3")
    try t.send("Enter")
    let said = t.wait { $0.contains("from step 3") }
    #expect(said.contains("lr 0.3 from step 3"))
    #expect(said.contains("lr=0.03→0.3"))
    try t.send("n")
    let finished = t.wait { $0.contains("[update]") }
    #expect(finished.contains("W ← W − 0.03·dW"), "step 2 ran with the rate it began with")
    try t.send("n")
    let next = t.wait { $0.contains("0.3·dW") }
    #expect(next.contains("W ← W − 0.3·dW"))
    #expect(next.contains("lr=0.3 "))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  @Test func aNewActivationRestartsTheRunAndKeepsTheOldCurve() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    for _ in 0..<5 { try t.send("n") }
    t.wait { $0.contains("step 5 ") }
    try t.send(":")
    try t.send("act relu")
    try t.send("Enter")
    let screen = t.wait { $0.contains("the run restarted") }
    #expect(screen.contains("┄ before: act tanh"))
    #expect(screen.contains("2-4-4-1 relu/sigmoid"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
