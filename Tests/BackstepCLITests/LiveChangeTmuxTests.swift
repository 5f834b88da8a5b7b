import Foundation
import Testing

/// A live change typed at the prompt of the real program: it waits for the next step and the
/// screen says so; a rebuild keeps the old loss curve as a ghost.
@Suite("Live changes at a real terminal", .serialized)
struct LiveChangeTmuxTests {
  /// Starts the program, presses `keys` one by one, waits for `ready`, then types `line` at the
  /// `:` prompt and returns the screen once it shows `shown`.
  static func typed(_ line: String, after keys: [String], ready: String, shown: String) throws -> (Tmux, String) {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    for key in keys { try t.send(key) }
    t.wait { $0.contains(ready) }
    for key in [":", line, "Enter"] { try t.send(key) }
    return (t, t.wait { $0.contains(shown) })
  }

  @Test func aRateTypedMidIterationAppliesFromTheNextStep() throws {
    let (t, said) = try Self.typed("lr 0.3", after: ["n", "Space", "Space", "Space"], ready: "[F3]", shown: "from step 3")
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
    let (t, screen) = try Self.typed("act relu", after: Array(repeating: "n", count: 5), ready: "step 5 ", shown: "the run restarted")
    #expect(screen.contains("┄ before: act tanh"))
    #expect(screen.contains("2-4-4-1 relu/sigmoid"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
