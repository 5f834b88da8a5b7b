import Foundation
import Testing

/// The command line end to end: the built binary run as a process, its exit codes and messages.
@Suite("The command line", .serialized)
struct CommandLineTests {
  @Test func helpTeachesWithExamples() throws {
    for command in [[], ["train"], ["trace"], ["check"]] {
      let r = try Binary.run(command + ["--help"])
      #expect(r.status == 0)
      #expect(r.stdout.contains("Examples:"), "\(command) --help should show examples")
      #expect(r.stdout.contains("USAGE"))
    }
  }

  @Test func trainPrintsASummary() throws {
    let r = try Binary.run(["train", "--dataset", "xor", "--layers", "6", "--steps", "300", "--seed", "3"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("train loss"))
    #expect(r.stdout.contains("test accuracy"))
    #expect(r.stdout.contains("step 300"))
  }

  @Test func trainSavesAModelThatResumes() throws {
    let dir = try Binary.temporaryDirectory()
    let model = dir + "/net.json"
    var r = try Binary.run(["train", "--steps", "50", "--optimizer", "adam", "--save", model])
    #expect(r.status == 0, "\(r.stderr)")
    let json = try String(contentsOfFile: model, encoding: .utf8)
    #expect(json.contains("\"format\": \"backstep.model\""))
    #expect(json.contains("\"optimizer_state\""))
    r = try Binary.run(["train", "--model", model, "--steps", "50"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("step 100"), "resuming continues the step count: \(r.stdout)")
  }

  @Test func traceWritesOneLinePerStep() throws {
    let dir = try Binary.temporaryDirectory()
    let out = dir + "/t.jsonl"
    let r = try Binary.run(["trace", "--layers", "3", "--steps", "4", "--batch-size", "full", "--no-shuffle", "--out", out])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 4)
    let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(first?["step"] as? Int == 1)
    #expect((first?["batch_indices"] as? [Int])?.count == 200)
  }

  @Test func traceToStdout() throws {
    let r = try Binary.run(["trace", "--layers", "2", "--steps", "2"])
    #expect(r.status == 0)
    #expect(r.stdout.split(separator: "\n").count == 2)
  }

  @Test func checkPasses() throws {
    let r = try Binary.run(["check", "--layers", "4,3", "--activation", "elu", "--loss", "mse", "--l2", "0.01"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("max rel err W"))
    #expect(!r.stdout.contains("FAIL"))
    // Under the table, each of the three layers' worst entry with both gradients.
    #expect(r.stdout.contains("worst entries, backprop against the central difference:"))
    for layer in 1...3 { #expect(r.stdout.contains("\nL\(layer) W[") || r.stdout.contains("\nL\(layer) b["), "L\(layer)") }
  }

  @Test(arguments: [
    (["train", "--lr", "abc"], Int32(2), "lr"),
    (["train", "--lr", "0"], 2, "learning rate"),
    (["train", "--layers", "8,x"], 2, "--layers"),
    (["train", "--dataset", "banana"], 2, "unknown data set 'banana'"),
    (["train", "--activation", "softmax"], 2, "softmax"),
    (["train", "--loss", "bce", "--output", "tanh"], 2, "bce loss needs a sigmoid output"),
    (["train", "--optimizer", "lbfgs"], 2, "unknown optimizer"),
    (["train", "--batch-size", "0"], 2, "--batch-size"),
    (["train", "--init", "gaussian"], 2, "unknown initialiser"),
    (["train", "--steps", "3", "--epochs", "2"], 2, "not both"),
    (["train", "--bogus"], 2, "bogus"),
    (["train", "--data", "/nonexistent/points.csv"], 66, "/nonexistent/points.csv"),
    (["train", "--model", "/nonexistent/m.json"], 66, "/nonexistent/m.json"),
    (["train", "--config", "/nonexistent/c.yaml"], 66, "/nonexistent/c.yaml"),
  ])
  func badFlagsGiveAClearMessage(_ args: [String], _ status: Int32, _ mention: String) throws {
    let r = try Binary.run(args)
    #expect(r.status == status, "\(args): \(r.stderr)")
    #expect(r.stderr.contains(mention), "\(args): stderr was \(r.stderr)")
    #expect(!r.stderr.contains("Fatal error"))
  }

  @Test func badDataNamesTheLineAndColumn() throws {
    let dir = try Binary.temporaryDirectory()
    let csv = dir + "/bad.csv"
    try "x1,x2,y\n0.5,0.25,1\n0.1,abc,0\n".write(toFile: csv, atomically: true, encoding: .utf8)
    let r = try Binary.run(["train", "--data", csv, "--steps", "1"])
    #expect(r.status == 65)
    #expect(r.stderr.contains("bad.csv:3:2"), "stderr was \(r.stderr)")
  }

  @Test func aMalformedModelIsRefused() throws {
    let dir = try Binary.temporaryDirectory()
    let model = dir + "/m.json"
    try #"{"format": "backstep.model", "version": 9, "inputs": 2, "loss": "bce", "layers": []}"#
      .write(toFile: model, atomically: true, encoding: .utf8)
    let r = try Binary.run(["train", "--model", model])
    #expect(r.status == 65)
    #expect(r.stderr.contains("newer"))
  }

  @Test func aModelThatDoesNotFitTheDataIsRefused() throws {
    let dir = try Binary.temporaryDirectory()
    let model = dir + "/m.json"
    let csv = dir + "/d.csv"
    var r = try Binary.run(["train", "--steps", "1", "--save", model])
    #expect(r.status == 0)
    try "a,b,c,y\n1,2,3,1\n4,5,6,0\n".write(toFile: csv, atomically: true, encoding: .utf8)
    r = try Binary.run(["train", "--model", model, "--data", csv])
    #expect(r.status != 0)
    #expect(r.stderr.contains("features do not match the model"), "stderr was \(r.stderr)")
  }

  @Test func aFailedTraceLeavesNoFile() throws {
    let dir = try Binary.temporaryDirectory()
    let out = dir + "/t.jsonl"
    let r = try Binary.run(["trace", "--data", dir + "/missing.csv", "--out", out])
    #expect(r.status == 66)
    #expect(!FileManager.default.fileExists(atPath: out))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
  }
}
