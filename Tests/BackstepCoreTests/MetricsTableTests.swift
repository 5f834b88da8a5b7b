import Foundation
import Testing

@testable import BackstepCore

/// The metrics file: a header naming every column, one row per step, every cell the value the
/// stepper measured, read back by the project's own CSV reader.
@Suite("The metrics file")
struct MetricsTableTests {
  /// A run of `steps` steps written as it goes, and the file's text read back.
  static func written(_ stepper: inout Stepper, steps: Int, to path: String) throws -> CSVTable {
    let writer = try MetricsWriter(path: path, layers: stepper.network.depth)
    for _ in 0..<steps {
      stepper.finishIteration()
      try writer.append(try #require(stepper.history.latest))
    }
    try writer.commit()
    #expect(writer.rows == steps)
    return try CSVTable.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
  }

  static func temporaryPath(_ name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-metrics-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  /// The cell of `column` in `row`, read as a number; nil for an empty cell.
  static func number(_ table: CSVTable, _ row: Int, _ column: String) throws -> Double? {
    let i = try #require(table.header.firstIndex(of: column), "no column \(column)")
    let text = table.rows[row].fields[i]
    if text.isEmpty { return nil }
    let x: Double? = Double(text)
    #expect(x != nil, "\(column) = \(text) is not a number")
    return x
  }

  @Test func theHeaderNamesEveryColumn() {
    let header = MetricsTable.header(layers: 2).split(separator: ",").map(String.init)
    #expect(header.count == 7 + 8 * 2)
    #expect(Set(header).count == header.count, "no name twice")
    #expect(Array(header.prefix(7)) == ["step", "epoch", "batch_loss", "train_loss", "test_loss", "train_accuracy", "test_accuracy"])
    for l in 1...2 {
      for name in ["norm_W", "norm_dW", "norm_delta", "update_ratio", "mean_abs_a", "dead_fraction", "saturated_fraction", "verdict"] {
        #expect(header.contains("L\(l)_\(name)"))
      }
    }
    #expect(!header.contains { $0.contains(" ") || $0.contains("\"") }, "names pandas takes as attributes")
  }

  @Test func cellsKeepEveryBitAndSayWhatWasNotMeasured() {
    for x in [0.1, 1.0 / 3.0, 2.5e-300, -.greatestFiniteMagnitude, .leastNonzeroMagnitude] {
      #expect(Double(MetricsTable.number(x))?.bitPattern == x.bitPattern)
    }
    #expect(MetricsTable.number(nil) == "")
    #expect(MetricsTable.number(.nan) == "nan")
    #expect(MetricsTable.number(-Double.nan) == "nan")
    #expect(MetricsTable.number(.infinity) == "inf" && MetricsTable.number(-.infinity) == "-inf")
    #expect(MetricsTable.word(.nonFinite) == "non_finite" && MetricsTable.word(.vanishing) == "vanishing")
  }

  /// Every row holds what the stepper measured at its step, ‖W‖ is the norm of the weights the
  /// step started from, and ‖ΔW‖/‖W‖ is the update over it.
  @Test func rowsHoldTheStepsDiagnostics() throws {
    var config = RunConfiguration()
    config.seed = 11
    config.batchSize = 50
    var stepper = try config.resolve().makeStepper()
    var weightsBefore: [Double] = []
    var updates: [Double] = []
    var probe = stepper
    for _ in 0..<9 {
      weightsBefore.append(probe.network.layers[0].weights.frobeniusNorm)
      probe.finishIteration()
      updates.append(probe.record.layers[0].updateW.frobeniusNorm)
    }
    let path = try Self.temporaryPath("m.csv")
    let table = try Self.written(&stepper, steps: 9, to: path)
    #expect(table.header.joined(separator: ",") == MetricsTable.header(layers: stepper.network.depth))
    #expect(table.rows.count == 9)
    let entries = stepper.history.entries
    for (i, d) in entries.enumerated() {
      #expect(try Self.number(table, i, "step") == Double(i + 1))
      #expect(try Self.number(table, i, "epoch") == Double(d.epoch))
      #expect(try Self.number(table, i, "batch_loss")?.bitPattern == d.batchLoss.bitPattern)
      #expect(try Self.number(table, i, "test_accuracy")?.bitPattern == d.testAccuracy?.bitPattern)
      for (l, layer) in d.layers.enumerated() {
        let name = "L\(l + 1)_"
        #expect(try Self.number(table, i, name + "norm_dW")?.bitPattern == layer.normDW.bitPattern)
        #expect(try Self.number(table, i, name + "norm_delta")?.bitPattern == layer.normDelta.bitPattern)
        #expect(try Self.number(table, i, name + "mean_abs_a")?.bitPattern == layer.meanAbsActivation.bitPattern)
        #expect(try Self.number(table, i, name + "saturated_fraction")?.bitPattern == layer.saturatedFraction.bitPattern)
      }
      #expect(try Self.number(table, i, "L1_norm_W")?.bitPattern == weightsBefore[i].bitPattern)
      #expect(try Self.number(table, i, "L1_update_ratio")?.bitPattern == (updates[i] / weightsBefore[i]).bitPattern)
    }
    // Batches of 50 rows: the epochs completed once step t has taken its batch.
    #expect(entries.map(\.epoch) == (1...9).map { $0 * 50 / stepper.data.train.count })
    #expect(entries.last?.epoch ?? 0 > 0, "the run crosses an epoch")
    let verdicts = try #require(table.header.firstIndex(of: "L2_verdict"))
    #expect(table.rows.allSatisfy { Verdict(rawValue: $0.fields[verdicts]) != nil })
  }

  /// A step without evaluation leaves the whole-set losses and accuracies empty.
  @Test func unmeasuredValuesAreEmpty() throws {
    var stepper = try RunConfiguration().resolve().makeStepper()
    stepper.evaluationInterval = 2
    let table = try Self.written(&stepper, steps: 4, to: try Self.temporaryPath("thinned.csv"))
    for name in ["train_loss", "test_loss", "train_accuracy", "test_accuracy"] {
      let measured = try (0..<4).map { try Self.number(table, $0, name) != nil }
      #expect(measured == [false, true, false, true], "\(name)")
    }
  }

  /// The steps of a run that diverges, up to the one whose values went non-finite: NaN is
  /// written `nan`, an infinity `inf`, and a gradient that is either has the verdict `non_finite`.
  @Test func aDivergingRunWritesNaNAsNan() throws {
    var stepper = try StepperFiniteTests.exploding()
    let path = try Self.temporaryPath("nan.csv")
    let writer = try MetricsWriter(path: path, layers: stepper.network.depth)
    repeat {
      stepper.finishIteration()
      try writer.append(try #require(stepper.history.latest))
    } while stepper.firstNonFinite == nil && stepper.step < 5000
    try writer.commit()
    let event = try #require(stepper.firstNonFinite, "the exploding network never reached NaN or ∞")
    let table = try CSVTable.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
    #expect(table.rows.count == event.step)
    let last = try #require(stepper.history.latest)
    let fields = try #require(table.rows.last?.fields)
    #expect(fields == MetricsTable.row(last).split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    #expect(!last.batchLoss.isFinite || last.layers.contains { $0.verdict == .nonFinite })
    for (l, layer) in last.layers.enumerated() {
      let i = try #require(table.header.firstIndex(of: "L\(l + 1)_norm_dW"))
      if layer.normDW.isNaN { #expect(fields[i] == "nan") }
      if layer.normDW == .infinity { #expect(fields[i] == "inf") }
      #expect(fields[i + 6] == (layer.normDW.isFinite ? layer.verdict.rawValue : "non_finite"))
    }
    #expect(fields.contains("nan") || fields.contains("inf"))
  }

  /// A writer that is discarded leaves an existing file as it was and nothing beside it.
  @Test func aDiscardedFileLeavesTheOldOne() throws {
    let path = try Self.temporaryPath("kept.csv")
    try "the old metrics".write(toFile: path, atomically: false, encoding: .utf8)
    var stepper = try RunConfiguration().resolve().makeStepper()
    let writer = try MetricsWriter(path: path, layers: stepper.network.depth)
    stepper.finishIteration()
    try writer.append(try #require(stepper.history.latest))
    writer.discard()
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "the old metrics")
    let dir = (path as NSString).deletingLastPathComponent
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["kept.csv"])
  }

  /// The history's steps written at once, as `:metrics` writes them.
  @Test func theHistoryIsWrittenWhole() throws {
    var stepper = try RunConfiguration().resolve().makeStepper()
    stepper.run(iterations: 6)
    let path = try Self.temporaryPath("history.csv")
    let rows = try MetricsWriter.write(stepper.history.entries, layers: stepper.network.depth, to: path)
    #expect(rows == 6)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines == [MetricsTable.header(layers: stepper.network.depth)] + stepper.history.entries.map(MetricsTable.row))
  }
}
