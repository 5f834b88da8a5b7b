import BackstepCore
import Foundation
import Testing

/// `--record FILE.cast` end to end: the program in tmux, a few keys, a way out, and then the
/// file an asciinema player reads.
@Suite("Recording the session", .serialized)
struct RecordTmuxTests {
  /// One event of the file: `[time, code, data]`.
  struct Event {
    var time: Double
    var code: String
    var data: String
  }

  /// The header and the events of the asciicast file at `path`; a line that is not an event
  /// fails the test.
  static func read(_ path: String) throws -> (header: JSONValue, events: [Event]) {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    let header = try JSONParser.parse(Array(try #require(lines.first).utf8))
    let events = try lines.dropFirst().compactMap { line -> Event? in
      let value = try JSONParser.parse(Array(line.utf8))
      guard case .array(let items) = value.kind, items.count == 3, case .number(let time, _) = items[0].kind,
        case .string(let code) = items[1].kind, case .string(let data) = items[2].kind
      else {
        Issue.record("not an event: \(line.prefix(200))")
        return nil
      }
      return Event(time: time, code: code, data: data)
    }
    return (header, events)
  }

  static func integer(_ value: JSONValue?) -> Int? {
    guard case .number(_, let exact) = value?.kind else { return nil }
    return exact
  }

  /// `text` without its escape sequences: the characters a frame written whole shows.
  static func characters(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
  }

  @Test func aSessionEndedWithQIsAPlayableCast() throws {
    let path = try Binary.temporaryDirectory() + "/session.cast"
    let t = try Tmux(["--record", path])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("Space")
    try t.send("n")
    t.wait { $0.contains("step 1 ") }
    try t.resize(width: 100, height: 30)
    let shown = t.wait { $0.contains("step 1 ") && $0.split(separator: "\n").count <= 30 }
    try t.send("q")
    #expect(t.exitStatus() == 0)
    let (header, events) = try Self.read(path)
    #expect(Self.integer(header["version"]) == 2)
    #expect(Self.integer(header["width"]) == 120)
    #expect(Self.integer(header["height"]) == 36)
    #expect(!events.isEmpty)
    #expect(events.allSatisfy { $0.code == "o" || $0.code == "r" })
    #expect(zip(events, events.dropFirst()).allSatisfy { $0.time <= $1.time }, "times never go back")
    #expect(events.filter { $0.code == "r" }.map(\.data).last == "100x30")
    // The frame written whole after the resize shows what the screen showed.
    let last = try #require(events.last { $0.data.contains("\u{1B}[2J") })
    #expect(Self.characters(last.data).contains("step 1 "))
    #expect(shown.contains("step 1 "))
  }

  @Test func aSignalStillPutsTheRecordingInPlace() throws {
    let path = try Binary.temporaryDirectory() + "/session.cast"
    let t = try Tmux(["--record", path])
    t.wait { $0.contains("gradient magnitude") }
    let pid = try #require(try t.programPID())
    kill(pid, SIGTERM)
    #expect(t.exitStatus() == 128 + Int(SIGTERM))
    let (header, events) = try Self.read(path)
    #expect(Self.integer(header["version"]) == 2)
    #expect(events.first.map { Self.characters($0.data).contains("gradient magnitude") } == true)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
    #expect(leftovers == ["session.cast"])
  }

  @Test func aPathThatCannotBeWrittenIsRefusedBeforeTheScreenStarts() throws {
    let t = try Tmux(["--record", "/nonexistent-directory/x.cast"])
    #expect(t.exitStatus() != 0)
    #expect(t.screen.contains("/nonexistent-directory/x.cast"))
    #expect(t.normalScreen)
  }
}
