import BackstepCore
import Foundation
import Testing

@Suite("CSV data")
struct CSVDataLoaderTests {
  func load(_ text: String, features: [String]? = nil, targets: [String]? = nil, classLabels: Bool = false, classes: Int? = nil) throws -> Dataset {
    try CSVDataLoader.parse(text: text, path: "d.csv", features: features, targets: targets, classLabels: classLabels, classes: classes)
  }

  func error(_ text: String, features: [String]? = nil, targets: [String]? = nil, classLabels: Bool = false, classes: Int? = nil) -> DataError? {
    do {
      _ = try load(text, features: features, targets: targets, classLabels: classLabels, classes: classes)
      return nil
    } catch let e as DataError {
      return e
    } catch {
      return nil
    }
  }

  @Test func yColumnsAreTargetsByDefault() throws {
    let d = try load("x1,x2,y\n0.5,-1,1\n2,3,0\n")
    #expect(d.featureNames == ["x1", "x2"] && d.targetNames == ["y"])
    #expect(d.inputs.storage == [0.5, -1, 2, 3])
    #expect(d.problem == .classification && d.labels == [1, 0])
  }

  @Test func everyCommonNumberNotation() throws {
    let d = try load("a,b,c,d,e,f,y\n1,-2.5,+3,.5,5.,1e-3,1E+3\n")
    #expect(d.inputs.storage == [1, -2.5, 3, 0.5, 5, 0.001])
    #expect(d.targets.storage == [1000])
    #expect(d.problem == .regression)
  }

  @Test func bomCRLFQuotesSpacesAndBlankLines() throws {
    let d = try load("\u{FEFF}\"x1\", x2 ,y\r\n\"1.5\", 2 ,0\r\n\r\n3,4,1\r\n\r\n")
    #expect(d.count == 2)
    #expect(d.featureNames == ["x1", "x2"])
    #expect(d.inputs.storage == [1.5, 2, 3, 4])
  }

  @Test func semicolonSeparatedFiles() throws {
    let d = try load("x;y\n1;2\n3;4\n")
    #expect(d.inputs.storage == [1, 3] && d.targets.storage == [2, 4])
  }

  @Test func columnsChosenByName() throws {
    let d = try load("a,b,label\n1,2,0\n3,4,1\n", features: ["b"], targets: ["label"])
    #expect(d.inputs.storage == [2, 4])
    #expect(d.labels == [0, 1])
  }

  @Test func integerLabelsForCrossEntropyBecomeOneHot() throws {
    let d = try load("x,y\n0.1,2\n0.2,0\n0.3,1\n", classLabels: true)
    #expect(d.targetCount == 3)
    #expect(d.labels == [2, 0, 1])
    #expect(d.targets.row(0) == [0, 0, 1])
  }

  struct Bad: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    var classLabels = false
    var classes: Int?
    var targets: [String]?
    let expected: String
    var testDescription: String { name }
  }

  static let badCases: [Bad] = [
    Bad(name: "missing value", text: "x1,x2,y\n1,,0\n", expected: "d.csv:2:2: column \"x2\": the value is missing"),
    Bad(name: "a word", text: "x1,x2,y\n1,2,0\n0.1,abc,0\n", expected: "d.csv:3:2: column \"x2\": \"abc\" is not a number"),
    Bad(name: "ragged row", text: "x1,x2,y\n1,2,0\n1,2\n", expected: "d.csv:3:3: the row has 2 fields but the header names 3 columns"),
    Bad(name: "too many fields", text: "x1,y\n1,2,3\n", expected: "d.csv:2:3: the row has 3 fields"),
    Bad(name: "NaN", text: "x1,y\n1,0\nnan,1\n", expected: "d.csv:3:1: column \"x1\": NaN is not allowed"),
    Bad(name: "infinity", text: "x1,y\n-inf,0\n", expected: "d.csv:2:1: column \"x1\": infinity is not allowed"),
    Bad(name: "overflow", text: "x1,y\n1e999,0\n", expected: "d.csv:2:1: column \"x1\": 1e999 is too large"),
    Bad(name: "hexadecimal", text: "x1,y\n0x1p3,0\n", expected: "d.csv:2:1: column \"x1\": \"0x1p3\" is a hexadecimal number"),
    Bad(name: "empty file", text: "", expected: "d.csv: the file is empty"),
    Bad(name: "only blank lines", text: "\n\n  \n", expected: "d.csv: the file is empty"),
    Bad(name: "header without rows", text: "x1,x2,y\n", expected: "d.csv:1: the file has a header but no rows"),
    Bad(
      name: "label out of range", text: "x,y\n0.1,0\n0.2,3\n", classLabels: true, classes: 3, expected: "d.csv:3:2: column \"y\": class label 3 is out of range"
    ),
    Bad(name: "negative label", text: "x,y\n0.1,-1\n", classLabels: true, expected: "d.csv:2:2: column \"y\": -1 is not a class label"),
    Bad(name: "fractional label", text: "x,y\n0.1,1.5\n", classLabels: true, expected: "d.csv:2:2: column \"y\": 1.5 is not a class label"),
    Bad(name: "not UTF-8", text: "x,y\n1,0\n2,\u{FFFD}\n", expected: ""),
    Bad(name: "duplicate name", text: "x,x,y\n1,2,3\n", expected: "d.csv:1:2: the column name \"x\" is used twice"),
    Bad(name: "empty name", text: "x,,y\n1,2,3\n", expected: "d.csv:1:2: the header has an empty column name"),
    Bad(name: "no target", text: "a,b\n1,2\n", expected: "d.csv:1: no target column"),
    Bad(name: "no feature", text: "y1,y2\n1,2\n", expected: "d.csv:1: no feature column"),
    Bad(name: "unknown column", text: "a,y\n1,2\n", targets: ["label"], expected: "d.csv:1: no column named \"label\" for --targets; the columns are a, y"),
    Bad(name: "unclosed quote", text: "a,y\n\"1,2\n", expected: "d.csv:2:1: a quoted field is not closed"),
  ]

  @Test(arguments: badCases.filter { !$0.expected.isEmpty })
  func badDataIsNamedWithLineAndColumn(_ c: Bad) {
    let e = error(c.text, targets: c.targets, classLabels: c.classLabels, classes: c.classes)
    #expect(e != nil, "no error for \(c.name)")
    #expect(e?.description.hasPrefix(c.expected) == true, "\(e?.description ?? "nil") should start with \(c.expected)")
  }

  @Test func bytesThatAreNotUTF8() throws {
    var bytes = Array("x,y\n1,0\n2,".utf8)
    bytes += [0xFF, 0x31, 0x0A]
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    do {
      _ = try CSVDataLoader.load(path: path)
      Issue.record("no error")
    } catch let e as DataError {
      #expect(e.line == 3 && e.column == 3, "\(e)")
      #expect(e.message.contains("not UTF-8"))
    }
  }

  @Test func aMissingFileIsMarkedSo() {
    do {
      _ = try CSVDataLoader.load(path: "/nonexistent/x.csv")
      Issue.record("no error")
    } catch let e as DataError {
      #expect(e.isMissingFile)
      #expect(e.description == "/nonexistent/x.csv: no such file")
    } catch {
      Issue.record("wrong error \(error)")
    }
  }
}
