import BackstepCore

/// What covers the main screen, if anything.
public enum Overlay: Equatable, Sendable {
  case none
  /// The keys, at a page of ``HelpOverlay/keyPages(_:width:height:)`` (0-based).
  case help(page: Int)
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

extension Overlay {
  /// Whether a lesson's presenter keys may close this overlay and play on: anything open but
  /// the prompt, whose keys are typing.
  public var yieldsToPresenter: Bool {
    switch self {
    case .none, .prompt: false
    default: true
    }
  }

  /// What the help key makes of this overlay when the help has `pages` pages: the help's first
  /// page from anything else, the next page from a page before the last, and none from the last.
  public func turningHelp(pages: Int) -> Overlay {
    guard case .help(let page) = self else { return .help(page: 0) }
    return page + 1 < pages ? .help(page: page + 1) : .none
  }
}
