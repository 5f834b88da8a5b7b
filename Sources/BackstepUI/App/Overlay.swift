import BackstepCore

/// What covers the main screen, if anything.
public enum Overlay: Equatable, Sendable {
  case none
  case help
  /// The command prompt, with the text typed so far.
  case prompt(String)
  /// The result of a gradient check.
  case gradientCheck(String)
  /// The optimizer's learning rate, update sizes and buffers per layer (``OverlayReadings``).
  case optimizer
  /// Every layer's histogram of one quantity (``OverlayReadings``).
  case histograms(LayerHistograms.Subject)
  /// The breakpoints with their hit counts, each switchable on and off.
  case breakpoints
}
