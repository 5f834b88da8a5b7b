import ArgumentParser
import BackstepCore

/// How the visualizer colours its heat maps at the start: the flags of the settings file's
/// `view:` keys, laid over them.
struct ViewOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("One colour scale per map (layer, the default) or per column over every layer (shared).", valueName: "layer|shared"))
  var scale: ViewSettings.Scale?

  @Flag(name: .long, inversion: .prefixedNo, help: "Colour the heat maps by log10|x| (l switches it in the visualizer).")
  var log: Bool?

  /// `c` with these flags laid over its `view:` settings.
  func applied(to c: RunConfiguration) -> RunConfiguration {
    var c = c
    if scale != nil || log != nil { c.view = (c.view ?? ViewSettings()).overridden(by: ViewSettings(scale: scale, log: log)) }
    return c
  }
}

extension ViewSettings.Scale: ExpressibleByArgument {}
