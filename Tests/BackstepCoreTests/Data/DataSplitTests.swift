import BackstepCore
import Foundation
import Testing

/// Which rows train and which test, and how a trace names them: a CSV trains on every row in
/// the file's order unless a ratio or a test file says otherwise, and `batch_indices` are the
/// file's data rows whatever the split.
@Suite("Data split and file rows")
struct DataSplitTests {
  /// A CSV of `n` rows whose first feature is the row number, so a row is recognisable anywhere.
  static func writeCSV(rows n: Int, name: String = "rows.csv", header: String = "x1,x2,y") throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-split-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var text = header + "\n"
    for r in 0..<n { text += "\(r),\(Double(r % 7) / 7 - 0.5),\(r % 3 == 0 ? 1 : 0)\n" }
    let path = dir.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func config(_ path: String) -> RunConfiguration {
    var c = RunConfiguration()
    c.dataFile = path
    c.layers = [3]
    return c
  }

  /// The first feature of each row of a set: its row number in the file.
  static func fileRows(_ d: Dataset) -> [Int] { (0..<d.count).map { Int(d.inputs[$0, 0]) } }

  @Test func csvTrainsOnEveryRowInFileOrder() throws {
    let path = try Self.writeCSV(rows: 25)
    for shuffle in [true, false] {
      var c = Self.config(path)
      c.shuffle = shuffle
      let run = try c.resolve()
      #expect(Self.fileRows(run.data.train) == Array(0..<25), "shuffle \(shuffle)")
      #expect(run.data.train.sourceRows == Array(0..<25))
      #expect(run.data.test.count == 0)
    }
  }

  @Test func ratioWithoutShuffleTrainsOnTheFirstRows() throws {
    var c = Self.config(try Self.writeCSV(rows: 20))
    c.trainRatio = 0.75
    c.shuffle = false
    let run = try c.resolve()
    #expect(Self.fileRows(run.data.train) == Array(0..<15))
    #expect(Self.fileRows(run.data.test) == Array(15..<20))
    #expect(run.data.test.sourceRows == Array(15..<20))
  }

  @Test func ratioWithShuffleDrawsTheSplitFromTheSeed() throws {
    var c = Self.config(try Self.writeCSV(rows: 40))
    c.trainRatio = 0.5
    let run = try c.resolve()
    let train = Self.fileRows(run.data.train), test = Self.fileRows(run.data.test)
    #expect(train != Array(0..<20))
    #expect((train + test).sorted() == Array(0..<40))
    // The source rows name the same file rows as the data they label.
    #expect(run.data.train.sourceRows == train)
    #expect(run.data.test.sourceRows == test)
    #expect(Self.fileRows(try c.resolve().data.train) == train)
    c.seed = 2
    #expect(Self.fileRows(try c.resolve().data.train) != train)
  }

  @Test func builtInSetsKeepHalfForTesting() throws {
    var c = RunConfiguration()
    c.points = 100
    let run = try c.resolve()
    #expect(run.data.train.count == 50)
    #expect((run.data.train.sourceRows + run.data.test.sourceRows).sorted() == Array(0..<100))
    c.shuffle = false
    let unshuffled = try c.resolve().data
    #expect(unshuffled.train.sourceRows == Array(0..<50))
    // The generated set mixes its classes, so a split without shuffling trains on both.
    for set in [unshuffled.train, unshuffled.test] {
      let ones = set.labels?.filter { $0 == 1 }.count ?? 0
      #expect(ones > 10 && ones < 40, "\(ones) of 50 in class 1")
    }
  }

  /// The trace's `batch_indices` name file rows, and z of the first layer is computed from
  /// exactly those rows, in that order.
  @Test(arguments: [(Optional(4), false, Optional<Double>.none), (nil, false, nil), (4, true, 0.6), (nil, true, 0.6)])
  func traceBatchIndicesAreFileRows(batch: Int?, shuffle: Bool, ratio: Double?) throws {
    var c = Self.config(try Self.writeCSV(rows: 10))
    c.batchSize = batch ?? 0
    c.shuffle = shuffle
    c.trainRatio = ratio
    var stepper = try c.resolve().makeStepper()
    var expectedStart = 0
    for _ in 0..<4 {
      let layer = stepper.network.layers[0]
      stepper.finishIteration()
      let line = try #require(
        JSONSerialization.jsonObject(with: Data(TraceWriter.line(for: stepper).utf8)) as? [String: Any])
      let rows = try #require(line["batch_indices"] as? [Int])
      let z = try #require(line["z"] as? [[[Double]]])
      #expect(z[0].count == rows.count)
      for (i, row) in rows.enumerated() {
        // x1 of file row r is r; x2 is (r mod 7)/7 − 0.5.
        let x = [Double(row), Double(row % 7) / 7 - 0.5]
        for j in 0..<layer.bias.count {
          let expected = layer.bias[j] + layer.weights[j, 0] * x[0] + layer.weights[j, 1] * x[1]
          #expect(abs(z[0][i][j] - expected) <= 1e-12 * max(1, abs(expected)), "row \(row) unit \(j)")
        }
      }
      if !shuffle && ratio == nil {
        let k = batch ?? 10
        #expect(rows == (expectedStart..<(expectedStart + k)).map { $0 % 10 })
        expectedStart += k
      }
    }
  }

  @Test func testDataIsReadFromItsOwnFile() throws {
    let train = try Self.writeCSV(rows: 12)
    let test = try Self.writeCSV(rows: 5, name: "test.csv")
    var c = Self.config(train)
    c.testDataFile = test
    let run = try c.resolve()
    #expect(Self.fileRows(run.data.train) == Array(0..<12))
    #expect(Self.fileRows(run.data.test) == Array(0..<5))

    c.trainRatio = 0.5
    #expect(throws: ConfigurationError.self) { try c.resolve() }

    var other = Self.config(train)
    other.testDataFile = try Self.writeCSV(rows: 5, name: "other.csv", header: "x1,x3,y")
    let missing = try #require(throws: DataError.self) { try other.resolve() }
    #expect(missing.description.contains("other.csv") && missing.description.contains("x2"))

    // Real-valued targets make a regression set, which cannot test a two-class network.
    let regression = try Self.writeCSV(rows: 3, name: "real.csv")
    try String(contentsOfFile: regression, encoding: .utf8).replacingOccurrences(of: ",1\n", with: ",0.5\n")
      .write(toFile: regression, atomically: true, encoding: .utf8)
    other.testDataFile = regression
    let error = try #require(throws: ConfigurationError.self) { try other.resolve() }
    #expect(error.setting == "test-data")
    #expect(error.message.contains("regression"))

    var builtin = RunConfiguration()
    builtin.testDataFile = test
    #expect(throws: ConfigurationError.self) { try builtin.resolve() }
  }
}
