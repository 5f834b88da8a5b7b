import ArgumentParser
import BackstepCore
import BackstepUI
import Foundation
import TermGrid

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
        backstep --config demos/05-vanishing.yaml
        backstep --layers 8,8,8,8,8 --activation sigmoid --compare activation=relu
        backstep --record lesson.cast                             (asciinema play it)
      """)

  @OptionGroup var options: RunOptions
  @OptionGroup(title: "Heat maps") var view: ViewOptions
  @OptionGroup(title: "Comparison") var compare: CompareOptions
  @OptionGroup(title: "Recording") var recording: RecordOptions

  /// The run's settings, the heat-map and comparison flags included.
  func configuration() throws -> RunConfiguration { try compare.applied(to: view.applied(to: options.configuration())) }

  func run() throws {
    try recording.play(AppState(config: configuration()))
  }
}

extension TerminalSignal {
  /// The signal's number, for the shell's exit status 128 + n.
  var number: Int32 {
    switch self {
    case .interrupt: SIGINT
    case .terminate: SIGTERM
    case .hangUp: SIGHUP
    case .suspend: SIGTSTP
    case .resume: SIGCONT
    }
  }
}
