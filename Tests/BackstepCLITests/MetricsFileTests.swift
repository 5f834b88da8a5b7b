import Foundation
import Testing

@testable import BackstepCore

/// `train --metrics`: one row per step, read back with the project's CSV reader and checked
/// against the trace of the same run; written when a run diverges, never half-written.
@Suite("train --metrics", .serialized)
struct MetricsFileTests {
  static let run = ["--steps", "8", "--seed", "5", "--batch-size", "20", "--layers", "4,3"]
  static let diverging = [
    "--layers", "16,16,16,16,16,16", "--activation", "relu", "--output", "identity", "--loss", "mse", "--init", "normal:2",
    "--lr", "0.01", "--seed", "4", "--steps", "50",
  ]

  static func table(_ path: String) throws -> CSVTable {
    try CSVTable.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
  }

  /// Column `name` of every row, as text.
  static func column(_ table: CSVTable, _ name: String) throws -> [String] {
    let i = try #require(table.header.firstIndex(of: name), "no column \(name)")
    return table.rows.map { $0.fields[i] }
  }

  /// A JSON value's numbers, flattened in order (rows of a matrix one after another).
  static func numbers(_ v: JSONValue?) -> [Double] {
    switch v?.kind {
    case .number(let x, _): [x]
    case .array(let items): items.flatMap { numbers($0) }
    default: []
    }
  }

  static func leftovers(_ dir: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
  }

  @Test func theRowsAgreeWithTheTraceOfTheSameRun() throws {
    let dir = try Binary.temporaryDirectory()
    let metrics = try Binary.run(["train", "--metrics", dir + "/m.csv"] + Self.run)
    #expect(metrics.status == 0, "\(metrics.stderr)")
    #expect(metrics.stdout.contains("wrote 8 rows of metrics to \(dir)/m.csv"), "\(metrics.stdout)")
    let trace = try Binary.run(["trace", "--out", dir + "/t.jsonl"] + Self.run)
    #expect(trace.status == 0, "\(trace.stderr)")
    let table = try Self.table(dir + "/m.csv")
    let lines = try String(contentsOfFile: dir + "/t.jsonl", encoding: .utf8).split(separator: "\n")
    let steps = try lines.map { try JSONParser.parse(Array($0.utf8)) }
    #expect(table.rows.count == 8 && steps.count == 8)
    #expect(table.header.count == 7 + 8 * 3, "three layers: 4, 3 and the output")
    #expect(Array(table.header.prefix(3)) == ["step", "epoch", "batch_loss"])
    #expect(try Self.column(table, "step") == (1...8).map(String.init))
    let batchLoss = try Self.column(table, "batch_loss").compactMap(Double.init)
    #expect(batchLoss.map(\.bitPattern) == steps.map { Self.numbers($0["loss"]).first?.bitPattern ?? 0 })
    for l in 0..<3 {
      let normDW = try Self.column(table, "L\(l + 1)_norm_dW").compactMap(Double.init)
      #expect(normDW.map(\.bitPattern) == steps.map { Self.numbers($0["grad_norms"]?["dW"])[l].bitPattern })
      let normDelta = try Self.column(table, "L\(l + 1)_norm_delta").compactMap(Double.init)
      #expect(normDelta.map(\.bitPattern) == steps.map { Self.numbers($0["grad_norms"]?["delta"])[l].bitPattern })
    }
    // ‖W‖ of a step is the norm of the weights the step before left behind.
    let normW = try Self.column(table, "L2_norm_W").compactMap(Double.init)
    for t in 1..<8 {
      guard case .array(let layers) = steps[t - 1]["weights_after"]?.kind else {
        Issue.record("no weights_after at step \(t)")
        return
      }
      let w = Self.numbers(layers[1])
      #expect(normW[t].bitPattern == w.reduce(0) { $0 + $1 * $1 }.squareRoot().bitPattern, "step \(t + 1)")
    }
  }

  /// Watching for breakpoints changes nothing here: a NaN is not a break, and the step it
  /// appeared in still runs to its end and gets its row, once.
  @Test(arguments: [[], ["--break-on", "nan"]])
  func aDivergedRunKeepsItsRowsUpToTheBadStep(_ watch: [String]) throws {
    let dir = try Binary.temporaryDirectory()
    let r = try Binary.run(["train", "--metrics", dir + "/d.csv"] + Self.diverging + watch)
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("of step 3"), "\(r.stderr)")
    #expect(r.stdout.contains("wrote 3 rows of metrics"), "\(r.stdout)")
    let table = try Self.table(dir + "/d.csv")
    #expect(table.rows.count == 3)
    #expect(try Self.column(table, "step") == ["1", "2", "3"])
    #expect(try Self.column(table, "L1_verdict") == ["exploding", "exploding", "non_finite"])
    #expect(try Self.column(table, "L1_norm_dW").last == "nan")
    #expect(try Self.column(table, "train_loss").last == "nan")
  }

  @Test func aFailedRunLeavesTheOldFile() throws {
    let dir = try Binary.temporaryDirectory()
    let path = dir + "/m.csv"
    try "the old metrics".write(toFile: path, atomically: false, encoding: .utf8)
    let r = try Binary.run(["train", "--steps", "5", "--metrics", path, "--save", dir + "/missing/m.json"])
    #expect(r.status == 73, "\(r.stderr)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "the old metrics")
    #expect(try Self.leftovers(dir).isEmpty)
  }

  @Test func anInterruptedRunLeavesTheOldFile() throws {
    let dir = try Binary.temporaryDirectory()
    let path = dir + "/m.csv"
    try "the old metrics".write(toFile: path, atomically: false, encoding: .utf8)
    let pid = try Spawn.start([Binary.path, "train", "--steps", "100000000", "--metrics", path])
    let deadline = Date().addingTimeInterval(20)
    while try Self.leftovers(dir).isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    #expect(try !Self.leftovers(dir).isEmpty, "the rows go to a temporary file")
    kill(pid, SIGINT)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    #expect(status & 0x7F == SIGINT)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "the old metrics")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["m.csv"])
  }

  @Test func thePathIsCheckedBeforeTraining() throws {
    let r = try Binary.run(["train", "--steps", "100000000", "--metrics", "/nonexistent/dir/m.csv"])
    #expect(r.status == 73, "\(r.stderr)")
    #expect(r.stderr.contains("cannot create the file here: no such directory"), "\(r.stderr)")
    #expect(r.stdout.isEmpty, "refused before training")
  }

  @Test func helpNamesTheColumnsAndHowToReadThem() throws {
    let r = try Binary.run(["train", "--help"])
    #expect(r.status == 0)
    for text in ["--metrics <file.csv>", "L1_norm_W", "L1_update_ratio", "L2_", "non_finite", "pandas.read_csv", "docs/formats.md"] {
      #expect(r.stdout.contains(text), "\(text)")
    }
  }
}
