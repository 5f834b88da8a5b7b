import Foundation
import Testing

/// What the program sends to its terminal, read from the pane by tmux: over SSH every byte
/// crosses the network, so a screen that does not change sends nothing.
@Suite("What the screen sends", .serialized)
struct TrafficTests {
  /// Once the first frame is drawn and the program waits for a key, it sends nothing.
  @Test func aScreenWaitingForAKeySendsNothing() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    _ = t.settled()
    #expect(try t.bytesSent(during: 2) == 0)
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  /// Run mode sends frames (so the pipe sees what the program writes), and once paused the
  /// program sends nothing, however long it stays paused.
  @Test func runModeSendsFramesAndAPausedScreenNothing() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("p")
    t.wait { $0.contains("▶") && !$0.contains("step 0 ") }
    #expect(try t.bytesSent(during: 1) > 0)
    try t.send("p")
    let paused = t.wait { $0.contains("paused") }
    #expect(paused.contains("paused"))
    _ = t.settled()
    #expect(try t.bytesSent(during: 2) == 0)
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
