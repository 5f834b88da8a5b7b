import BackstepCore
import TermGrid

/// Everything the visualizer shows and remembers: the session (one network's run) and, in a
/// comparison, the second one stepped with it; run mode, the view options, the overlay, the
/// cursor and the selected example, the lesson.
///
/// Pure: ``update(_:)`` changes it in answer to an ``Action``, and `Screen.render` draws it.
/// Nothing here touches a terminal or a clock.
public struct AppState: Sendable {
  /// The network on screen: its configuration, stepper, ghost curve and last breakpoint.
  public internal(set) var session: Session
  /// The second network of a comparison (B: the session's settings with `config.compare` laid
  /// over them), stepped in lockstep with the session; nil without a comparison.
  public internal(set) var other: Session?
  /// The network the cursor and the caption read, and the one that fills the screen when two
  /// do not fit side by side.
  public internal(set) var focus = Side.left
  /// Run mode: running or paused, its speed and the work time owes it.
  public internal(set) var runner = Runner()
  /// How the maps and plots are drawn.
  public internal(set) var view = ViewOptions()
  public var overlay: Overlay = .none
  public internal(set) var cursor = Cursor()
  /// The selected example: its 0-based position in the batch, kept inside the batch
  /// (``Session/batchExamples``) after every action. Its column is marked in every per-example map.
  public internal(set) var example = 0
  /// A one-line note for the status bar: what the last action changed, or why it failed.
  /// Setting it, even to the same words, makes it new: the status line shows it in reverse
  /// video until ``messageAge`` reaches ``messageHoldSeconds``.
  public var message: String? { didSet { messageAge = 0 } }
  /// Seconds since ``message`` was set, as `.tick` actions from the run loop's clock count
  /// them: the state reads no clock of its own.
  public internal(set) var messageAge = 0.0
  public internal(set) var shouldQuit = false
  /// What the optimizer and histogram overlays show, measured when one opens and kept current
  /// by ``refreshOverlay()``, which whoever draws runs first.
  public internal(set) var readings = OverlayReadings()

  /// The row of the breakpoint list that space switches.
  public internal(set) var breakpointSelection = 0

  /// The lesson being presented (`backstep demo`), with the step it is at; nil otherwise.
  /// The help's page count on the screen last drawn; nil before one is (see ``fitHelp(width:height:)``).
  var helpScreenPages: Int?

  public internal(set) var lesson: LessonPlayer?

  /// Builds the run a configuration describes. Throws what resolving it throws.
  public init(config: RunConfiguration) throws {
    if config.compare != nil {
      let comparison = try config.makeComparison()
      session = Session(config: config, stepper: comparison.left, label: comparison.leftLabel)
      other = Session(config: comparison.rightConfiguration, stepper: comparison.right, label: comparison.rightLabel)
    } else {
      session = try Session(config: config)
    }
    view.sharedScale = config.view?.scale == .shared
    view.logScale = config.view?.log ?? false
  }

  /// The settings the session's run was built from.
  public var config: RunConfiguration { session.config }

  /// The session's stepper.
  public var stepper: Stepper {
    get { session.stepper }
    set { session.stepper = newValue }
  }

  /// The examples a batch holds as the maps draw them (``Session/batchExamples``); in a
  /// comparison, the fewer of the two, so that the selected example is in both.
  public var batchExamples: Int { sessions.map(\.batchExamples).min() ?? session.batchExamples }

  // MARK: - Update

