import BackstepCore
import Foundation
import Testing

@Suite("A recurrent network in the model file and the trace")
struct RecurrentFileTests {
  @Test func saveAndLoadKeepEveryParameterAndTheOptimizerState() throws {
    var s = try RecurrentFixture.stepper(activation: .relu)
    s.run(iterations: 3)
    let file = ModelFile(network: s.network, training: s.settings, optimizerState: s.optimizerState, schedulePosition: s.schedule.position)
    let text = file.json()
    #expect(text.contains("\"rnn\"") && text.contains("\"weights_hh\""))
    let loaded = try ModelFile.parse(Array(text.utf8), path: "m.json")
    #expect(loaded.network == s.network)
    #expect(loaded.optimizerState == s.optimizerState)
    #expect(loaded.optimizerState?.buffers.count == s.network.parameters.count && s.network.parameters.count == 8)
    // Training goes on from the loaded file exactly as from the stepper.
    var resumed = try Stepper(
      network: loaded.network, data: s.data, settings: s.settings, resuming: (try #require(loaded.optimizerState), s.schedule.position))
    var going = s
    resumed.run(iterations: 2)
    going.run(iterations: 2)
    #expect(resumed.network == going.network)
  }

  @Test func aSequenceSetIsRememberedWithItsLength() throws {
    var c = RunConfiguration()
    c.dataset = "parity"
    c.seqLen = 12
    c.rnn = 3
    c.points = 20
    let run = try c.resolve()
    let text = ModelFile(network: run.network, data: run.dataSource).json()
    let loaded = try ModelFile.parse(Array(text.utf8), path: "m.json")
    #expect(loaded.data?.seqLen == 12)
    // Reopened from the file alone, the data come back with the same length.
    var reopened = try #require(loaded.data).laid(under: RunConfiguration())
    reopened.rnn = 3
    #expect(try reopened.resolve().data.train.steps == 12)
  }

  @Test func theFileRefusesARecurrentLayerOfTheWrongShapeOrPlace() throws {
    func model(_ layers: String) -> [UInt8] {
      Array(#"{"format": "backstep.model", "version": 1, "inputs": 1, "loss": "mse", "layers": [\#(layers)]}"#.utf8)
    }
    let rnn =
      #"{"type": "rnn", "units": 2, "activation": "tanh", "weights_ih": [[1], [2]], "weights_hh": [[1, 0], [0, 1]], "bias_ih": [0, 0], "bias_hh": [0, 0]}"#
    let out = #"{"units": 1, "activation": "identity", "weights": [[1, 1]], "biases": [0]}"#
    #expect(try ModelFile.parse(model(rnn + "," + out), path: "m.json").network.isRecurrent)
    let wide = rnn.replacingOccurrences(of: #""weights_hh": [[1, 0], [0, 1]]"#, with: #""weights_hh": [[1, 0, 0], [0, 1, 0]]"#)
    let error = try #require(throws: FileError.self) { try ModelFile.parse(model(wide + "," + out), path: "m.json") }
    #expect(error.description.contains("weights_hh"))
    let second = #"{"units": 1, "activation": "identity", "weights": [[1]], "biases": [0]}"#
    #expect(throws: FileError.self) { try ModelFile.parse(model(second + "," + rnn + "," + out), path: "m.json") }
    let sigmoid = rnn.replacingOccurrences(of: "tanh", with: "sigmoid")
    #expect(throws: FileError.self) { try ModelFile.parse(model(sigmoid + "," + out), path: "m.json") }
  }

  @Test func traceKeysHaveTheShapesOfTimeSteps() throws {
    var s = try RecurrentFixture.stepper(dense: [3], steps: 4)
    s.finishIteration()
    let object = try JSONSerialization.jsonObject(with: Data(TraceWriter.line(for: s).utf8))
    let t = try #require(object as? [String: Any])
    let (T, B, H, I) = (4, 4, 3, 2)
    for key in ["z", "a", "deltas"] {
      let first = try #require((t[key] as? [Any])?.first as? [[[Double]]], "\(key)")
      #expect(first.count == T && first.allSatisfy { $0.count == B && $0.allSatisfy { $0.count == H } }, "\(key)")
    }
    let deltas = try #require((t["deltas"] as? [Any])?.first as? [[[Double]]])
    let rec = try #require(s.record.layers[0].recurrent)
    // JSON numbers read back by Foundation may differ in the last bit.
    func near(_ a: [Double], _ b: [Double]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-15 * max(1, abs($1)) } }
    #expect(near(deltas[0].flatMap { $0 }, rec.delta[0].storage))
    for key in ["dW", "applied_dW", "weights_after"] {
      let pair = try #require((t[key] as? [Any])?.first as? [[[Double]]], "\(key)")
      #expect(pair.count == 2 && pair[0].count == H && pair[0][0].count == I && pair[1].count == H && pair[1][0].count == H, "\(key)")
    }
    for key in ["db", "applied_db", "biases_after"] {
      let pair = try #require((t[key] as? [Any])?.first as? [[Double]], "\(key)")
      #expect(pair.count == 2 && pair.allSatisfy { $0.count == H }, "\(key)")
    }
    let through = try #require(t["delta_through_time"] as? [Any])
    #expect(through.count == 3 && through[1] is NSNull && through[2] is NSNull)
    #expect(near(through[0] as? [Double] ?? [], rec.deltaNorms) && rec.deltaNorms.count == T)
    let norms = try #require(t["grad_norms"] as? [String: Any])
    let delta = try #require(norms["delta"] as? [Double])
    #expect(abs(delta[0] - rec.delta.map { $0.storage.reduce(0) { $0 + $1 * $1 } }.reduce(0, +).squareRoot()) < 1e-15)
    let dW = try #require(norms["dW"] as? [Double])
    #expect(near([dW[0]], [s.record.layers[0].dW.frobeniusNorm]))
  }
}
