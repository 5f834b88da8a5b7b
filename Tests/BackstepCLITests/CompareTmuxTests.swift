import Foundation
import Testing

/// `backstep --compare` at a real terminal: two networks side by side, stepping together.
@Suite("A comparison at a real terminal", .serialized)
struct CompareTmuxTests {
  /// The two numbers after "A " and "B " in the loss panel's title, "loss A 0.69 B 0.648".
  static func losses(_ screen: String) -> (a: Double, b: Double)? {
    guard let line = screen.split(separator: "\n").first(where: { $0.contains("loss A ") }) else { return nil }
    let words = line.split(whereSeparator: { $0 == " " || $0 == "─" || $0 == "┌" || $0 == "┐" }).map(String.init)
    guard let i = words.firstIndex(of: "A"), let j = words.firstIndex(of: "B"), i + 1 < words.count, j + 1 < words.count,
      let a = Double(words[i + 1]), let b = Double(words[j + 1])
    else { return nil }
    return (a, b)
  }

  @Test func bothNetworksStepTogetherAndTheTerminalIsRestored() throws {
    let t = try Tmux(["--compare", "activation=relu"])
    let start = t.wait { $0.contains("B: relu ·") }
    #expect(start.contains("A: tanh ·"), "the left table is headed by its network")
    #expect(start.contains("A: tanh vs B: relu"))
    for _ in 0..<3 { try t.send("n") }
    let stepped = t.wait { $0.contains("step 3 ") && Self.losses($0) != nil }
    let losses = try #require(Self.losses(stepped))
    #expect(losses.a != losses.b, "the two networks' losses differ")
    #expect(stepped.contains("━ A: tanh"))
    try t.send("Space")
    let caption = t.wait { $0.contains("forward(1)") }
    #expect(caption.contains("A: tanh  forward(1)"))
    try t.send("t")
    let switched = t.wait { $0.contains("B: relu  forward(1)") }
    #expect(switched.contains("showing B: relu"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
    #expect(t.terminalRestored)
    #expect(t.normalScreen)
  }
}
