import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The gradient check overlay's lines under its table: each layer's worst entry, and a kink
/// explained.
@Suite("The gradient check's drill-down on screen")
struct GradientCheckOverlayTests {
  /// `g` on a relu network: the table, then each layer's worst entry with both gradients. On
  /// the portable path: the differences of order 1e-12 it prints are rounding, whose last
  /// digits differ on a fused kernel path, and the snapshot is to be the same on every machine.
  @Test func theGradientCheckDrillsDown() throws {
    try KernelPath.$current.withValue(.portable) { try drillDown() }
  }

  func drillDown() throws {
    var state = try InsideFixture.state(activation: .relu, iterations: 1)
    state.update(.gradientCheck)
    guard case .gradientCheck(let report) = state.overlay else {
      Issue.record("no gradient check")
      return
    }
    #expect(report.contains("worst entries, backprop against the central difference:"))
    let lines = report.split(separator: "\n")
    for layer in 1...3 { #expect(lines.contains { $0.hasPrefix("L\(layer) W[") || $0.hasPrefix("L\(layer) b[") }, "L\(layer)") }
    for (name, context) in [("colour", InsideFixture.colour), ("mono", InsideFixture.mono)] {
      for (width, height) in [(80, 24), (120, 36)] {
        expectSnapshot(Screen.render(state, width: width, height: height, context: context), named: "gradient-check-\(width)x\(height)-\(name)")
      }
    }
  }

  /// Unit 2 of layer 1 is set by its bias to z = 3e−7 for the first example: within h of
  /// relu's kink, which the drill-down names.
  @Test func aKinkIsExplainedNotFailed() throws {
    let x = Matrix([[0.6, -0.2], [0.9, 0.7]])!
    let layer1 = DenseLayer(weights: Matrix([[0.8, -0.4], [0.5, 0.3]])!, bias: [0.2, -(0.5 * 0.6 + 0.3 * -0.2) + 3e-7], activation: .relu)
    let layer2 = DenseLayer(weights: Matrix([[1.5, -2.0]])!, bias: [0.1], activation: .identity)
    let network = try Network(inputs: 2, layers: [layer1, layer2], loss: .mse)
    let results = GradientCheck.run(network: network, input: x, target: Matrix([[1.0], [0.0]])!)
    let entry = try #require(results[0].largestAtKink)
    let lines = GradientCheckDrillDown.lines(results)
    #expect(lines.contains("L1 " + GradientCheckDrillDown.describe(entry)))
    #expect(lines.contains { $0.contains("straddles ReLU's kink at z = 3.0e-07 (L1 unit 2,") })
    #expect(lines.contains("   example 1): not a failure of backprop"))
    #expect(lines.allSatisfy { $0.count <= 76 })
  }
}
