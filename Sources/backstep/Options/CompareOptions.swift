import ArgumentParser
import BackstepCore

/// A second network beside the first (docs/config.md, `compare`): the flag of the commands that
/// open the screen, laid over the settings file's `compare:`.
struct CompareOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Step a second network beside the first, on the same data, seed and starting weights, differing in these settings: 'activation=relu', 'optimizer=adam,lr=0.001'; off for none.",
      valueName: "settings"))
  var compare: String?

  /// `c` with the flag's change in place of its own; `off` takes a settings file's away.
  func applied(to c: RunConfiguration) throws -> RunConfiguration {
    guard let compare else { return c }
    var c = c
    c.compare = try SettingsChange.reading(compare)
    return c
  }
}
