import BackstepCore
import Foundation
import Testing

/// A model file remembers its data: `--model net.json` alone reopens on the same rows.
@Suite("A model file remembers its data")
struct DataSourceTests {
  static func folder() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-source-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("models"), withIntermediateDirectories: true)
    return dir.path
  }

  /// Trains briefly on `config` and saves the model to `path`; returns the run it saved.
  static func save(_ config: RunConfiguration, to path: String) throws -> ResolvedRun {
    let run = try config.resolve()
    var stepper = try run.makeStepper()
    stepper.run(iterations: 2)
    try ModelFile(
      network: stepper.network, training: stepper.settings, optimizerState: stepper.optimizerState,
      schedulePosition: stepper.schedule.position, data: run.dataSource
    ).save(path: path)
    return run
  }

  @Test func aBuiltInSetIsDrawnAgainWithItsPointsNoiseRatioAndSeed() throws {
    let dir = try Self.folder()
    var c = RunConfiguration()
    c.dataset = "xor"
    c.points = 60
    c.noise = 20
    c.trainRatio = 0.7
    c.seed = 9
    let saved = try Self.save(c, to: dir + "/models/xor.json")

    var reopen = RunConfiguration()
    reopen.model = dir + "/models/xor.json"
    let run = try reopen.resolve()
    #expect(run.data == saved.data)

    // A flag overrides the remembered value, field by field.
    reopen.points = 30
    let fewer = try reopen.resolve()
    #expect(fewer.data.train.count + fewer.data.test.count == 30)
    #expect(fewer.data.train.name == saved.data.train.name)
  }

  @Test func aCSVFileIsFoundRelativeToTheModelFile() throws {
    let dir = try Self.folder()
    let csv = dir + "/data/points.csv"
    try "x1,x2,label\n0,0,0\n1,1,1\n0.5,0.2,0\n0.9,0.7,1\n0.1,0.9,1\n".write(toFile: csv, atomically: true, encoding: .utf8)
    var c = RunConfiguration()
    c.dataFile = csv
    c.targets = ["label"]
    c.layers = [3]
    let saved = try Self.save(c, to: dir + "/models/net.json")
    let text = try String(contentsOfFile: dir + "/models/net.json", encoding: .utf8)
    #expect(text.contains(#""csv":"../data/points.csv""#))
    #expect(text.contains(#""targets":["label"]"#))

    var reopen = RunConfiguration()
    reopen.model = dir + "/models/net.json"
    #expect(try reopen.resolve().data == saved.data)

    // Moving the folder as one keeps the model and its data together.
    let moved = dir + "-moved"
    try FileManager.default.moveItem(atPath: dir, toPath: moved)
    reopen.model = moved + "/models/net.json"
    #expect(try reopen.resolve().data.train.inputs == saved.data.train.inputs)

    // A missing CSV is named, with the model that remembers it.
    try FileManager.default.removeItem(atPath: moved + "/data/points.csv")
    let error = try #require(throws: DataError.self) { try reopen.resolve() }
    #expect(error.isMissingFile)
    #expect(error.description.contains("net.json") && error.description.contains("../data/points.csv"))

    // Naming other data replaces what the model remembers.
    reopen.dataset = "circle"
    reopen.points = 20
    #expect(try reopen.resolve().data.train.count == 10)
  }

  @Test(arguments: [
    ("/a/b/c.csv", "/a/d", "../b/c.csv"), ("/a/b/c.csv", "/a/b", "c.csv"), ("/a/b/c.csv", "/", "a/b/c.csv"),
    ("/a/./b/../c.csv", "/x/y", "../../a/c.csv"),
  ])
  func relativePaths(path: String, folder: String, expected: String) {
    let source = DataSource.relativeForTesting(path, from: folder)
    #expect(source == expected)
    #expect(DataSource.resolvedForTesting(expected, from: folder) == DataSource.resolvedForTesting(path, from: "/"))
  }

  @Test func folders() {
    #expect(DataSource.folder(of: "runs/net.json") == "runs")
    #expect(DataSource.folder(of: "net.json") == ".")
    #expect(DataSource.folder(of: "/net.json") == "/")
  }
}

extension DataSource {
  static func relativeForTesting(_ path: String, from folder: String) -> String {
    var s = DataSource()
    s.csv = path
    return s.paths(from: folder, relative: true).csv ?? ""
  }

  static func resolvedForTesting(_ path: String, from folder: String) -> String {
    var s = DataSource()
    s.csv = path
    return s.paths(from: folder, relative: false).csv ?? ""
  }
}
