import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The header at every width keeps what a teacher changes and talks about: the learning rate,
/// the batch size and the run speed, whole; the rest gives way first.
@Suite("The header")
struct HeaderTests {
  static func line(_ state: AppState, width: Int) -> String {
    var frame = Frame(width: width, height: 1)
    Header(session: state.session, runner: state.runner).render(in: frame.bounds, into: &frame, context: RenderContext(level: .none, unicode: true))
    return frame.plainText
  }

  static func state(running: Bool) throws -> AppState {
    var config = RunConfiguration()
    config.optimizer = "adam"
    config.l2 = 0.001
    config.layers = [16, 16, 16]
    config.dataset = "spiral"
    var state = try AppState(config: config)
    for _ in 0..<120 { state.update(.finishIteration) }
    if running { state.update(.toggleRun) }
    return state
  }

  @Test(arguments: [false, true])
  func learningRateBatchAndSpeedStayWholeAtEveryWidth(_ running: Bool) throws {
    let state = try Self.state(running: running)
    let lr = "lr=" + Format.short(state.stepper.settings.optimizer.resolvedLR)
    for width in ScreenLayout.minimumWidth...220 {
      // The frame's text drops trailing spaces; one put back lets every piece end in a space.
      let line = Self.line(state, width: width) + " "
      #expect(line.contains(lr + " "), "width \(width): \(line)")
      #expect(line.contains("batch \(state.stepper.schedule.batchSize) "), "width \(width): \(line)")
      #expect(line.contains(" " + state.runner.speed.label + " "), "width \(width): \(line)")
      #expect(line.contains("step \(state.stepper.step) "), "width \(width): \(line)")
      #expect(!line.contains("…"), "width \(width): \(line)")
      #expect(line.contains("   step "), "width \(width): \(line)")
    }
    // A wide screen has room for everything.
    let wide = Self.line(state, width: 220)
    #expect(wide.contains("backstep") && wide.contains("L2 0.001") && wide.contains(state.stepper.network.architecture))
  }

  @Test func theSpeedShowsWhilePausedToo() throws {
    var state = try AppState(config: RunConfiguration())
    let paused = Self.line(state, width: 120)
    #expect(paused.contains("paused, " + state.runner.speed.label))
    state.update(.faster)
    #expect(Self.line(state, width: 80).contains(state.runner.speed.label))
  }
}
