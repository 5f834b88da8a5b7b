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

  /// Every kernel path this machine runs ends there too.
  @Test(arguments: KernelPath.available)
  func everyKernelPathEndsAtTheReferenceLoss(_ path: KernelPath) throws {
    let loss = try KernelPath.$current.withValue(path) {
      var s = try ReferenceProblem.stepper()
      s.train(iterations: ReferenceProblem.steps)
      return try #require(Evaluation.loss(of: s.network, on: s.data.train))
    }
    #expect(abs(loss - ReferenceProblem.expectedFinalLoss) < 1e-9, "final loss \(loss) on \(path)")
  }

  /// `backstep bench` says which kernel path it trained on, and takes the one BACKSTEP_KERNELS names.
  @Test func theBenchNamesItsKernelPath() throws {
    let r = try Binary.run(["bench", "--only", "train", "--runs", "1", "--steps", "1"], environment: ["BACKSTEP_KERNELS": "portable"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("kernels       portable (BACKSTEP_KERNELS); this machine runs portable, "), "\(r.stdout)")
    let best = try Binary.run(["bench", "--only", "train", "--runs", "1", "--steps", "1"], environment: ["BACKSTEP_KERNELS": ""])
    #expect(best.stdout.contains("kernels       \(KernelPath.best.rawValue) (the processor's best)"), "\(best.stdout)")
  }

  /// A path that is not one, or that this machine cannot run, stops the program before it starts.
  @Test(arguments: ["avx9", KernelPath.allCases.first { !$0.isAvailable }?.rawValue ?? "none"])
  func anUnusableKernelPathIsRefused(_ name: String) throws {
    let r = try Binary.run(["bench", "--only", "train", "--runs", "1", "--steps", "1"], environment: ["BACKSTEP_KERNELS": name])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("backstep: BACKSTEP_KERNELS=\(name)"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }
}
