import Foundation
import Testing

/// The explain panel end to end: the built binary in tmux, stepped to backward(2), the cursor
/// moved onto a δ cell by keys, its terms read from the screen.
@Suite("The explain panel in the terminal", .serialized)
struct ExplainInteractiveTests {
  @Test func aDeltaCellsTermsAreOnScreen() throws {
    // 2-4-4-4-1: δ₂ is a sum over layer 3's four units.
    let t = try Tmux(["--layers", "4,4,4"])
    t.wait { $0.contains("gradient magnitude") }
    for _ in 0..<8 { try t.send("Space") }
    t.wait { $0.contains("[B2]") }
    try t.send("Tab")
    // Past a's ten examples and f′(z)'s ten to δ's first.
    for _ in 0..<20 { try t.send("Right") }
    try t.send("f")
    let screen = t.wait { $0.contains("as backward(2) computed it") }
    #expect(screen.contains("δ₂[1, ex 1] = (Σₖ δ₃[k]·W₃[k,1]) ⊙ tanh′(z₂[1, ex 1])"))
    for k in 1...4 { #expect(screen.contains("k=\(k)  "), "no row for δ₃[\(k)]·W₃[\(k),1]") }
    #expect(screen.contains("✓ as backward(2) computed it"))
    #expect(screen.contains("inspect δ₂[1, ex 1] = "))
    // The panel is not modal: a step goes on to B1 with it open.
    try t.send("Space")
    let after = t.wait { $0.contains("[B1]") }
    #expect(after.contains("how the value under the cursor is made"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
