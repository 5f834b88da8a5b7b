import BackstepCore
import Foundation
import Testing

/// The trace of the hand-worked 2-2-1 network (see HandWorkedNetworkTests for the derivation).
@Suite("The trace")
struct TraceTests {
  func line() throws -> [String: Any] {
    var s = try HandWorkedNetworkTests().makeStepper()
    s.finishIteration()
    let text = TraceWriter.line(for: s)
    #expect(!text.contains("\n"))
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
  }

  @Test func keysAndHandWorkedValues() throws {
    let t = try line()
    for key in [
      "step", "batch_indices", "loss", "data_loss", "reg_loss", "z", "a", "deltas", "dW", "db", "applied_dW",
      "applied_db", "weights_after", "biases_after", "grad_norms",
    ] {
      #expect(t[key] != nil, "missing \(key)")
    }
    #expect(t["step"] as? Int == 1)
    #expect(t["batch_indices"] as? [Int] == [0, 1])
    #expect(abs((t["loss"] as? Double ?? 0) - 0.7933954734557686) < 1e-15)
    #expect(t["reg_loss"] as? Double == 0)
    let z = try #require(t["z"] as? [[[Double]]])
    #expect(z[0] == [[1.0, 0.0], [0.3, -0.9]])
    let dW = try #require(t["dW"] as? [[[Double]]])
    #expect(dW[1][0].count == 2)
    #expect(abs(dW[1][0][1] - -0.24967858385105915) < 1e-15)
    let deltas = try #require(t["deltas"] as? [[[Double]]])
    #expect(abs(deltas[1][0][0] - -0.16225566768971494) < 1e-15)
    let after = try #require(t["weights_after"] as? [[[Double]]])
    #expect(abs(after[1][0][0] - 0.7110153429998113) < 1e-15)
    let norms = try #require(t["grad_norms"] as? [String: Any])
    let dWNorms = try #require(norms["dW"] as? [Double])
    #expect(abs(dWNorms[1] - (0.02203068599962267 * 0.02203068599962267 + 0.24967858385105915 * 0.24967858385105915).squareRoot()) < 1e-15)
    #expect(norms["global"] is Double)
  }
}

/// The trace of a batchnorm network: one entry per layer in every list, γ and β in the slots of
/// W and b, `null` for the bias of a dense layer that has none, and the `batchnorm` key.
@Suite("The trace of a batchnorm network")
struct BatchNormTraceTests {
  /// Foundation's JSON reader on Linux may round a double's last bit, so numbers agree to 1e−15.
  func close(_ a: [Double]?, _ b: [Double]?) -> Bool {
    guard let a, let b, a.count == b.count else { return false }
    return zip(a, b).allSatisfy { abs($0 - $1) <= 1e-15 * max(1, abs($1)) }
  }

  @Test func keysAndShapes() throws {
    var s = try BatchNormTests.stepper(try BatchNormTests.network())
    s.finishIteration()
    let t = try #require(try JSONSerialization.jsonObject(with: Data(TraceWriter.line(for: s).utf8)) as? [String: Any])
    let layers = s.network.layers
    for key in ["z", "a", "deltas", "dW", "db", "applied_dW", "applied_db", "weights_after", "biases_after", "batchnorm"] {
      #expect((t[key] as? [Any])?.count == layers.count, "\(key)")
    }
    let dW = try #require(t["dW"] as? [Any])
    let db = try #require(t["db"] as? [Any])
    #expect((dW[0] as? [[Double]])?.count == 4)  // dense W, 4 × 2
    #expect(db[0] is NSNull)  // no bias below a batchnorm layer
    let dGamma = try #require(dW[1] as? [Double])
    #expect(close(dGamma, s.record.layers[1].dW.storage))
    #expect(close(db[1] as? [Double], s.record.layers[1].db))
    #expect(close((t["weights_after"] as? [Any])?[1] as? [Double], s.network.layers[1].batchNorm?.gamma))
    let bn = try #require(t["batchnorm"] as? [Any])
    #expect(bn[0] is NSNull)
    let entry = try #require(bn[1] as? [String: Any])
    let stats = try #require(s.record.layers[1].batchNorm)
    #expect(close(entry["mean"] as? [Double], stats.mean))
    #expect(close(entry["var"] as? [Double], stats.variance))
    #expect((entry["xhat"] as? [[Double]])?.count == s.record.input.rows)
    #expect(close(entry["running_mean"] as? [Double], s.network.layers[1].batchNorm?.runningMean))
  }
}
