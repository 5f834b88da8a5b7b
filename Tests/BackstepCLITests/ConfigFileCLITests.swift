import Foundation
import Testing

/// A settings file's mistakes through the real binary: exit status 65 and `FILE:LINE:COL`.
@Suite("Settings file on the command line")
struct ConfigFileCLITests {
  func run(_ yaml: String) throws -> Binary.Result {
    let dir = try Binary.temporaryDirectory()
    let path = dir + "/run.yaml"
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    return try Binary.run(["train", "--config", path, "--steps", "1"])
  }

  @Test(arguments: [
    ("dataset: xor\nmomentum: 2\n", "run.yaml:2:11: momentum must lie in [0, 1], not 2"),
    ("optimizer: lbfgs\n", "run.yaml:1:12: unknown optimizer 'lbfgs'"),
    ("layers: [1000000, 1000000]\n", "run.yaml:1:10: each width in layers must lie in [1, 4096]"),
    ("lr: 0.1\nlr: 0.2\n", "run.yaml:2:1: lr is given twice"),
    ("dataset: xor\nlr: fast\n", "run.yaml:2:5: lr: expected a number"),
  ])
  func aBadSettingExitsWithDataError(_ yaml: String, _ expected: String) throws {
    let r = try run(yaml)
    #expect(r.status == 65, "\(r.stderr)")
    #expect(r.stderr.contains(expected), "stderr was \(r.stderr)")
  }
}
