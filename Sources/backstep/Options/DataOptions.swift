import ArgumentParser
import BackstepCore

/// Where the examples come from: a built-in set or a CSV file.
struct DataOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("A built-in data set: \(BuiltinDataset.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
  var dataset: String?

  @Option(name: .long, parsing: .unconditional, help: .setting("points")) var points: Int?
  @Option(name: .long, parsing: .unconditional, help: .setting("noise")) var noise: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("train-ratio", valueName: "r")) var trainRatio: Double?
  @Option(name: .customLong("seq-len"), parsing: .unconditional, help: .setting("seq-len", valueName: "T")) var seqLen: Int?

  @Option(name: .customLong("data"), help: ArgumentHelp("A CSV file with a header row; columns named y… are targets.", valueName: "file.csv"))
  var dataFile: String?

  @Option(
    name: .customLong("test-data"),
    help: ArgumentHelp("A CSV file of test rows with the same columns as --data, which then trains on all its rows.", valueName: "file.csv"))
  var testDataFile: String?

  @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("CSV feature columns by name (comma-separated).", valueName: "names"))
  var features: [String] = []

  @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("CSV target columns by name (comma-separated).", valueName: "names"))
  var targets: [String] = []

  /// Sets the data and the table's settings; returns the keys of the table seen here.
  func apply(to c: inout RunConfiguration) throws -> Set<String> {
    c.dataset = dataset
    let seen = try applyTableSettings(to: &c)
    c.dataFile = dataFile
    c.testDataFile = testDataFile
    c.features = features.isEmpty ? nil : features.flatMap(Lists.names)
    c.targets = targets.isEmpty ? nil : targets.flatMap(Lists.names)
    return seen
  }
}
