import Foundation
import Testing

/// `backstep demo`: the shipped lessons check, a false claim and a malformed file are told
/// apart by their status, frames are written, and a lesson still opens as a settings file.
@Suite("Lessons on the command line")
struct DemoTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static let lesson = """
    title: Two steps
    summary: the default network
    setup: {seed: 1}
    steps:
      - keys: n
        caption: "loss {loss}"
        expect: loss > 0
      - keys: n
        caption: "step {step}"
        expect: step = 7
    """

  func write(_ text: String, _ name: String) throws -> (dir: String, path: String) {
    let dir = try Binary.temporaryDirectory()
    let path = (dir as NSString).appendingPathComponent(name)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return (dir, path)
  }

  @Test func everyShippedLessonChecks() throws {
    let demos = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/demos").filter { $0.hasSuffix(".yaml") }.sorted()
    let result = try Binary.run(["demo", "--check"] + demos.map { "demos/" + $0 }, in: Self.root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == demos.count)
  }

  @Test func aLessonIsFoundByItsNameWithoutItsPlace() throws {
    let dir = try Binary.temporaryDirectory()
    let result = try Binary.run(["demo", "vanishing", "--frames", dir, "--size", "80x24"], in: Self.root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir + "/vanishing-00.txt"))
  }

  @Test func aFalseClaimFailsWithItsStepAndLine() throws {
    let (_, path) = try write(Self.lesson, "two.yaml")
    let result = try Binary.run(["demo", "--check", path])
    #expect(result.status == 1)
    #expect(result.stderr.contains("two.yaml:10: step 2: expected step = 7, but step is 2"))
    #expect(!result.stderr.contains("step 1:"))
  }

  @Test func aYAMLErrorIsMalformedWithItsLine() throws {
    let (_, path) = try write("title: x\nsetup: {}\nsteps:\n  - keys: [n\n    caption: x\n", "bad.yaml")
    let result = try Binary.run(["demo", "--check", path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("bad.yaml:5:"))
    #expect(result.stderr.contains("not valid YAML"))
  }

  @Test func aKeyNameNotInTheKeyMapIsMalformed() throws {
    let (_, path) = try write("setup: {}\nsteps:\n  - keys: [space, PgDn]\n    caption: x\n", "keys.yaml")
    let result = try Binary.run(["demo", "--check", path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("keys.yaml:3:19: keys: \"PgDn\" is not a key of the key map"))
  }

  @Test func aLessonThatIsNotThereIsNamed() throws {
    let dir = try Binary.temporaryDirectory()
    let result = try Binary.run(["demo", "no-such-lesson"], in: dir)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("backstep: no lesson no-such-lesson: not a file, nor a name in demos"))
    let listed = try Binary.run(["demo", "--list"], in: dir)
    #expect(listed.status == 0)
    #expect(listed.stdout.isEmpty)
    #expect(listed.stderr.hasPrefix("no lessons in demos"))
  }

  @Test func listNamesEachLessonWithItsTitleAndSteps() throws {
    let (dir, _) = try write(Self.lesson, "two.yaml")
    let result = try Binary.run(["demo", "--list", "--dir", dir], in: Self.root)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first { $0.hasPrefix("two ") }?.hasSuffix("Two steps  (2 steps)") == true)
    #expect(lines.contains { $0.hasPrefix("vanishing ") && $0.contains("Vanishing gradients") })
  }

  @Test func framesWritesTheStartAndEachStepAsTextAndANSI() throws {
    let (dir, path) = try write(Self.lesson.replacingOccurrences(of: "step = 7", with: "step = 2"), "two.yaml")
    let out = (dir as NSString).appendingPathComponent("frames")
    let result = try Binary.run(["demo", path, "--frames", out, "--size", "80x24", "--color", "256"])
    #expect(result.status == 0, "\(result.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(files == ["two-00.ans", "two-00.txt", "two-01.ans", "two-01.txt", "two-02.ans", "two-02.txt"])
    let last = try String(contentsOfFile: out + "/two-02.txt", encoding: .utf8)
    #expect(last.contains("Two steps · step 2/2"))
    #expect(last.contains("step 2"))
    #expect(last.split(separator: "\n").count == 24)
    #expect(try String(contentsOfFile: out + "/two-02.ans", encoding: .utf8).contains("\u{1B}["))
  }

  @Test func aLessonIsASettingsFileForConfig() throws {
    let result = try Binary.run(["render", "--config", "demos/07-exploding.yaml", "--size", "120x36"], in: Self.root)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2-16-16-16-16-16-16-1 relu/identity │ mse │ sgd lr=0.01"))
  }
}
