import BackstepCore
import Foundation
import Testing

/// Hostile or unusual CSV files: what a message may print, line ends, binary files, label
/// columns that would ask for huge outputs, and very long quoted lines.
@Suite("CSV robustness")
struct CSVRobustnessTests {
  func failure(_ bytes: [UInt8], classLabels: Bool = false) -> DataError? {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("robust-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      _ = try CSVDataLoader.load(path: path, classLabels: classLabels)
      return nil
    } catch let e as DataError {
      return e
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  func failure(_ text: String, classLabels: Bool = false) -> DataError? {
    failure(Array(text.utf8), classLabels: classLabels)
  }

  /// True when the text holds a byte a terminal would act on (ESC, BEL, CR, …).
  func hasRawControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }

  @Test func escapeSequencesInAFieldAreShownEscaped() throws {
    let e = try #require(failure("x,y\n\u{1B}]0;owned\u{07}\u{1B}[31m,0\n"))
    #expect(!hasRawControl(e.description), "\(e.description.debugDescription)")
    #expect(e.description.contains("\\u{1B}]0;owned\\u{7}"), "\(e.description)")
    #expect(e.line == 2 && e.column == 1)
  }

  @Test func escapeSequencesInAColumnNameAreShownEscaped() throws {
    let e = try #require(failure("x\u{1B}[2J,y\nabc,0\n"))
    #expect(!hasRawControl(e.description), "\(e.description.debugDescription)")
    #expect(e.description.contains("column \"x\\u{1B}[2J\""), "\(e.description)")
  }

  @Test func aHugeFieldIsQuotedShort() throws {
    let e = try #require(failure("x,y\n" + String(repeating: "z", count: 100_000) + ",0\n"))
    #expect(e.description.count < 200, "\(e.description.count) characters")
    #expect(e.description.contains(String(repeating: "z", count: Excerpt.limit) + "…"))
  }

  @Test func excerptsCountCharactersAndEscapeFormatCharacters() {
    #expect(Excerpt.quoted("a\u{202E}b") == "\"a\\u{202E}b\"")
    #expect(Excerpt.escaped(String(repeating: "é", count: 61)) == String(repeating: "é", count: 60) + "…")
    #expect(Excerpt.list((1...20).map(String.init)) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, … (20 in all)")
  }

  @Test func carriageReturnOnlyLineEnds() throws {
    let d = try CSVDataLoader.parse(text: "x,y\r1,0\r\r2,1\r", path: "d.csv")
    #expect(d.count == 2)
    #expect(d.inputs.storage == [1, 2] && d.targets.storage == [0, 1])
    let e = try #require(failure("x,y\r1,0\r\r2,abc\r"))
    #expect(e.line == 4 && e.column == 2, "\(e)")
  }

  @Test func mixedLineEndsCountLinesAlike() throws {
    let e = try #require(failure("x,y\r\n1,0\n2,1\r3,q\r\n"))
    #expect(e.line == 4, "\(e)")
  }

  @Test func aHeaderOfNULBytesIsRefused() throws {
    let e = try #require(failure([0, 0, 0, 0, 0x0A, 0x31, 0x0A]))
    #expect(e.line == 1 && e.column == 1, "\(e)")
    #expect(e.message.contains("NUL"), "\(e)")
    let later = try #require(failure(Array("x,y\n1,".utf8) + [0, 0x0A]))
    #expect(later.line == 2 && later.column == 3, "\(later)")
  }

  @Test func aLabelBeyondTheClassLimitIsRefusedWhereItStands() throws {
    let e = try #require(failure("x,y\n0.1,0\n0.2,999999\n", classLabels: true))
    #expect(e.line == 3 && e.column == 2, "\(e)")
    #expect(e.description.hasPrefix("\(e.file):3:2: column \"y\": class label 999999 is too large"), "\(e)")
    #expect(e.message.contains("\(CSVDataLoader.maxClasses)"))
    #expect(failure("x,y\n0.1,\(CSVDataLoader.maxClasses)\n", classLabels: true) != nil)
  }

  @Test func theLargestAllowedLabelIsRead() throws {
    let top = CSVDataLoader.maxClasses - 1
    let d = try CSVDataLoader.parse(text: "x,y\n0.1,\(top)\n0.2,0\n", path: "d.csv", classLabels: true)
    #expect(d.targetCount == CSVDataLoader.maxClasses)
    #expect(d.labels == [top, 0])
  }

  /// A 200 KB quoted field, and a 200 KB run of doubled quotes, read whole and exactly. The
  /// reader copies each run between quotes in one piece and never re-reads a field it has
  /// built, so this is linear; the old reader re-trimmed the field at every quote.
  @Test func longQuotedLinesAreReadExactly() throws {
    let digits = String(repeating: "0", count: 200_000) + "7"
    let quotes = String(repeating: "\"\"", count: 100_000)
    let text = "\"x\(quotes)\",y\n\"\(digits)\",1\n\"2\",0\n"
    let d = try CSVDataLoader.parse(text: text, path: "d.csv")
    #expect(d.featureNames == ["x" + String(repeating: "\"", count: 100_000)])
    #expect(d.inputs.storage == [7, 2])
  }

  @Test func quotesAfterAClosedFieldStayInTheField() throws {
    let e = try #require(failure("x,y\n\"1\"" + String(repeating: "\"", count: 200_000) + ",0\n"))
    #expect(e.line == 2 && e.column == 1)
    #expect(e.description.count < 200)
  }

  @Test func blanksAroundAQuotedFieldAreDropped() throws {
    let d = try CSVDataLoader.parse(text: "x,y\n  \"1.5\"  ,\t\"0\"\t\n", path: "d.csv")
    #expect(d.inputs.storage == [1.5] && d.targets.storage == [0])
  }

  @Test func tabSeparatedFilesKeepEmptyFields() throws {
    let e = try #require(failure("x\ty\n1\t\t\n"))
    #expect(e.message.contains("3 fields"), "\(e)")
  }
}
