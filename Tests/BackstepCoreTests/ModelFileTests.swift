import BackstepCore
import Foundation
import Testing

@Suite("The model file")
struct ModelFileTests {
  func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("backstep-\(UUID().uuidString)-\(name)").path
  }

  @Test func roundTripGivesIdenticalPredictions() throws {
    let network = try Network(
      inputs: 2, specs: [LayerSpec(units: 5, activation: .elu), LayerSpec(units: 3, activation: .softmax)],
      loss: .ce, initializer: .heNormal, bias: 0.01, seed: 77)
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .adam, lr: 0.02), batchSize: 4, seed: 9)
    settings.regularization = Regularization(l2: 0.001)
    var state = OptimizerState()
    state.step = 3
    state.buffers[ParameterKey(layer: 1, name: .weights)] = ["exp_avg": Array(repeating: 0.1, count: 10)]
    let path = temporaryPath("model.json")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try ModelFile(network: network, training: settings, optimizerState: state, schedulePosition: 12).save(path: path)
    let loaded = try ModelFile.load(path: path)
    #expect(loaded.network == network)
    #expect(loaded.training?.optimizer.kind == .adam)
    #expect(loaded.training?.optimizer.lr == 0.02)
    #expect(loaded.training?.regularization.l2 == 0.001)
    #expect(loaded.training?.batchSize == 4)
    #expect(loaded.optimizerState?.step == 3)
    #expect(loaded.optimizerState?.buffers[ParameterKey(layer: 1, name: .weights)]?["exp_avg"] == Array(repeating: 0.1, count: 10))
    #expect(loaded.optimizerState == state)
    #expect(loaded.schedulePosition == 12)
    let x = Matrix([[0.3, -0.7], [1e-9, 123.456]])!
    #expect(loaded.network.predict(x) == network.predict(x))
  }

  @Test func theFixedCoreIsEnough() throws {
    let json = """
      {"format": "backstep.model", "version": 1, "inputs": 2, "loss": "bce", "extra": [1, 2],
       "layers": [{"units": 2, "activation": "tanh", "weights": [[0.1, -0.2], [0.3, 0.4]], "biases": [0.1, 0]},
                  {"units": 1, "activation": "sigmoid", "weights": [[1.5, -2]], "biases": [0.25], "note": "x"}]}
      """
    let file = try ModelFile.parse(Data(json.utf8), path: "m.json")
    #expect(file.network.widths == [2, 2, 1])
    #expect(file.network.layers[0].weights[0, 1] == -0.2)
    #expect(file.network.layers[1].bias == [0.25])
    #expect(file.training == nil)
  }

  func failure(_ json: String) -> FileError? {
    do {
      _ = try ModelFile.parse(Data(json.utf8), path: "bad.json")
      return nil
    } catch let e as FileError {
      return e
    } catch {
      return nil
    }
  }

  static let core = #""format": "backstep.model", "inputs": 2, "loss": "bce""#

  @Test(arguments: [
    (#"{"format": "backstep.model", "version": 2, "inputs": 2, "loss": "bce", "layers": []}"#, "newer than"),
    (#"{"format": "other", "version": 1, "inputs": 2, "loss": "bce", "layers": []}"#, #"format: expected "backstep.model", not "other""#),
    (
      #"{"version": 1, \#(core), "layers": [{"units": 1, "activation": "sigmoid", "weights": [[1, 2, 3]], "biases": [0]}]}"#,
      "layers[0].weights[0] has 3 numbers"
    ),
    (#"{"version": 1, \#(core), "layers": [{"units": 2, "activation": "sigmoid", "weights": [[1, 2]], "biases": [0, 0]}]}"#, "layers[0].weights has 1 rows"),
    (#"{"version": 1, \#(core), "layers": [{"units": 1, "activation": "sigmoid", "weights": [[1, 2]], "biases": []}]}"#, "layers[0].biases has 0 numbers"),
    (#"{"version": 1, \#(core), "layers": [{"units": 1, "activation": "swish", "weights": [[1, 2]], "biases": [0]}]}"#, "unknown activation \"swish\""),
    (#"{"version": 1, \#(core), "layers": [{"units": 1, "activation": "tanh", "weights": [[1, 2]], "biases": [0]}]}"#, "bce loss needs a sigmoid output"),
    (
      #"{"version": 1, \#(core), "layers": [{"units": 1, "activation": "sigmoid", "weights": [[1, "x"]], "biases": [0]}]}"#,
      "layers[0].weights[0][1]: expected a number"
    ),
    (#"{"version": 1, \#(core)}"#, "layers is missing"),
    (#"{"version": 1, "#, "not valid JSON: expected a key in double quotes, found end of file"),
  ])
  func badFilesAreRefusedWithAReason(_ json: String, _ expected: String) {
    let error = failure(json)
    #expect(error?.kind == .malformed)
    #expect(error?.description.hasPrefix("bad.json:1:") == true, "\(error?.description ?? "") gives a line and column")
    #expect(error?.description.contains(expected) == true, "\(error?.description ?? "no error") should mention \(expected)")
  }

  @Test func aMissingFileIsNamed() {
    #expect(throws: FileError(path: "/nonexistent/m.json", message: "no such file", kind: .missing)) {
      try ModelFile.load(path: "/nonexistent/m.json")
    }
  }

  @Test func nonFiniteWeightsAreNotSaved() throws {
    var network = try Network(inputs: 1, specs: [LayerSpec(units: 1, activation: .identity)], loss: .mse, initializer: .zeros, seed: 1)
    network.modify(ParameterKey(layer: 1, name: .weights)) { $0[0] = .nan }
    let path = temporaryPath("nan.json")
    #expect(throws: FileError.self) { try ModelFile(network: network).save(path: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func numbersKeepEveryBit() {
    for x in [0.1, 1.0 / 3.0, -2.5e-300, 1e300, 123456789.123456789, .leastNonzeroMagnitude] {
      #expect(Double(JSONText.number(x)) == x)
    }
    #expect(JSONText.number(.nan) == "null")
  }

  @Test func atomicWriteReplacesWholeFiles() throws {
    let path = temporaryPath("atomic.txt")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try AtomicFile.write("first", to: path)
    try AtomicFile.write("second", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
    let dir = (path as NSString).deletingLastPathComponent
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".backstep-") && $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
    #expect(throws: FileError.self) { try AtomicFile.write("x", to: "/nonexistent-dir/file.txt") }
  }
}
