import BackstepConfig
import BackstepCore
import Foundation
import Testing

@Suite("Settings file")
struct ConfigFileTests {
  func failure(_ bytes: [UInt8]) -> String? {
    do {
      _ = try ConfigFile.parse(Data(bytes), path: "c.yaml")
      return nil
    } catch let e as FileError {
      #expect(e.kind == .malformed)
      return e.description
    } catch {
      return "unexpected \(error)"
    }
  }

  func failure(_ text: String) -> String? { failure(Array(text.utf8)) }

  struct Bad: CustomTestStringConvertible, Sendable {
    let yaml: String
    let expected: String
    var testDescription: String { yaml.debugDescription }
  }

  static let badValues: [Bad] = [
    Bad(yaml: "optimizer: lbfgs\n", expected: "c.yaml:1:12: unknown optimizer 'lbfgs'"),
    Bad(yaml: "dataset: banana\n", expected: "c.yaml:1:10: unknown data set \"banana\""),
    Bad(yaml: "init: gaussian\n", expected: "c.yaml:1:7: unknown initialiser"),
    Bad(yaml: "lr: 0.1\nmomentum: 2\n", expected: "c.yaml:2:11: momentum must lie in [0, 1], not 2"),
    Bad(yaml: "lr: -1\n", expected: "c.yaml:1:5: lr (the learning rate) must be > 0, not -1"),
    Bad(yaml: "lr: 1e999\n", expected: "c.yaml:1:5: lr (the learning rate) must be a finite number > 0, not inf"),
    Bad(yaml: "lr-decay: .nan\n", expected: "c.yaml:1:11: lr-decay must be a finite number ≥ 0, not nan"),
    Bad(yaml: "dampening: 1.5\n", expected: "c.yaml:1:12: dampening must lie in [0, 1], not 1.5"),
    Bad(yaml: "alpha: -0.1\n", expected: "c.yaml:1:8: alpha must lie in [0, 1], not -0.1"),
    Bad(yaml: "rho: 2\n", expected: "c.yaml:1:6: rho must lie in [0, 1], not 2"),
    Bad(yaml: "beta1: 1\n", expected: "c.yaml:1:8: beta1 must lie in [0, 1), not 1"),
    Bad(yaml: "beta2: 7\n", expected: "c.yaml:1:8: beta2 must lie in [0, 1), not 7"),
    Bad(yaml: "eps: 0\n", expected: "c.yaml:1:6: eps must be > 0, not 0"),
    Bad(yaml: "dropout: 1\n", expected: "c.yaml:1:10: dropout must lie in [0, 1), not 1"),
    Bad(yaml: "weight-decay: -1\n", expected: "c.yaml:1:15: weight-decay must be ≥ 0, not -1"),
    Bad(yaml: "train-ratio: 0\n", expected: "c.yaml:1:14: train-ratio must lie in (0, 1], not 0"),
    Bad(yaml: "points: 1\n", expected: "c.yaml:1:9: points must lie in [2, 1000000], not 1"),
    Bad(yaml: "batch-size: 0\n", expected: "c.yaml:1:13: batch-size must be ≥ 1, not 0"),
    Bad(yaml: "layers: [8, 0]\n", expected: "c.yaml:1:13: each width in layers must lie in [1, 4096], not 0; write none for no hidden layer"),
    Bad(yaml: "layers: [1000000, 1000000]\n", expected: "c.yaml:1:10: each width in layers must lie in [1, 4096], not 1000000"),
    Bad(yaml: "layers: [9223372036854775807]\n", expected: "c.yaml:1:10: each width in layers must lie in [1, 4096], not 9223372036854775807"),
    Bad(yaml: "layers: 8,0\n", expected: "c.yaml:1:9: each width in layers must lie in [1, 4096], not 0"),
    Bad(yaml: "layers: [x]\n", expected: "c.yaml:1:10: layers: expected whole-number widths, or none"),
    Bad(yaml: "lr: 0.1\nlr: 0.2\n", expected: "c.yaml:2:1: lr is given twice (also on line 1)"),
    Bad(yaml: "batch_size: 4\nseed: 1\nbatch-size: 8\n", expected: "c.yaml:3:1: batch-size is given twice (also on line 1)"),
    Bad(yaml: "lr: *nope\n", expected: "c.yaml:1:5: the alias *nope has no anchor &nope above it"),
    Bad(yaml: "lr: 0.1\nbogus: 1\n", expected: "c.yaml:2:1: unknown setting \"bogus\""),
    Bad(yaml: "lr: [0.1\n", expected: "c.yaml:2:1: not valid YAML"),
    Bad(yaml: "lr: \u{1B}]0;x\u{07}\n", expected: "c.yaml:1:5: not valid YAML"),
    Bad(yaml: "lr: 0.1\nview: {scale: wide}\n", expected: "c.yaml:2:15: view: scale takes layer or shared, not \"wide\""),
    Bad(yaml: "view:\n  scale: shared\n  log: maybe\n", expected: "c.yaml:3:8: view: log: expected true or false"),
    Bad(yaml: "view:\n  colour: grey\n", expected: "c.yaml:2:3: unknown view setting \"colour\"; view settings are scale, log"),
    Bad(yaml: "view: shared\n", expected: "c.yaml:1:7: view: expected `scale: layer|shared`"),
    Bad(yaml: "break-on: vanish\n", expected: "c.yaml:1:11: unknown breakpoint 'vanish' (expected one of nan, vanishing, exploding"),
    Bad(yaml: "lr: 0.1\nbreak-on: [nan, \"dead:2\"]\n", expected: "c.yaml:2:11: breakpoint 'dead:2' needs a fraction in (0, 1]"),
    Bad(yaml: "exploding-norm: 0\n", expected: "c.yaml:1:17: exploding-norm must be > 0, not 0"),
  ]

