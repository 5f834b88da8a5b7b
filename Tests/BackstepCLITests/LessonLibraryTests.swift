import Foundation
import Testing

/// The course in `demos/`, read from the directory so that it holds for whatever lessons it
/// has: each lesson has its row in the README's lesson table and a recording in docs/lessons/,
/// every row has its lesson, there are at least ten of 5 to 15 steps each, `demo --list` gives
/// them in file order, and every step's caption is shown whole at 80×24 and at 120×36.
@Suite("The library of lessons")
struct LessonLibraryTests {
  static let root = DemoTests.root

  /// The lesson files of `demos/`, in file-name order: the course's order.
  static func files() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: root + "/demos").filter { $0.hasSuffix(".yaml") }.sorted()
  }

  /// A lesson's name as `backstep demo` takes it: the file name without its place and `.yaml`.
  static func name(_ file: String) -> String {
    let stem = String(file.dropLast(5))
    guard let dash = stem.firstIndex(of: "-"), stem[..<dash].allSatisfy(\.isNumber) else { return stem }
    return String(stem[stem.index(after: dash)...])
  }

  /// The rows of the README's lesson table, under "## Lessons": each row's lesson name (the
  /// first cell's code span) and its link.
  static func tableRows() throws -> [(name: String, link: String)] {
    let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
    let section = readme.components(separatedBy: "\n## Lessons\n").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
    return section.split(separator: "\n").compactMap { line -> (String, String)? in
      guard line.hasPrefix("| [`"), let close = line.range(of: "`]("), let end = line[close.upperBound...].firstIndex(of: ")") else { return nil }
      return (String(line[line.index(line.startIndex, offsetBy: 4)..<close.lowerBound]), String(line[close.upperBound..<end]))
    }
  }

  @Test func everyLessonHasATableRowAndARecordingAndEveryRowALesson() throws {
    let names = try Self.files().map(Self.name)
    let rows = try Self.tableRows()
    #expect(rows.map(\.name) == names, "the README's lesson table lists the lessons of demos/, in their order")
    for row in rows {
      #expect(row.link == "docs/lessons/\(row.name).cast", "\(row.name)'s row links to its recording")
    }
    for name in names {
      let path = Self.root + "/docs/lessons/\(name).cast"
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("\(name) has no recording \(path)")
        continue
      }
      let header = try JSONSerialization.jsonObject(with: Data((text.split(separator: "\n").first ?? "").utf8)) as? [String: Any]
      #expect(header?["version"] as? Int == 2, "\(name).cast starts with an asciicast v2 header")
      #expect((header?["width"] as? Int ?? 0) > 0 && (header?["height"] as? Int ?? 0) > 0, "\(name).cast's header gives its size")
    }
  }

  @Test func theListHasTenLessonsOrMoreOfFiveToFifteenStepsInFileOrder() throws {
    let files = try Self.files()
    #expect(files.count >= 10)
    let result = try Binary.run(["demo", "--list"], in: Self.root)
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.compactMap { $0.split(separator: " ").first.map(String.init) } == files.map(Self.name))
    #expect(lines.first?.hasPrefix("forward-pass ") == true)
    for line in lines {
      let steps = line.split(separator: "(").last.flatMap { Int($0.split(separator: " ").first ?? "") }
      #expect(steps.map { (5...15).contains($0) } == true, "5 to 15 steps: \(line)")
    }
  }

  @Test func framesNamesACaptionThePanelCuts() throws {
    // 66 words of six cells wrap to 6 rows of 76 columns; the panel of an 80×24 screen has 4.
    let words = (10..<76).map { "word\($0)" }.joined(separator: " ")
    let dir = try Binary.temporaryDirectory()
    let path = dir + "/long.yaml"
    try "setup: {seed: 1}\nsteps:\n  - keys: n\n    caption: \(words)\n".write(toFile: path, atomically: true, encoding: .utf8)
    let result = try Binary.run(["demo", path, "--frames", dir + "/frames", "--size", "80x24"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("long-01.txt: the caption is cut at 80x24: 2 of its rows do not fit the panel"), "\(result.stderr)")
    #expect(!result.stderr.contains("long-00.txt"))
    let wide = try Binary.run(["demo", path, "--frames", dir + "/wide", "--size", "120x36"])
    #expect(wide.status == 0 && !wide.stderr.contains("the caption is cut"), "\(wide.stderr)")
  }

  /// `--frames` names on stderr each frame whose caption the lesson's panel cuts, counting the
  /// rows as the panel wraps and drops them.
  @Test(arguments: [(80, 24), (120, 36)])
  func everyCaptionIsShownWhole(width: Int, height: Int) throws {
    for file in try Self.files() {
      let dir = try Binary.temporaryDirectory()
      defer { try? FileManager.default.removeItem(atPath: dir) }
      let result = try Binary.run(["demo", "demos/" + file, "--frames", dir, "--size", "\(width)x\(height)"], in: Self.root)
      #expect(result.status == 0, "\(file): \(result.stderr)")
      #expect(!result.stderr.contains("the caption is cut"), "\(file) at \(width)×\(height): \(result.stderr)")
      let frames = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }
      #expect(frames.count >= 6, "\(file): the start and at least five steps")
    }
  }
}
