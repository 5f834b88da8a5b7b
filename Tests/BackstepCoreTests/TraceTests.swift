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
