/// Everything a person can ask of the visualizer. Keys and mouse clicks become these,
/// and ``AppState/update(_:)`` is the only place that acts on them.
public enum Action: Equatable, Sendable {
  // Stepping
  case step
  case finishIteration
  case finishEpoch
  case toggleRun
  case faster
  case slower
  case backStage
  case backIteration
  case reset
  case newSeed
  /// Time passed: the status message ages, and while running, run mode owes the work the
  /// speed gives that time, which ``AppState/runOwedWork()`` then runs a stage at a time.
  case tick(seconds: Double)

  // Overlays and the prompt
  case toggleHelp
  case closeOverlay
  case openPrompt
  case promptInput(Character)
  case promptBackspace
  case promptSubmit
  case gradientCheck
  /// The optimizer overlay: open it, or close it when open.
  case toggleOptimizer
  /// The histogram overlay: open it on the weights, or show the next quantity when open.
  case cycleHistograms
  case quit
  /// Opens or closes the list of breakpoints.
  case toggleBreakpointList
  /// Switches a breakpoint of the list on or off (0-based), from the overlay's own keys.
  case toggleBreakpoint(Int)
  /// Moves the overlay's selected breakpoint by this many rows.
  case selectBreakpoint(Int)

  // What the heat maps show
  case cycleQuantity
  case toggleSharedScale
  case toggleLogScale
  case cyclePalette
  /// The loss plot's y axis: auto, log, linear.
  case cycleLossAxis

  // Live changes
  case learningRateUp
  case learningRateDown
  case cycleActivation
  case cycleInitializer
  case cycleOptimizer
  case cycleDataset
  case cycleBatchSize
  case cycleRegularization
  case addLayer
  case removeLayer
  case widen
  case narrow

  // The inspector
  case moveCursor(dx: Int, dy: Int)
  case nextLayer
  /// An element picked by a click, found in the regions of the frame clicked on.
  case select(Cursor)
  /// The explain panel: the value under the cursor, term by term.
  case toggleExplain
  /// In a comparison, the other network fills the screen and the caption reads it.
  case switchNetwork

  // Following one example
  /// The example before or after the selected one in the batch, wrapping at its ends.
  case previousExample
  case nextExample
  /// A training point clicked on the decision surface, by its 0-based row of the training set.
  case selectPoint(row: Int)

  // Presenter mode (`backstep demo`)
  /// Plays the lesson's next step: presses its keys, or runs to its point.
  case lessonNext
  /// Goes back one lesson step, by playing the lesson again from its start to the step before.
  case lessonBack
}
