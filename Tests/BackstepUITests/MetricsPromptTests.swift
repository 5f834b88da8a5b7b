import BackstepCore
import Foundation
import Testing

@testable import BackstepUI

/// `:metrics FILE.csv` writes the steps the history keeps and says how many.
@Suite("The metrics prompt command")
struct MetricsPromptTests {
  static func prompt(_ line: String, _ state: inout AppState) {
    for c in ":" + line { state.handle(.character(c)) }
    state.handle(.enter)
  }

  static func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-prompt-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  @Test func writesEveryStepSoFar() throws {
    var state = try AppState(config: RunConfiguration())
    for _ in 0..<7 { state.update(.finishIteration) }
    let path = try Self.temporaryDirectory() + "/run.csv"
    Self.prompt("metrics \(path)", &state)
    #expect(state.message == "wrote 7 rows (steps 1–7) to \(path)")
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    #expect(lines.first == MetricsTable.header(layers: state.stepper.network.depth))
    #expect(lines.dropFirst().map { $0.prefix { $0 != "," } } == (1...7).map { Substring(String($0)) })
    #expect(Array(lines.dropFirst()) == state.stepper.history.entries.map(MetricsTable.row))
  }

  /// A run longer than the history's capacity writes the steps the history kept, and says so.
  @Test func aThinnedHistorySaysWhichStepsItKept() throws {
    var state = try AppState(config: RunConfiguration())
    state.stepper.run(iterations: 4096)
    let path = try Self.temporaryDirectory() + "/long.csv"
    Self.prompt("metrics \(path)", &state)
    let history = state.stepper.history
    #expect(history.stride == 2)
    #expect(state.message == "wrote \(history.count) rows (steps 2–4096, one in 2) to \(path)")
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == history.count + 1)
  }

  @Test func nothingIsWrittenBeforeTheFirstStep() throws {
    var state = try AppState(config: RunConfiguration())
    let path = try Self.temporaryDirectory() + "/none.csv"
    Self.prompt("metrics \(path)", &state)
    #expect(state.message == "no steps to write yet; \(path) unchanged")
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test(arguments: [
    ("metrics", "metrics needs a file to write"),
    ("metrics /nonexistent/dir/m.csv", "cannot create the file here: no such directory"),
  ])
  func aRefusalSaysWhy(_ line: String, _ reason: String) throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    Self.prompt(line, &state)
    #expect(state.message?.contains(reason) == true, "\(state.message ?? "no message")")
  }
}
