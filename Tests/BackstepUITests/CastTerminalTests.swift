import BackstepCore
import Foundation
import TermGrid
import Testing

@testable import BackstepUI

/// The screen recording: an asciicast v2 file whose events, played into a terminal of the
/// recorded size, show the frames the loop drew, at times read from the loop's clock.
@Suite("Recording the screen as asciicast")
struct CastTerminalTests {
  typealias Script = [(Double, RecordingTerminal.Event)]

  /// One parsed event line: time, code and data.
  struct Event {
    var time: Double
    var code: String
    var data: String
  }

  static func temporaryPath() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-cast-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path + "/session.cast"
  }

  /// The file's header and events; an event that is not `[number, string, string]` fails.
  static func read(_ path: String) throws -> (header: JSONValue, events: [Event]) {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.last == "", "the file ends with a newline")
    let header = try JSONParser.parse(Array(lines[0].utf8))
    let events = try lines.dropFirst().dropLast().map { line -> Event in
      let value = try JSONParser.parse(Array(line.utf8))
      guard case .array(let items) = value.kind, items.count == 3, case .number(let time, _) = items[0].kind,
        case .string(let code) = items[1].kind, case .string(let data) = items[2].kind
      else {
        Issue.record("not an event: \(line)")
        return Event(time: -1, code: "", data: "")
      }
      return Event(time: time, code: code, data: data)
    }
    return (header, events)
  }

  /// Runs the default network's loop on `script`, recorded into `path`.
  static func record(_ script: Script, into path: String, level: ColorLevel = .xterm256) throws -> RecordingTerminal {
    let clock = VirtualClock()
    let terminal = RecordingTerminal(clock: clock, script: script)
    terminal.colorLevel = level
    let cast = CastTerminal(
      recording: terminal, into: try AtomicFile.Writer(path: path), clock: clock, timestamp: 1_700_000_000, title: "backstep",
      environment: [("TERM", "xterm-256color"), ("SHELL", "/bin/sh")])
    var loop = RunLoop(state: try AppState(config: RunConfiguration()), terminal: cast, clock: clock)
    #expect(loop.run() == .quit)
    try cast.finish()
    return terminal
  }

  /// What a terminal at 256 colours shows of `frame`: the cells in the form they are sent in.
  static func shown(_ frame: Frame?) -> String? {
    frame?.cheapest { ColorMath.downgrade($0, to: .xterm256) }.plainText
  }

  static func number(_ value: JSONValue?) -> Double? {
    guard case .number(let x, _) = value?.kind else { return nil }
    return x
  }

  static func string(_ value: JSONValue?) -> String? {
    guard case .string(let s) = value?.kind else { return nil }
    return s
  }

  @Test func theHeaderNamesTheFormatTheSizeAndTheSession() throws {
    let path = try Self.temporaryPath()
    let terminal = try Self.record([(0.5, .key(.character("q")))], into: path)
    let (header, events) = try Self.read(path)
    #expect(Self.number(header["version"]) == 2)
    #expect(Self.number(header["width"]) == Double(terminal.frames[0].width))
    #expect(Self.number(header["height"]) == Double(terminal.frames[0].height))
    #expect(Self.number(header["timestamp"]) == 1_700_000_000)
    #expect(Self.string(header["title"]) == "backstep")
    #expect(Self.string(header["env"]?["TERM"]) == "xterm-256color")
    #expect(Self.string(header["env"]?["SHELL"]) == "/bin/sh")
    #expect(events.first?.code == "o")
  }

  @Test func playingTheEventsShowsEveryFrameAtTheLoopsTimes() throws {
    let path = try Self.temporaryPath()
    let script: Script = [
      (0.5, .key(.character(" "))), (1.0, .key(.character(" "))), (1.5, .key(.character("n"))), (2.0, .key(.character("q"))),
    ]
    let terminal = try Self.record(script, into: path)
    let (_, events) = try Self.read(path)
    #expect(events.allSatisfy { $0.code == "o" })
    #expect(zip(events, events.dropFirst()).allSatisfy { $0.time <= $1.time }, "times never go back")
    let keyTimes = terminal.delivered.map(\.time)
    #expect(events.last.map { $0.time >= keyTimes[2] && $0.time <= keyTimes[3] } == true, "the last change is drawn after n")
    var screen = ANSIScreen(width: terminal.size.width, height: terminal.size.height)
    for event in events { screen.feed(event.data) }
    #expect(terminal.frames.count > 3)
    #expect(screen.plainText == Self.shown(terminal.frames.last))
    #expect(events.first?.data.contains("\u{1B}[2J") == true, "the first frame is written whole")
  }

  @Test func eachFrameIsWrittenAsItsChangesOrWholeWhicheverIsShorter() throws {
    let path = try Self.temporaryPath()
    let script: Script = [(0.5, .key(.character(" "))), (1.0, .key(.character("n"))), (1.5, .key(.character("v"))), (2.0, .key(.character("q")))]
    let frames = try Self.record(script, into: path).frames
    for (previous, frame) in zip(frames, frames.dropFirst()) {
      let update = frame.ansiUpdate(from: previous, level: .xterm256)
      let whole = frame.ansiUpdate(from: nil, level: .xterm256)
      #expect(update.utf8.count <= whole.utf8.count)
      var screen = ANSIScreen(width: frame.width, height: frame.height)
      screen.feed(previous.ansiUpdate(from: nil, level: .xterm256))
      screen.feed(update)
      #expect(screen.plainText == Self.shown(frame))
    }
    #expect(frames.count > 3)
    let partial = zip(frames, frames.dropFirst()).filter { !$1.ansiUpdate(from: $0, level: .xterm256).contains("\u{1B}[2J") }
    #expect(!partial.isEmpty, "some frame is written as its changes alone")
  }

  @Test func aResizeIsAnnouncedAndRepaintedWhole() throws {
    let path = try Self.temporaryPath()
    let script: Script = [(0.5, .key(.character(" "))), (1.0, .resize(width: 80, height: 24)), (1.5, .key(.character("q")))]
    let terminal = try Self.record(script, into: path)
    let (_, events) = try Self.read(path)
    let resizes = events.indices.filter { events[$0].code == "r" }
    #expect(resizes.count == 1)
    guard let r = resizes.first, r + 1 < events.count else { return }
    #expect(events[r].data == "80x24")
    #expect(events[r + 1].data.contains("\u{1B}[2J"), "the frame after a resize is written whole")
    var screen = ANSIScreen(width: 80, height: 24)
    for event in events[(r + 1)...] { screen.feed(event.data) }
    #expect(screen.plainText == Self.shown(terminal.frames.last))
  }

  @Test func aChangedCellIsWrittenAloneInTheSessionsColours() throws {
    var first = Frame(width: 10, height: 3)
    _ = first.put("ab", x: 0, y: 0)
    var second = first
    _ = second.put("Z", x: 4, y: 2, foreground: .indexed(196))
    let update = second.ansiUpdate(from: first, level: .xterm256)
    #expect(update == "\u{1B}[3;5H" + "\u{1B}[0;38;5;196m" + "Z" + "\u{1B}[0m")
    #expect(second.ansiUpdate(from: second, level: .xterm256).isEmpty)
    // At no colour, the same change carries no colour.
    #expect(!second.ansiUpdate(from: first, level: .none).contains("38;5"))
  }

  @Test func eventsAreJSONWithControlCharactersQuotesAndUTF8Escaped() throws {
    let text = "\u{1B}[1m\"q\" \\ é ▓\n\u{7}"
    let line = Asciicast.output(at: 1.25, text)
    #expect(line == #"[1.25, "o", "\u001b[1m\"q\" \\ é ▓\n\u0007"]"#)
    let parsed = try JSONParser.parse(Array(line.utf8))
    guard case .array(let items) = parsed.kind, items.count == 3 else {
      Issue.record("not an array: \(line)")
      return
    }
    #expect(Self.string(items[2]) == text)
    #expect(Asciicast.resize(at: 0.0000004, width: 80, height: 24) == #"[0.0, "r", "80x24"]"#)
  }

  @Test func anUnfinishedRecordingLeavesTheOldFileAsItWas() throws {
    let path = try Self.temporaryPath()
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    let clock = VirtualClock()
    let terminal = RecordingTerminal(clock: clock, script: [])
    do {
      let cast = CastTerminal(recording: terminal, into: try AtomicFile.Writer(path: path), clock: clock)
      cast.draw(Frame(width: 120, height: 36))
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
    #expect(leftovers == ["session.cast"])
  }
}
