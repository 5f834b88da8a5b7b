import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The optimizer and histogram overlays' keys, the readings they keep current, and what the
/// optimizer overlay prints.
@Suite("The optimizer overlay")
struct OptimizerOverlayTests {
  @Test func theKeysOpenCycleAndCloseTheOverlays() throws {
    var state = try InsideFixture.state()
    state.handle(.character("O"))
    #expect(state.overlay == .optimizer && state.readings.optimizer?.step == 3)
    state.handle(.character("O"))
    #expect(state.overlay == .none && state.readings.optimizer == nil)
    var seen: [LayerHistograms.Subject] = []
    for _ in 0..<4 {
      state.handle(.character("H"))
      guard case .histograms(let subject) = state.overlay else {
        Issue.record("no histograms")
        return
      }
      #expect(state.readings.histograms?.subject == subject)
      seen.append(subject)
    }
    #expect(seen == [.weights, .gradients, .activations, .weights])
    state.handle(.escape)
    #expect(state.overlay == .none)
  }

  /// Stepping goes on under an overlay, and the reading catches up before the next frame.
  @Test func theReadingFollowsTheStepperUnderTheOverlay() throws {
    var state = try InsideFixture.state()
    state.update(.toggleOptimizer)
    state.handle(.character("n"))
    #expect(state.overlay == .optimizer && state.stepper.step == 4)
    #expect(state.readings.optimizer?.step == 3)
    state.refreshOverlay()
    #expect(state.readings.optimizer == OptimizerReading(state.stepper))
    state.update(.cycleHistograms)
    state.handle(.character(" "))
    state.refreshOverlay()
    #expect(state.readings.histograms == LayerHistograms(state.stepper, subject: .weights))
  }

  /// Run mode under the overlay, on the run loop: the frames drawn after the pause show the
  /// step it paused at, and q closes the overlay before a second q quits.
  @Test func runModeUnderTheOverlayKeepsItCurrent() throws {
    let script = RunLoopTests.keys("O-p", at: 0.2) + RunLoopTests.keys("p", at: 1) + RunLoopTests.keys("q", at: 1.5) + RunLoopTests.keys("q", at: 1.6)
    let (loop, terminal, ending) = try RunLoopTests.run(script)
    #expect(ending == .quit)
    let step = loop.state.stepper.step
    #expect(step > 1)
    let shown = terminal.frames.map(\.plainText).filter { $0.contains("optimizer state per layer") }
    #expect(shown.count > 2)
    #expect(shown.last?.contains("the rate the last update used (step \(step))") == true)
    #expect(terminal.frames.last?.plainText.contains("optimizer state per layer") == false)
  }

  @Test func theOverlayPrintsTheReadingsNumbers() throws {
    var state = try InsideFixture.state(optimizer: "sgd")
    state.update(.toggleOptimizer)
    let reading = try #require(state.readings.optimizer)
    let text = InsideFixture.text(state, 120, 36)
    #expect(text.contains("sgd lr=0.03 m=0.9"))
    for layer in reading.layers {
      let ratio = try #require(layer.updateRatio)
      #expect(text.contains("L\(layer.layer)  ‖ΔW‖/‖W‖ \(Format.short(ratio, digits: 2))"))
      let w = try #require(layer.parameters.first { $0.key.name == .weights }?.buffers.first)
      #expect(text.contains("‖momentum‖ \(Format.short(w.spread.norm, digits: 2))"))
    }
  }

  @Test func aPendingLearningRateIsNamedWithItsStep() throws {
    var state = try InsideFixture.state()
    state.update(.learningRateUp)
    state.update(.toggleOptimizer)
    let text = InsideFixture.text(state, 120, 36)
    #expect(text.contains("adam lr=0.001, the rate the last update used (step 3)"))
    #expect(text.contains("next: adam lr=0.003 from step 4"))
  }

  /// Three Adam layers take 16 rows of numbers and two of explanation: in 20 rows the
  /// explanations give way so that every layer's numbers show; in 22 they stay.
  @Test func theExplanationsGiveWayToTheNumbers() throws {
    var state = try InsideFixture.state()
    state.update(.toggleOptimizer)
    let reading = try #require(state.readings.optimizer)
    func text(height: Int) -> String {
      var frame = Frame(width: 80, height: height)
      OptimizerOverlay(reading: reading, key: "O").render(in: frame.bounds, into: &frame, context: InsideFixture.mono)
      return frame.plainText
    }
    let short = text(height: 20)
    #expect(short.contains("L3  ‖ΔW‖/‖W‖") && short.contains("step median") && !short.contains("more rows"))
    #expect(!short.contains("the mark is the usual 1e-3"))
    #expect(text(height: 22).contains("the mark is the usual 1e-3") && !text(height: 22).contains("more rows"))
  }

  @Test(arguments: [(80, 24), (120, 36)])
  func snapshots(_ width: Int, _ height: Int) throws {
    var state = try InsideFixture.state()
    state.update(.toggleOptimizer)
    for (name, context) in [("colour", InsideFixture.colour), ("mono", InsideFixture.mono)] {
      expectSnapshot(Screen.render(state, width: width, height: height, context: context), named: "optimizer-adam-\(width)x\(height)-\(name)")
    }
  }
}
