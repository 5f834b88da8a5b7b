import BackstepCore
import TermGrid

/// Everything the visualizer shows and remembers: the stepper, the view settings, the overlay.
///
/// Pure: ``update(_:)`` changes it in answer to an ``Action``, and `Screen.render` draws it.
/// Nothing here touches a terminal or a clock.
public struct AppState: Sendable {
  /// The settings the current run was built from; live changes edit this and rebuild.
  public internal(set) var config: RunConfiguration
  public var stepper: Stepper
  public internal(set) var running = false
  public internal(set) var speedLevel = Speed.defaultLevel
  public var overlay: Overlay = .none
  public internal(set) var quantity: Quantity = .a
  public internal(set) var sharedScale = false
  public internal(set) var logScale = false
  public internal(set) var paletteIndex = 0
  /// The diverging palette of signed maps, which `c` cycles.
  public var palette: Palette { Palette.allCases[paletteIndex % Palette.allCases.count] }
  public internal(set) var lossAxis = LossAxis.auto
  public internal(set) var cursor = Cursor()
  /// The selected example: its 0-based position in the batch, kept inside the batch
  /// (``batchExamples``) after every action. Its column is marked in every per-example map.
  public internal(set) var example = 0
  /// How the value under the cursor was made, as the core decomposes it; nil until its stage has
  /// run in this iteration. Kept current by ``refreshExplanation()`` after every action but a
  /// tick, and by the run loop before it draws a frame (run mode's stages run outside
  /// ``update(_:)``), so that the caption and the explain panel only read it.
  public internal(set) var explanation: Decomposition?
  /// Whether the explain panel is open in the right column, in place of the magnitudes and the surface.
  public internal(set) var explainOpen = false
  /// The loss curve of the run before the last rebuild, drawn faintly under the current one.
  public internal(set) var ghost: LossGhost?
  /// A one-line note for the status bar: what the last action changed, or why it failed.
  /// Setting it, even to the same words, makes it new: the status line shows it in reverse
  /// video until ``messageAge`` reaches ``messageHoldSeconds``.
  public var message: String? { didSet { messageAge = 0 } }
  /// Seconds since ``message`` was set, as `.tick` actions from the run loop's clock count
  /// them: the state reads no clock of its own.
  public internal(set) var messageAge = 0.0
  public internal(set) var shouldQuit = false
  /// The network's output over the input plane, at the surface panel's grid; nil when the
  /// network does not take two inputs. Kept current by ``refreshSurface(width:height:context:)``, which
  /// whoever draws runs before it draws.
  public internal(set) var surface: OutputSurface?
  /// Run mode's surface in the making, a few grid rows a frame; nil when none is under way.
  var surfaceRefresh: SurfaceRefresh?
  /// What the optimizer and histogram overlays show, measured when one opens and kept current
  /// by ``refreshOverlay()``, which whoever draws runs first.
  public internal(set) var readings = OverlayReadings()

  /// The configuration the stepper was last built from. Live changes edit `config` first;
  /// when the change is refused, `config` goes back to this, so nothing half-applied stays.
  var committed: RunConfiguration

  /// The last breakpoint that held, in run mode or stepping by hand; the caption names it while
  /// the screen is on its stage.
  public internal(set) var lastBreak: BreakHit?

  /// The row of the breakpoint list that space switches.
  public internal(set) var breakpointSelection = 0

  /// The lesson being presented (`backstep demo`), with the step it is at; nil otherwise.
  public internal(set) var lesson: LessonPlayer?

  /// Stages (at the stage speeds) or iterations owed to run mode; fractions carry over.
  var pendingWork = 0.0

  /// Builds the run a configuration describes. Throws what resolving it throws.
  public init(config: RunConfiguration) throws {
    self.config = config
    self.committed = config
    self.stepper = try config.resolve().makeStepper()
    self.sharedScale = config.view?.scale == .shared
    self.logScale = config.view?.log ?? false
  }

  public var speed: Speed { Speed.allCases[speedLevel] }

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
      stepper.finishIteration()
      message = nil
    case .finishEpoch:
      stepper.runEpoch()
      message = "epoch \(stepper.epoch) done"
    case .toggleRun:
      running.toggle()
      pendingWork = 0
      message = running ? "running at \(speed.label)" : "paused"
      if running && runEvaluationInterval == 0 { message = "running at \(speed.label); whole-set loss only when stepping (too large to measure)" }
    case .faster:
      speedLevel = min(speedLevel + 1, Speed.allCases.count - 1)
      message = "speed \(speed.label)"
    case .slower:
      speedLevel = max(speedLevel - 1, 0)
      message = "speed \(speed.label)"
    case .backStage:
      running = false
      message = stepper.rewindStage() ? nil : "cannot go back further"
    case .backIteration:
      running = false
      message = stepper.rewindIteration() ? "back to step \(stepper.step)" : "cannot go back further"
    case .reset: rebuild(message: "reset to the initial weights")
    case .newSeed:
      config.seed = (config.seed ?? 1) &+ 1
      rebuild(message: "seed \(config.seed ?? 1)")
    case .tick(let seconds):
      tick(seconds)
      autoplay(seconds)
    case .toggleExplain:
      explainOpen.toggle()
      message = explainOpen ? "explain: how the value under the cursor is made" : nil
    case .toggleHelp: overlay = overlay == .help ? .none : .help
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
      let onFirstColumn = cursor.map == quantity.map
      quantity = quantity.next
      if onFirstColumn { cursor.map = quantity.map }
      clampCursor()
      message = "first column shows \(quantity.heading) (δ and dW always have their own)"
    case .toggleSharedScale:
      sharedScale.toggle()
      message = sharedScale ? "one colour scale for all layers" : "a colour scale per layer"
    case .toggleLogScale:
      logScale.toggle()
      message = logScale ? "log-magnitude colours" : "linear colours"
    case .cyclePalette:
      paletteIndex += 1
      message = "palette \(palette.name) for signed values; \(Palette.sequentialName) from zero and for log"
    case .cycleLossAxis:
      lossAxis = lossAxis.next
      message = "loss plot: " + (lossAxis == .auto ? "log y axis beyond two decades, else linear" : "\(lossAxis.rawValue) y axis")
    case .learningRateUp, .learningRateDown, .cycleActivation, .cycleInitializer, .cycleOptimizer, .cycleDataset, .cycleBatchSize,
      .cycleRegularization, .addLayer, .removeLayer, .widen, .narrow:
      change(action)
    case .moveCursor(let dx, let dy): moveCursor(dx: dx, dy: dy)
    case .nextLayer:
      cursor.layer = cursor.layer % stepper.network.depth + 1
      clampCursor()
    case .select(let element): select(element)
    case .previousExample: selectExample(example - 1)
    case .nextExample: selectExample(example + 1)
    case .selectPoint(let row): selectPoint(row: row)
    case .lessonNext: playNextLessonStep()
    case .lessonBack: rewindLessonStep()
    }
  }
}
