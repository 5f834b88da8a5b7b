import ArgumentParser
import BackstepCore

/// `backstep` (or `backstep view`): the interactive visualizer.
struct View: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Open the visualizer (the default command).")

  @OptionGroup var options: RunOptions

  func run() throws {
    _ = try options.configuration().resolve()
  }
}
