import ArgumentParser
import BackstepCore
import BackstepUI

/// `backstep` (or `backstep view`): the interactive visualizer.
struct View: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open the visualizer (the default command).",
    discussion: """
      Each press of space runs one stage: forward through a layer, the loss, backward through a \
      layer, or the update. ? shows every key. Takes every network, data and training flag of \
      train, and --config FILE.yaml.

      Examples:
        backstep
        backstep --dataset spiral --layers 8,8,8 --activation relu --optimizer adam
        backstep --layers 8,8,8,8,8,8,8 --activation sigmoid      (watch the gradient vanish)
        backstep --config demos/vanishing.yaml
      """)

  @OptionGroup var options: RunOptions

  func run() throws {
    let state = try AppState(config: options.configuration())
    if let signal = try RunLoop.run(state) { throw ExitCode(128 + signal) }
  }
}
