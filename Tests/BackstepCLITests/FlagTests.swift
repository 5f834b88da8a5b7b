import Foundation
import Testing

/// Numbers on the command line: negative values are read as numbers and refused with a
/// sentence, counts never overflow, and the help gives every range.
@Suite("Flags", .serialized)
struct FlagTests {
  @Test(arguments: [
    (["train", "--steps", "-1"], "--steps must be at least 1, not -1"),
    (["train", "--epochs", "-3"], "--epochs must be at least 1, not -3"),
    (["train", "--layers", "-1"], "--layers: each width in layers must lie in [1, 4096], not -1"),
    (["train", "--layers", "8,5000"], "--layers: each width in layers must lie in [1, 4096], not 5000"),
    (["train", "--layers", "0"], "say none for no hidden layer"),
    (["train", "--epochs", "9223372036854775807"], "--epochs: 9223372036854775807 epochs of 20 steps are more than 9007199254740992 steps"),
    (["train", "--steps", "9223372036854775807"], "--steps: 9223372036854775807 steps from step 0 would count past 9007199254740992"),
    (["trace", "--steps", "9007199254740000", "--batch-size", "full"], "would count past 9007199254740992"),
    (["check", "--steps", "-2"], "--steps must be at least 0, not -2"),
    (["render", "--stages", "-2"], "--stages must be at least 0, not -2"),
    (["bench", "--runs", "-1"], "--runs must be at least 1, not -1"),
  ])
  func badCountsAreRefused(_ args: [String], _ message: String) throws {
    let r = try Binary.run(args)
    #expect(r.status == 2, "\(args): \(r.stderr)")
    #expect(r.stderr.contains(message), "\(args): stderr was \(r.stderr)")
    #expect(!r.stderr.contains("Missing value"))
  }

  @Test func theHelpGivesRanges() throws {
    let r = try Binary.run(["train", "--help"])
    let help = r.stdout.split(separator: "\n").joined(separator: " ").split(separator: " ").joined(separator: " ")
    for phrase in ["Momentum (sgd, rmsprop), in [0, 1]", "β2 of adam and adamw, in [0, 1)", "share of rows that train, in (0, 1]", "Learning rate, > 0"] {
      #expect(help.contains(phrase), "help lacks \(phrase)")
    }
    #expect(help.contains("exit status is 1"), "train --help says how divergence ends")
  }

  @Test func aSettingErrorNamesTheFlag() throws {
    let r = try Binary.run(["train", "--batch-size", "many"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("backstep: --batch-size: "), "stderr was \(r.stderr)")
  }

  /// `--model <(cat m.json)`, `--data` from a FIFO and `--config` from a pipe are read.
  @Test func pipesAndFIFOsAreReadable() throws {
    let dir = try Binary.temporaryDirectory()
    var r = try Binary.run(["train", "--steps", "1", "--save", dir + "/m.json"])
    #expect(r.status == 0, "\(r.stderr)")
    try "x1,x2,y\n1,2,1\n3,4,0\n1,1,1\n0,0,0\n".write(toFile: dir + "/d.csv", atomically: false, encoding: .utf8)
    try "dataset: xor\n".write(toFile: dir + "/c.yaml", atomically: false, encoding: .utf8)
    #expect(mkfifo(dir + "/fifo.csv", 0o600) == 0)
    r = try Binary.shell("cat d.csv > fifo.csv & cat m.json | \"$B\" train --steps 1 --data fifo.csv --model /dev/stdin", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("step 2"), "resumed from the piped model: \(r.stdout)")
    r = try Binary.shell("cat c.yaml | \"$B\" train --steps 1 --config /dev/stdin", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("xor:"), "\(r.stdout)")
  }
}
