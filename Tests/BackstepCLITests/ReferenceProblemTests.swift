import BackstepCore
import Testing

@testable import backstep

/// The reference problem built into `backstep bench`: the same work as the numpy and jax peers.
@Suite("The reference problem")
struct ReferenceProblemTests {
  @Test func itIsTheDocumentedProblem() throws {
    let (network, data) = try ReferenceProblem.load()
    #expect(network.widths == [2, 8, 8, 1])
    #expect(network.layers.map(\.activation) == [.tanh, .tanh, .sigmoid])
    #expect(network.loss == .bce)
    #expect(data.count == 500)
  }

  /// Identical work in float64 ends at the peers' loss, to 1e-9.
  @Test func itEndsAtTheReferenceLoss() throws {
    var s = try ReferenceProblem.stepper()
    s.train(iterations: ReferenceProblem.steps)
    let loss = try #require(Evaluation.loss(of: s.network, on: s.data.train))
    #expect(abs(loss - ReferenceProblem.expectedFinalLoss) < 1e-9, "final loss \(loss)")
  }
}
