import ArgumentParser
import BackstepCore

/// What the visualizer's run mode and `train` stop at, and the verdict's thresholds.
struct WatchOptions: ParsableArguments {
  @Option(name: .long, help: .setting("break-on", valueName: "list")) var breakOn: String?
  @Option(name: .long, parsing: .unconditional, help: .setting("vanishing-norm")) var vanishingNorm: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("exploding-norm")) var explodingNorm: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("vanishing-ratio")) var vanishingRatio: Double?
  @Option(name: .long, parsing: .unconditional, help: .setting("exploding-ratio")) var explodingRatio: Double?

  /// Sets the table's settings held here; returns their keys.
  func apply(to c: inout RunConfiguration) throws -> Set<String> {
    try applyTableSettings(to: &c)
  }
}
