import BackstepCore
import BackstepUI
import TermGrid

/// Run mode at full speed on the reference network, paced exactly as the interactive loop
/// paces it (``RunPacing``), with each frame rendered and encoded as 256-colour ANSI text in
/// place of the terminal write. What it reports is what a person running `p` would get.
enum BenchRunMode {
  struct Result {
    var framesPerSecond: Double
    var examplesPerSecond: Double
  }

  static func measure(seconds: Double, width: Int = 120, height: Int = 36) throws -> Result {
    var state = try AppState(config: RunConfiguration())
    state.stepper = try ReferenceProblem.stepper(historyLimit: 10_000)
    state.update(.resize(width: width, height: height))
    while state.speed != .unlimited { state.update(.faster) }
    state.update(.toggleRun)
    let context = RenderContext(level: .xterm256, unicode: true)
    let firstIteration = state.stepper.step
    var frames = 0
    var bytes = 0
    let start = RunPacing.now()
    var last = start
    while last - start < seconds && state.running {
      RunPacing.train(&state, from: last) { false }
      state.refreshSurface()
      bytes &+= Screen.render(state, width: width, height: height, context: context).ansi(level: .xterm256).utf8.count
      frames += 1
      last = RunPacing.now()
    }
    precondition(bytes > 0)
    let elapsed = last - start
    let examples = Double((state.stepper.step - firstIteration) * state.stepper.data.train.count)
    return Result(framesPerSecond: Double(frames) / elapsed, examplesPerSecond: examples / elapsed)
  }
}
