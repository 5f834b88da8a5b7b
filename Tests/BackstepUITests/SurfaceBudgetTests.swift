import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The decision surface while running: a wide network's is refreshed a budget a frame on a
/// coarser grid and names the step of the weights it shows; paused, the whole grid of the
/// current weights returns at once. Pure, and in virtual time through the run loop.
@Suite("Surface on a budget")
struct SurfaceBudgetTests {
  static let context = RenderContext(level: .xterm256, unicode: true)
  static let (width, height) = (200, 60)

  static func state(layers: [Int]?) throws -> AppState {
    var config = RunConfiguration()
    config.layers = layers
    return try AppState(config: config)
  }

  /// The panel's whole grid for the state's network and data.
  static func fullGrid(_ state: AppState) throws -> (columns: Int, rows: Int) {
    try #require(
      AppState.surfaceGrid(
        width: width, height: height, network: state.stepper.network, plane: .init(around: state.stepper.data.train.inputs), context: context))
  }

  /// The surface panel's top border.
  static func title(_ state: AppState) throws -> String {
    let text = Screen.render(state, width: width, height: height, context: context).plainText
    return String(try #require(text.split(separator: "\n").first { $0.contains("┌ output") || $0.contains("┌ step") }))
  }

  /// One frame of run mode: an iteration trained, then the surface brought up to date.
  static func frame(_ state: inout AppState) {
    for _ in state.stepper.stages { state.stepper.advance() }
    state.refreshSurface(width: width, height: height, context: context)
  }

  @Test func aWideNetworkRunsOnACoarseGridAndNamesTheStepItShows() throws {
    var state = try Self.state(layers: Array(repeating: 64, count: 4))
    let full = try Self.fullGrid(state)
    let plane = OutputSurface.Plane(around: state.stepper.data.train.inputs)
    state.refreshSurface(width: Self.width, height: Self.height, context: Self.context)
    state.update(.toggleRun)
    var weights = [state.stepper.step: state.stepper.network]
    var behind = 0
    var coarse = 0
    for _ in 0..<40 {
      let before = state.session.surfaceRefresh?.rowsDone ?? 0
      Self.frame(&state)
      weights[state.stepper.step] = state.stepper.network
      // No frame computes more than its share of a refresh, or one grid row.
      if let refresh = state.session.surfaceRefresh {
        let rowCost = SurfaceRefresh.pointCost(refresh.network) * refresh.columns
        let done = refresh.rowsDone - (refresh.rowsDone > before ? before : 0)
        #expect(done * rowCost <= max(WorkBudget.surfacePerFrame, rowCost))
      }
      let current = state.session.surface
      let surface = try #require(current)
      let step = try #require(surface.step)
      // The surface is the one of the weights of the step it names.
      let shown = try #require(weights[step])
      let again = OutputSurface(network: shown, plane: plane, columns: surface.columns, rows: surface.rows)
      #expect(surface.outputs == again.outputs)
      let title = try Self.title(state)
      if step == state.stepper.step {
        let none = state.session.surfaceStepBehind
        #expect(none == nil)
        #expect(!title.contains("step"), "\(title)")
      } else {
        behind += 1
        let now = state.stepper.step
        #expect(step < now)
        #expect(title.contains("output of step \(step) over the input plane"), "\(title)")
      }
      if surface.columns < full.columns { coarse += 1 }
    }
    // Most frames show a coarse surface some steps behind.
    #expect(behind > 20)
    #expect(coarse > 20)
    state.update(.toggleRun)
    state.refreshSurface(width: Self.width, height: Self.height, context: Self.context)
    let made = state.session.surface
    let paused = try #require(made)
    #expect(paused.columns == full.columns && paused.rows == full.rows)
    let (step, network) = (state.stepper.step, state.stepper.network)
    #expect(paused.step == step)
    #expect(paused.isCurrent(for: network, plane: plane, columns: full.columns, rows: full.rows))
    let refresh = state.session.surfaceRefresh
    #expect(refresh == nil)
    #expect(try Self.title(state).contains("output over the input plane, training points"))
  }

  @Test func theDefaultNetworkRunsOnTheWholeGridAtTheCurrentStep() throws {
    var state = try Self.state(layers: nil)
    let full = try Self.fullGrid(state)
    state.update(.toggleRun)
    for _ in 0..<10 {
      Self.frame(&state)
      let current = state.session.surface
      let surface = try #require(current)
      #expect(surface.columns == full.columns && surface.rows == full.rows)
      let (step, network, behind) = (state.stepper.step, state.stepper.network, state.session.surfaceStepBehind)
      #expect(surface.step == step)
      #expect(surface.isCurrent(for: network, plane: surface.plane, columns: full.columns, rows: full.rows))
      #expect(behind == nil)
    }
  }

  @Test func weightsThatStayPutAreNotComputedAgain() throws {
    var state = try Self.state(layers: Array(repeating: 64, count: 4))
    state.update(.toggleRun)
    for _ in 0..<30 { Self.frame(&state) }
    // Let the refresh under way finish on weights that no longer move.
    while state.session.surfaceRefresh != nil { state.refreshSurface(width: Self.width, height: Self.height, context: Self.context) }
    state.refreshSurface(width: Self.width, height: Self.height, context: Self.context)
    // Weights of the current step on the coarse grid: nothing more to do while running.
    let current = state.session.surface
    let surface = try #require(current)
    if surface.step == state.stepper.step {
      state.refreshSurface(width: Self.width, height: Self.height, context: Self.context)
      let (refresh, again) = (state.session.surfaceRefresh, state.session.surface)
      #expect(refresh == nil)
      #expect(again?.columns == surface.columns)
    } else {
      // The refresh that finished was of older weights; the next one is of these.
      let (refresh, step) = (state.session.surfaceRefresh, state.stepper.step)
      #expect(refresh?.step == step)
    }
  }

  /// A surface behind the weights says whose they are in a title that is whole at every size.
  @Test(arguments: [(80, 24), (100, 30), (120, 36), (200, 60)])
  func aTitleBehindNamesItsStepWholeAtEverySize(width: Int, height: Int) throws {
    let plain = RenderContext(level: .none, unicode: true)
    var state = try Self.state(layers: nil)
    state.update(.finishIteration)
    state.refreshSurface(width: width, height: height, context: plain)
    let shown = state.stepper.step
    // The weights move on; the surface is not brought up to date before this frame.
    state.update(.finishIteration)
    let behind = state.session.surfaceStepBehind
    #expect(behind == shown)
    let text = Screen.render(state, width: width, height: height, context: plain).plainText
    let line = try #require(text.split(separator: "\n").first { $0.contains("step \(shown)") && $0.contains("┌") }, "\(text)")
    let title = try #require(line.split(separator: "┌ ").last)
    #expect(!title.contains("…"), "\(line)")
    #expect(title.hasPrefix("output of step \(shown)") || title.hasPrefix("step \(shown)"), "\(line)")
  }

  @Test func theRunLoopShowsTheStepBehindWhileRunningAndTheWholeSurfaceOncePaused() throws {
    let state = try Self.state(layers: Array(repeating: 64, count: 4))
    let clock = VirtualClock()
    let quit = 0.6 + AppState.messageHoldSeconds + 0.1
    let script: RunLoopTests.Script = RunLoopTests.keys("p", at: 0.05) + RunLoopTests.keys("p", at: 0.6) + RunLoopTests.keys("q", at: quit)
    let terminal = RecordingTerminal(width: Self.width, height: Self.height, clock: clock, script: script)
    var loop = RunLoop(state: state, terminal: terminal, clock: clock)
    #expect(loop.run() == .quit)
    let titles = terminal.frames.map { frame in frame.plainText.split(separator: "\n").first { $0.contains("┌ output") } ?? "" }
    #expect(titles.contains { $0.contains("output of step ") })
    #expect(try #require(titles.last).contains("output over the input plane, training points"))
    let last = loop.state.session.surface
    let surface = try #require(last)
    let (running, step) = (loop.state.runner.running, loop.state.stepper.step)
    #expect(!running)
    #expect(surface.step == step)
    let plain = RenderContext(level: .none, unicode: true)
    let full = try #require(
      AppState.surfaceGrid(
        width: Self.width, height: Self.height, network: loop.state.stepper.network, plane: surface.plane, context: plain))
    #expect(surface.columns == full.columns && surface.rows == full.rows)
  }
}
