import Foundation
import Testing

/// Ctrl-Z and `fg` in a shell with job control: the terminal goes back to the shell as it was,
/// and the screen comes back whole.
@Suite("Suspending and resuming", .serialized)
struct SuspendTests {
  /// Waits for a file the shell writes.
  static func contents(_ path: String) -> String? {
    let deadline = Date().addingTimeInterval(8)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: path, encoding: .utf8), !text.isEmpty { return text }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return nil
  }

  @Test func ctrlZGivesTheShellBackAndFgRedrawsTheScreen() throws {
    let t = try Tmux(shellWidth: 120, height: 36)
    t.wait { $0.contains(Tmux.prompt) }
    try t.send("stty -g > \(t.directory)/before", "Enter")
    try t.send("LC_ALL=C.UTF-8 '\(Binary.path)' --seed 3", "Enter")
    t.wait { $0.contains("gradient magnitude") }
    try t.send("n", "Space")
    t.wait { $0.contains("[F1]") }
    let before = t.settled()

    try t.send("C-z")
    let stopped = t.wait { $0.contains("Stopped") && $0.contains("\n" + Tmux.prompt) }
    #expect(stopped.contains("Stopped"), "no job-control message after Ctrl-Z")
    #expect(!stopped.contains("gradient magnitude"), "the interface is still on the screen after Ctrl-Z")
    #expect(t.normalScreen, "still on the alternate screen after Ctrl-Z")
    try t.send("stty -g > \(t.directory)/after", "Enter")
    let sane = Self.contents(t.directory + "/after")
    #expect(sane != nil && sane == Self.contents(t.directory + "/before"), "the shell got the terminal in other settings than it had")

    try t.send("fg", "Enter")
    t.wait { $0.contains("gradient magnitude") }
    #expect(t.settled() == before, "the screen after fg is not the one left")
    try t.send("Space")
    let next = t.wait { $0.contains("[F2]") }
    #expect(next.contains("[F2]"), "keys are not read after fg")
    try t.send("q")
    let done = t.wait { !$0.contains("gradient magnitude") }
    #expect(!done.contains("gradient magnitude"))
  }
}
