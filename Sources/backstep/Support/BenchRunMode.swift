import BackstepCore
import BackstepUI
import TermGrid

/// Run mode, run by the interactive loop itself
/// (``RunLoop``, paced as for a person) on a terminal that encodes each frame as 256-colour
/// ANSI text in place of the write, or draws it with ncurses on a pseudo-terminal, and quits
/// once the time is up. What it reports is what a person running `p` would get.
///
/// The work is one of ``Work``.
enum BenchRunMode {
  /// What run mode runs.
  enum Work {
    /// The reference network at full speed.
    case reference
    /// The default network at the default speed, as `backstep` starts: the screen a person sees first.
    case asStarted
    /// The default data and training with these hidden widths, at full speed: a wide network.
    case layers([Int])

    /// The state run mode starts from.
    func state() throws -> AppState {
      switch self {
      case .asStarted: return try AppState(config: RunConfiguration())
      case .reference:
        var state = try AppState(config: RunConfiguration())
        state.stepper = try ReferenceProblem.stepper(historyLimit: 10_000)
        return Self.unlimited(state)
      case .layers(let widths):
        var config = RunConfiguration()
        config.layers = widths
        return Self.unlimited(try AppState(config: config))
      }
    }

    static func unlimited(_ state: AppState) -> AppState {
      var state = state
      while state.runner.speed != .unlimited { state.update(.faster) }
      return state
    }
  }

  struct Result {
    var framesPerSecond: Double
    var examplesPerSecond: Double
    /// Bytes a second after the first frame: of ANSI text, or sent by ncurses.
    var bytesPerSecond: Double
    /// The terminal it ran on, with its last frame.
    var terminal: BenchTerminal
  }

  static func measure(
    seconds: Double, width: Int = 120, height: Int = 36, work: Work = .reference, output: BenchTerminal.Output = .ansi
  ) throws -> Result {
    var state = try work.state()
    state.update(.toggleRun)
    let clock = SystemClock()
    let terminal = BenchTerminal(width: width, height: height, clock: clock, seconds: seconds, output: output)
    let firstIteration = state.stepper.step
    var loop = RunLoop(state: state, terminal: terminal, clock: clock)
    _ = loop.run()
    let bytes = terminal.bytes
    precondition(bytes > 0 && terminal.drawn.count > 1)
    // From the end of the first frame, drawn before any training, to the end of the last.
    let elapsed = terminal.drawn[terminal.drawn.count - 1] - terminal.drawn[0]
    let examples = Double((loop.state.stepper.step - firstIteration) * loop.state.stepper.data.train.count)
    return Result(
      framesPerSecond: Double(terminal.drawn.count - 1) / elapsed, examplesPerSecond: examples / elapsed,
      bytesPerSecond: Double(bytes) / elapsed, terminal: terminal)
  }
}
