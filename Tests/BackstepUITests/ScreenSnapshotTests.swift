import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// Whole screens at the sizes people use, in the states a lesson passes through.
@Suite("Whole screens")
struct ScreenSnapshotTests {
  /// The states: a fresh network; the middle of a backward pass; a deep sigmoid network whose
  /// gradients vanish; a ReLU network with large weights that has blown up into NaN; a network
  /// with batchnorm layers in the middle of its backward pass.
  static func state(_ name: String) throws -> AppState {
    var config = RunConfiguration()
    var iterations = 0, stages = 0
    switch name {
    case "fresh": break
    case "mid-backward":
      iterations = 30
      stages = 6
    case "vanishing":
      config.layers = [8, 8, 8, 8, 8, 8, 8]
      config.activation = .sigmoid
      iterations = 20
    case "batchnorm":
      // Two batchnorm layers; stopped at B4, so L4's gradients are fresh and L2's are stale.
      config.layers = [6, 6]
      config.batchNorm = true
      config.activation = .sigmoid
      iterations = 5
      stages = 8
    case "exploding-nan":
      // demos/07-exploding.yaml, which reaches an infinite loss at step 3.
      config = ExtremeValueTests.exploding()
      iterations = 3
    default: Issue.record("no state \(name)")
    }
    var state = try AppState(config: config)
    state.stepper.run(iterations: iterations)
    for _ in 0..<stages { state.update(.step) }
    state.refreshExplanation()
    state.message = nil
    return state
  }

  /// A projector (80×24, 100×30), a laptop (120×36), big screens (200×60, 250×70), and one too
  /// small to draw on.
  static let sizes = [(80, 24), (100, 30), (120, 36), (200, 60), (250, 70), (40, 12)]

  /// Every state at every size, in 256 colours and in monochrome (`NO_COLOR`).
  @Test(arguments: ["fresh", "mid-backward", "vanishing", "exploding-nan", "batchnorm"])
  func screens(_ name: String) throws {
    var state = try Self.state(name)
    for (width, height) in Self.sizes {
      for level in [ColorLevel.xterm256, .none] {
        // The surface is computed for the size, as the run loop does before it draws.
        let context = RenderContext(level: level, unicode: true)
        state.refreshSurface(width: width, height: height, context: context)
        let frame = Screen.render(state, width: width, height: height, context: context)
        let lines = frame.plainText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == height)
        #expect(lines.allSatisfy { $0.count <= width })
        expectSnapshot(frame, named: "screen-\(name)-\(level == .none ? "mono-" : "")\(width)x\(height)")
      }
    }
  }

  @Test func theVanishingNetworkSaysSoOnScreen() throws {
    let frame = Screen.render(try Self.state("vanishing"), width: 120, height: 36, context: RenderContext(level: .none, unicode: true))
    #expect(frame.plainText.contains("vanishing"))
  }

  @Test func theExplodingNetworkNamesWhereNaNFirstAppeared() throws {
    let frame = Screen.render(try Self.state("exploding-nan"), width: 120, height: 36, context: RenderContext(level: .none, unicode: true))
    #expect(frame.plainText.contains("NaN/∞ first appeared"))
    #expect(frame.plainText.contains("×"))
  }

  /// Without UTF-8 (monochrome is drawn by ``screens(_:)``).
  @Test func asciiScreen() throws {
    var state = try Self.state("mid-backward")
    state.refreshSurface(width: 80, height: 24, context: RenderContext(level: .none, unicode: false))
    let ascii = Screen.render(state, width: 80, height: 24, context: RenderContext(level: .none, unicode: false))
    #expect(ascii.plainText.unicodeScalars.allSatisfy { $0.isASCII }, "ASCII mode drew a non-ASCII character")
    expectSnapshot(ascii, named: "screen-ascii-80x24")
  }
}