  @Test(arguments: ["break-on: exploding,plateau:500\n", "break-on: [exploding, \"plateau:500\"]\n", "break_on: [ exploding , plateau:500 ]\n"])
  func breakpointsAreReadAsAListOrAsText(_ yaml: String) throws {
    #expect(try ConfigFile.parse(yaml, path: "c.yaml").breakOn == [.exploding, .plateau(steps: 500)])
  }

  @Test func noBreakpointsIsAnEmptyList() throws {
    #expect(try ConfigFile.parse("break-on: off\n", path: "c.yaml").breakOn == [])
    #expect(try ConfigFile.parse("break-on: []\n", path: "c.yaml").breakOn == [])
  }

  @Test(arguments: badValues)
  func aBadValueIsNamedAtItsLineAndColumn(_ c: Bad) {
    let message = failure(c.yaml)
    #expect(message?.hasPrefix(c.expected) == true, "\(message ?? "no error") should start with \(c.expected)")
  }

  @Test func messagesNameTheKeyNotTheFlag() {
    for c in Self.badValues {
      let message = failure(c.yaml) ?? ""
      #expect(!message.contains("--"), "\(message)")
    }
  }

  @Test func bytesThatAreNotUTF8AreNamedWhereTheyStand() {
    let message = failure(Array("lr: 0.1\nseed: ".utf8) + [0xFF, 0x0A])
    #expect(message?.hasPrefix("c.yaml:2:7: a byte that is not UTF-8") == true, "\(message ?? "no error")")
    #expect(failure(Array("lr: 0.1\n".utf8) + [0, 0x0A])?.hasPrefix("c.yaml:2:1: a NUL byte") == true)
  }

  /// Keys that are aliases of nested aliases: composing hashed each key's whole expansion.
  @Test func anAliasCannotBeAKey() {
    let yaml = "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n? *c\n: 1\n"
    #expect(failure(yaml)?.hasPrefix("c.yaml:4:3: an alias (*c) cannot be a key") == true, "\(failure(yaml) ?? "no error")")
    let inside = "a: &a [x,x]\n? [*a, 1]\n: 1\n"
    #expect(failure(inside)?.hasPrefix("c.yaml:2:4: an alias (*a) cannot be a key") == true, "\(failure(inside) ?? "no error")")
  }

  @Test func aliasesMayNotStandForTooManyValues() {
    var yaml = "a: &a [x,x,x,x,x,x,x,x,x]\n"
    for (name, previous) in zip(["b", "c", "d", "e", "f"], ["a", "b", "c", "d", "e"]) {
      yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
    }
    let message = failure(yaml) ?? "no error"
    #expect(message.hasPrefix("c.yaml:6:"), "\(message)")
    #expect(message.contains("more than \(100_000) values"), "\(message)")
  }

  @Test(arguments: ["layers: none\n", "layers: 0\n", "layers: []\n", "layers: NONE\n"])
  func noHiddenLayer(_ yaml: String) throws {
    #expect(try ConfigFile.parse(yaml, path: "c.yaml").layers == [])
  }

  @Test func goodSettingsAreRead() throws {
    let yaml = """
      dataset: xor
      layers: [8, \(LayerSpec.maxUnits)]
      optimizer: adam
      lr: 0.01
      beta1: 0
      momentum: 1
      batch_size: full
      features: [a, b]
      test_data: test.csv
      shuffle: off
      seed: 7
      """
    let c = try ConfigFile.parse(yaml, path: "c.yaml")
    #expect(c.layers == [8, LayerSpec.maxUnits])
    #expect(c.optimizer == "adam" && c.lr == 0.01 && c.beta1 == 0 && c.momentum == 1)
    #expect(c.batchSize == 0 && c.features == ["a", "b"] && c.shuffle == false && c.seed == 7)
    #expect(c.testDataFile == "test.csv")
  }

  /// A lesson sets how the heat maps are coloured: `view: {scale: shared, log: true}`.
  @Test func viewSettingsAreRead() throws {
    let flow = try ConfigFile.parse("view: {scale: shared, log: true}\n", path: "c.yaml")
    #expect(flow.view == ViewSettings(scale: .shared, log: true))
    let block = try ConfigFile.parse("lr: 0.1\nview:\n  log: off\n", path: "c.yaml")
    #expect(block.view == ViewSettings(scale: nil, log: false) && block.lr == 0.1)
    #expect(try ConfigFile.parse("lr: 0.1\n", path: "c.yaml").view == nil)
  }

  @Test func anAliasOfAValueIsRead() throws {
    let c = try ConfigFile.parse("l1: &small 0.001\nl2: *small\n", path: "c.yaml")
    #expect(c.l1 == 0.001 && c.l2 == 0.001)
  }

  @Test func everyDemoParses() throws {
    let demos = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("demos")
    let files = try FileManager.default.contentsOfDirectory(atPath: demos.path).filter { $0.hasSuffix(".yaml") }
    #expect(!files.isEmpty)
    for file in files { _ = try ConfigFile.load(path: demos.appendingPathComponent(file).path) }
  }
}
