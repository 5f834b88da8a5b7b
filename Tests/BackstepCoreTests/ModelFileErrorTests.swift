import BackstepCore
import Foundation
import Testing

/// Every mistake in a model file is reported at its line and column, with the field and why;
/// values that would overflow or poison training later are refused while reading.
@Suite("Model file errors")
struct ModelFileErrorTests {
  func message(_ json: String) -> String {
    do {
      _ = try ModelFile.parse(Data(json.utf8), path: "m.json")
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  static let layers = #""layers": [{"units": 1, "activation": "sigmoid", "weights": [[1, 2]], "biases": [0]}]"#
  static let head = #"{"format": "backstep.model", "version": 1, "inputs": 2, "loss": "bce", "#

  @Test(arguments: [
    ("{\n  \"format\": \"backstep.model\",\n  \"version\": 1,\n  \"inputs\": 2,,\n", "m.json:4:15: not valid JSON: expected a key in double quotes, found ','"),
    ("{\"a\": [1, 2,]}", "m.json:1:13: not valid JSON: a comma before ']'"),
    ("{\"a\": tru}", "m.json:1:7: not valid JSON: expected a value"),
    ("{\"a\": \"x\ny\"}", "m.json:1:9: not valid JSON: a string is not closed before the end of the line"),
    ("{\"a\": 01}", "m.json:1:7: not valid JSON: a number may not start with 0"),
    ("{\"a\": 1e999}", "m.json:1:7: not valid JSON: 1e999 is too large for a double"),
    ("{\"a\": 1, \"a\": 2}", "m.json:1:10: not valid JSON: the key \"a\" appears twice"),
    ("{\"é\": [1 2]}", "m.json:1:10: not valid JSON: expected ',' or ']', found '2'"),
    (String(repeating: "[", count: 100_000), "m.json:1:65: not valid JSON: nested more than 64 deep"),
  ])
  func syntaxErrorsHaveAPlace(_ json: String, _ expected: String) {
    let text = message(json)
    #expect(text.hasPrefix(expected), "got \(text)")
  }

  @Test(arguments: [
    (#"{"format": "backstep.model", "version": 1.5}"#, "m.json:1:41: version: expected a whole number, not 1.5"),
    (
      "{\"format\": \"backstep.model\", \"version\": 1, \"inputs\": 2, \"loss\": \"bce\",\n \"layers\": [{\"units\": \"x\"}]}",
      #"m.json:2:13: layers[0].activation is missing"#
    ),
    (
      head + #""layers": [{"activation": "sigmoid", "units": "x"}]}"#,
      #"m.json:1:118: layers[0].units: expected a whole number, not "x""#
    ),
    (head + #""layers": [{"activation": "sigmoid", "units": 5000}]}"#, "layers[0].units: 5000 is more than 4096"),
    (
      head + #""layers": [{"activation": "sigmoid", "units": 1, "weights": [[1, "x"]], "biases": [0]}]}"#,
      "layers[0].weights[0][1]: expected a number, not \"x\""
    ),
    (
      head + layers + #", "optimizer_state": {"step": 9223372036854775807, "buffers": [{}, {}]}}"#,
      "optimizer_state.step: must lie in [0, 9007199254740992], not 9223372036854775807"
    ),
    (head + layers + #", "optimizer_state": {"step": -1, "buffers": [{}, {}]}}"#, "optimizer_state.step: must lie in [0, 9007199254740992], not -1"),
    (
      head + layers + #", "optimizer_state": {"step": 1, "batch_position": 9223372036854775807, "buffers": [{}, {}]}}"#,
      "optimizer_state.batch_position: must lie in"
    ),
    (
      head + layers + #", "optimizer_state": {"step": 1, "batch_position": -5, "buffers": [{}, {}]}}"#,
      "optimizer_state.batch_position: must lie in [0, 9007199254740992], not -5"
    ),
    (
      head + layers + #", "optimizer_state": {"step": 1, "buffers": [{"exp_avg_sq": [0, -1e-3]}, {}]}}"#,
      "optimizer_state.buffers[0].exp_avg_sq holds squares, but entry 1 is -0.001, below 0"
    ),
    (head + layers + #", "training": {"optimizer": "sgd", "lr": "fast"}}"#, #"training.lr: expected a number, not "fast""#),
    (head + layers + #", "training": {"optimizer": "sgd", "lr": 0.1, "seed": -1}}"#, "training.seed: must be at least 0, not -1"),
    // Found by fuzzing: an input count of 2.9e17 once asked for 2.3e18 bytes before any row was read.
    (
      #"{"format": "backstep.model", "version": 1, "inputs": 288888888888888892, "loss": "mse", "layers": [{"units": 8, "activation": "identity", "weights": [[1]]}]}"#,
      "inputs: must lie in [1, 4096], not 288888888888888892"
    ),
    (
      #"{"format": "backstep.model", "version": 1, "inputs": 4096, "loss": "mse", "layers": [{"units": 2, "activation": "identity", "weights": [[1], [2]]}]}"#,
      "layers[0].weights[0] has 1 numbers, but the layer takes 4096 inputs"
    ),
  ])
  func fieldErrorsNameTheField(_ json: String, _ expected: String) {
    let text = message(json)
    #expect(text.contains(expected), "got \(text)")
    #expect(text.hasPrefix("m.json:"), "got \(text)")
  }

  @Test func aLargeSeedReadsBack() throws {
    let json = Self.head + Self.layers + #", "training": {"optimizer": "sgd", "lr": 0.1, "seed": 18446744073709551615}}"#
    let file = try ModelFile.parse(Data(json.utf8), path: "m.json")
    #expect(file.training?.seed == UInt64.max)
  }

  @Test func aFileWithABOMAndEscapesReads() throws {
    let json = "\u{FEFF}" + Self.head.replacingOccurrences(of: "\"bce\"", with: "\"b\\u0063e\"") + Self.layers + "}"
    let file = try ModelFile.parse(Data(json.utf8), path: "m.json")
    #expect(file.network.loss == .bce)
  }
}
