import BackstepCore
import TermGrid

extension AppState {
  /// Applies a key press: the prompt and the overlays take keys first, then the key map. In a
  /// lesson the presenter's keys come before an open overlay: PgDn closes the help or the
  /// gradient check and plays on, as a teacher at a projector expects (the prompt keeps its
  /// keys, so that → still edits nothing there and typing is never taken for a step).
  public mutating func handle(_ key: Key) {
    if lesson != nil, overlay.yieldsToPresenter, let action = KeyMap.presenterAction(for: key) {
      update(.closeOverlay)
      return update(action)
    }
    switch overlay {
    case .prompt:
      switch key {
      case .enter: update(.promptSubmit)
      case .escape: update(.closeOverlay)
      case .backspace, .delete: update(.promptBackspace)
      case .control("c"): update(.quit)
      case .character(let c): update(.promptInput(c))
      default: break
      }
    case .help, .gradientCheck:
      switch key {
      // The help key turns the help's pages; it closes a gradient check.
      case .character("?"), .function(1): if case .help = overlay { update(.toggleHelp) } else { update(.closeOverlay) }
      case .escape, .character("q"), .enter, .character(" "): update(.closeOverlay)
      case .control("c"): update(.quit)
      default: break
      }
    case .optimizer, .histograms:
      // Only closing is the overlay's own: stepping and running go on under it, and it follows.
      switch key {
      case .escape, .character("q"): update(.closeOverlay)
      default: if let action = KeyMap.action(for: key) { update(action) }
      }
    case .breakpoints:
      switch key {
      case .escape, .character("q"), .character("!"): update(.closeOverlay)
      case .control("c"): update(.quit)
      case .up: update(.selectBreakpoint(-1))
      case .down: update(.selectBreakpoint(1))
      case .character(" "), .enter: update(.toggleBreakpoint(breakpointSelection))
      case .character(let c): if let i = Self.breakpointIndex(c) { update(.toggleBreakpoint(i)) }
      default: break
      }
    case .none:
      if case .resize = key { return }
      if lesson != nil, let action = KeyMap.presenterAction(for: key) { return update(action) }
      if let action = KeyMap.action(for: key) { update(action) }
    }
  }
}

extension AppState {
  /// The groups of keys the help lists: the table's, and in a lesson the presenter's.
  var helpGroups: [KeyGroup] { KeyMap.table + (lesson == nil ? [] : [KeyMap.presenter]) }

  /// How many pages the help has on the screen last drawn with the help open
  /// (``fitHelp(width:height:)``), or on the smallest screen before: what the help key turns through.
  var helpPages: Int {
    helpScreenPages ?? HelpOverlay.keyPages(helpGroups).count
  }

  /// Counts the help's pages at the size the screen is drawn, so that the help key turns
  /// through the pages a person sees: one on a large terminal, more at 80×24. Whoever draws
  /// runs this first, as it does ``refreshSurface(width:height:context:)``; the state keeps
  /// the count, not the size.
  public mutating func fitHelp(width: Int, height: Int) {
    // Only an open help turns pages: a closed one opens at its first page at any size.
    guard case .help(let page) = overlay else { return }
    let pages = HelpOverlay.keyPages(helpGroups, width: width, height: height).count
    helpScreenPages = pages
    if page >= pages { overlay = .help(page: pages - 1) }
  }
}