  /// Applies one action.
  public mutating func update(_ action: Action) {
    // A smaller batch or a rebuilt run keeps the selection inside the batch.
    defer {
      example = min(max(example, 0), batchExamples - 1)
      // Time alone changes nothing explained; run mode's stages are explained once a frame.
      if case .tick = action {} else { refreshExplanation() }
    }
    switch action {
    case .step: stepOnce()
    case .finishIteration:
      stepping(one: { $0.finishIteration() }, both: { Lockstep.finishIteration(&$0, &$1) })
      message = nil
    case .finishEpoch:
      stepping(one: { $0.runEpoch() }, both: { Lockstep.runEpoch(&$0, &$1) })
      message = "epoch \(stepper.epoch) done"
    case .toggleRun:
      runner.running.toggle()
      runner.pendingWork = 0
      let speed = runner.speed.label
      message = runner.running ? "running at \(speed)" : "paused"
      if runner.running && runEvaluationInterval == 0 { message = "running at \(speed); whole-set loss only when stepping (too large to measure)" }
    case .faster:
      runner.speedLevel = min(runner.speedLevel + 1, Speed.allCases.count - 1)
      message = "speed \(runner.speed.label)"
    case .slower:
      runner.speedLevel = max(runner.speedLevel - 1, 0)
      message = "speed \(runner.speed.label)"
    case .backStage:
      runner.running = false
      message = stepping(one: { $0.rewindStage() }, both: { Lockstep.rewindStage(&$0, &$1) }) ? nil : "cannot go back further"
    case .backIteration:
      runner.running = false
      message =
        stepping(one: { $0.rewindIteration() }, both: { Lockstep.rewindIteration(&$0, &$1) }) ? "back to step \(stepper.step)" : "cannot go back further"
    case .reset: rebuild(message: "reset to the initial weights")
    case .newSeed:
      session.config.seed = (config.seed ?? 1) &+ 1
      rebuild(message: "seed \(config.seed ?? 1)")
    case .tick(let seconds):
      tick(seconds)
      autoplay(seconds)
    case .toggleExplain:
      view.explainOpen.toggle()
      message = view.explainOpen ? "explain: how the value under the cursor is made" : nil
    case .toggleHelp: overlay = overlay.turningHelp(pages: helpPages)
    case .closeOverlay: overlay = .none
    case .openPrompt: overlay = .prompt("")
    case .promptInput(let c):
      if case .prompt(let text) = overlay { overlay = .prompt(text + String(c)) }
    case .promptBackspace:
      if case .prompt(let text) = overlay { overlay = text.isEmpty ? .none : .prompt(String(text.dropLast())) }
    case .promptSubmit:
      if case .prompt(let text) = overlay {
        overlay = .none
        runCommand(text)
      }
    case .gradientCheck: gradientCheck()
    case .toggleOptimizer: toggleOptimizer()
    case .cycleHistograms: cycleHistograms()
    case .toggleBreakpointList: overlay = overlay == .breakpoints ? .none : .breakpoints
    case .toggleBreakpoint(let i): toggleBreakpoint(i)
    case .selectBreakpoint(let delta):
      breakpointSelection = max(0, min(breakpointSelection + delta, stepper.breakpoints.entries.count - 1))
    case .quit: shouldQuit = true
    case .cycleQuantity:
      let onFirstColumn = cursor.map == view.quantity.map
      view.quantity = view.quantity.next
      if onFirstColumn { cursor.map = view.quantity.map }
      // Back on a map of examples from W, the cursor goes to the selected example's column
      // (a recurrent layer's maps run over time steps instead, and keep the cursor's step).
      if focused.columnsAreExamples(layer: cursor.layer, map: cursor.map) { cursor.column = example }
      clampCursor()
      message = "first column shows \(view.quantity.heading) (δ and dW always have their own)"
    case .toggleSharedScale:
      view.sharedScale.toggle()
      message = view.sharedScale ? "one colour scale for all layers" : "a colour scale per layer"
    case .toggleLogScale:
      view.logScale.toggle()
      message = view.logScale ? "log-magnitude colours" : "linear colours"
    case .cyclePalette:
      view.paletteIndex += 1
      message = "palette \(view.palette.name) for signed values; \(Palette.sequentialName) from zero and for log"
    case .cycleLossAxis:
      view.lossAxis = view.lossAxis.next
      message = "loss plot: " + (view.lossAxis == .auto ? "log y axis beyond two decades, else linear" : "\(view.lossAxis.rawValue) y axis")
    case .learningRateUp, .learningRateDown, .cycleActivation, .cycleInitializer, .cycleOptimizer, .cycleDataset, .cycleBatchSize,
      .cycleRegularization, .addLayer, .removeLayer, .widen, .narrow:
      change(action)
    case .moveCursor(let dx, let dy): moveCursor(dx: dx, dy: dy)
    case .nextLayer:
      cursor.layer = cursor.layer % focused.stepper.network.depth + 1
      clampCursor()
    case .switchNetwork: switchNetwork()
    case .select(let element): select(element)
    case .previousExample: selectExample(example - 1)
    case .nextExample: selectExample(example + 1)
    case .selectPoint(let row): selectPoint(row: row)
    case .lessonNext: playNextLessonStep()
    case .lessonBack: rewindLessonStep()
    }
  }
}
