import BackstepCore
import TermGrid

/// Everything the visualizer shows and remembers: the stepper, the view settings, the overlay.
///
/// Pure: ``update(_:)`` changes it in answer to an ``Action``, and `Screen.render` draws it.
/// Nothing here touches a terminal or a clock.
public struct AppState: Sendable {
  /// The settings the current run was built from; live changes edit this and rebuild.
  public private(set) var config: RunConfiguration
  public var stepper: Stepper
  public private(set) var running = false
  public private(set) var speedLevel = Speed.defaultLevel
  public var overlay: Overlay = .none
  public private(set) var quantity: Quantity = .a
  public private(set) var sharedScale = false
  public private(set) var logScale = false
  public private(set) var paletteIndex = 0
  public private(set) var cursor = Cursor()
  /// A one-line note for the status bar: what the last action changed, or why it failed.
  public var message: String?
  public private(set) var shouldQuit = false
  /// The terminal's size and abilities, for mouse hit-testing.
  public private(set) var size = (width: 120, height: 36)
  public var renderContext = RenderContext(level: .xterm256, unicode: true)

  /// The configuration the stepper was last built from. Live changes edit `config` first;
  /// when the change is refused, `config` goes back to this, so nothing half-applied stays.
  private var committed: RunConfiguration

  /// Stages (at the stage speeds) or iterations owed to run mode; fractions carry over.
  private var pendingWork = 0.0

  /// Builds the run a configuration describes. Throws what resolving it throws.
  public init(config: RunConfiguration) throws {
    self.config = config
    self.committed = config
    self.stepper = try config.resolve().makeStepper()
  }

  public var speed: Speed { Speed.allCases[speedLevel] }

  // MARK: - Update

  /// Applies one action.
  public mutating func update(_ action: Action) {
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
    case .tick(let seconds): tick(seconds)
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
    case .quit: shouldQuit = true
    case .cycleQuantity:
      quantity = quantity.next
      clampCursor()
      message = "first column shows \(quantity.rawValue)"
    case .toggleSharedScale:
      sharedScale.toggle()
      message = sharedScale ? "one colour scale for all layers" : "a colour scale per layer"
    case .toggleLogScale:
      logScale.toggle()
      message = logScale ? "log-magnitude colours" : "linear colours"
    case .cyclePalette:
      paletteIndex += 1
      message = nil
    case .learningRateUp: changeLearningRate(up: true)
    case .learningRateDown: changeLearningRate(up: false)
    case .cycleActivation:
      config.activation = Choices.next(after: config.activation ?? .tanh, in: Choices.activations)
      rebuild(message: "activation \(config.activation?.rawValue ?? "")", dropModel: true)
    case .cycleInitializer:
      config.initializer = Choices.next(after: config.initializer ?? "xavier", in: Choices.initializers)
      rebuild(message: "initialiser \(config.initializer ?? "")", dropModel: true)
    case .cycleOptimizer:
      let current = config.optimizer ?? stepper.settings.optimizer.kind.rawValue
      config.optimizer = Choices.next(after: current, in: Choices.optimizers)
      config.lr = nil
      config.momentum = nil
      config.nesterov = nil
      reconfigure(message: "optimizer \(config.optimizer ?? "")")
    case .cycleDataset:
      config.dataset = Choices.next(after: config.dataset ?? "circle", in: Choices.datasets)
      config.dataFile = nil
      config.loss = nil
      config.output = nil
      rebuild(message: "data set \(config.dataset ?? "")", dropModel: true)
    case .cycleBatchSize:
      let current = stepper.settings.batchSize ?? 0
      config.batchSize = Choices.next(after: current, in: Choices.batchSizes)
      reconfigure(message: "batch size \(config.batchSize == 0 ? "full" : String(config.batchSize ?? 0))")
    case .cycleRegularization:
      let r = stepper.settings.regularization
      let next = Choices.next(after: Choices.Penalty(l1: r.l1, l2: r.l2), in: Choices.penalties)
      config.l1 = next.l1
      config.l2 = next.l2
      reconfigure(message: "regularisation \(next.label)")
    case .addLayer:
      var widths = stepper.network.layers.dropLast().map(\.units)
      guard widths.count < 12 else {
        message = "12 hidden layers is the most the screen can show"
        return
      }
      widths.append(widths.last ?? 4)
      config.layers = widths
      rebuild(message: "\(widths.count) hidden layers", dropModel: true)
    case .removeLayer:
      var widths = stepper.network.layers.dropLast().map(\.units)
      guard !widths.isEmpty else {
        message = "no hidden layer left to remove"
        return
      }
      widths.removeLast()
      config.layers = widths
      rebuild(message: widths.isEmpty ? "no hidden layer" : "\(widths.count) hidden layers", dropModel: true)
    case .widen, .narrow:
      let widths = stepper.network.layers.dropLast().map(\.units)
      guard !widths.isEmpty else {
        message = "add a hidden layer first (>)"
        return
      }
      config.layers = widths.map { action == .widen ? min($0 + 1, 64) : max($0 - 1, 1) }
      rebuild(message: "hidden widths \(config.layers?.map(String.init).joined(separator: ",") ?? "")", dropModel: true)
    case .moveCursor(let dx, let dy):
      cursor.row += dy
      cursor.column += dx
      clampCursor()
    case .nextLayer:
      cursor.layer = cursor.layer % stepper.network.depth + 1
      clampCursor()
    case .select(let x, let y): select(x: x, y: y)
    case .resize(let w, let h): size = (w, h)
    }
  }

  // MARK: - Stepping

  private mutating func stepOnce() {
    stepper.advance()
    message = nil
  }

  /// Time passed while running: at a finite speed, run mode now owes the stages or
  /// iterations that time is worth. Nothing runs here; ``runOwedWork()`` pays one unit at a
  /// time, so that the run loop can read keys between units however long each one takes.
  private mutating func tick(_ seconds: Double) {
    guard running, seconds > 0 else { return }
    switch speed {
    case .stages(let rate), .iterations(let rate): pendingWork = Self.backlog(pendingWork, rate: rate, seconds: seconds)
    case .unlimited: break
    }
  }

  /// Work owed after `seconds` at `rate` per second, never more than a quarter second's worth:
  /// when the machine cannot keep up, run mode slows down instead of owing ever more work and
  /// freezing the screen to pay it back.
  static func backlog(_ owed: Double, rate: Double, seconds: Double) -> Double {
    min(owed + rate * seconds, max(1, rate / 4))
  }

  /// Whether run mode has work to do now: always at full speed, and at a finite speed
  /// while ticks have owed at least one stage or iteration.
  public var owesWork: Bool { running && (speed == .unlimited || pendingWork >= 1) }

  /// Runs one stage of run mode's work; an owed iteration is paid when its update has run.
  /// One stage at a time at every speed, so that the run loop reads keys between any two
  /// stages. Every stage is checked as it runs, and run mode stops right after the first
  /// stage whose output holds a NaN or an infinity, with the screen on it.
  public mutating func runOwedWork() {
    guard owesWork else { return }
    let interval = stepper.evaluationInterval
    stepper.evaluationInterval = runEvaluationInterval
    let fault = stepper.advanceChecked()
    stepper.evaluationInterval = interval
    switch speed {
    case .stages: pendingWork -= 1
    case .iterations: if stepper.reached == stepper.stages.count { pendingWork -= 1 }
    case .unlimited: break
    }
    if let fault { stop(at: fault) }
  }

  /// How often run mode measures the loss over the whole sets: every 10th iteration at full
  /// speed (all a plot drawn 30 times a second can show), every iteration at a finite speed,
  /// and never when one measurement is beyond ``WorkBudget``: it runs inside the update stage,
  /// where no key can be read. Stepping by hand still measures every iteration.
  var runEvaluationInterval: Int {
    guard WorkBudget.evaluation(stepper) <= WorkBudget.multiplyAdds else { return 0 }
    return speed == .unlimited ? 10 : 1
  }

  /// Run mode stops at a NaN or an infinity, so that the screen stays on the damage; the
  /// status line names the stage and step, and says when it is the first of the run.
  private mutating func stop(at fault: Stepper.StageFault) {
    running = false
    pendingWork = 0
    let what = fault.isNaN ? "NaN" : "infinity"
    let e = fault.event
    let first = stepper.firstNonFinite == e ? "first " : ""
    let quantity = e.stage == .loss ? "" : ", in \(e.quantity)"
    message = "stopped: \(first)\(what) at \(Screen.stageLabel(e.stage, unicode: true)) of step \(e.step)\(quantity)"
  }

  // MARK: - Changes

  /// Rebuilds the run from the configuration: new weights from the seed, new data.
  private mutating func rebuild(message note: String, dropModel: Bool = false) {
    var next = config
    if dropModel && next.model != nil {
      next.model = nil
    }
    do {
      stepper = try next.resolve().makeStepper()
      config = next
      committed = next
      running = false
      clampCursor()
      message = note
    } catch {
      config = committed
      message = "cannot: \(error)"
    }
  }

  /// Changes the training settings and keeps the weights.
  private mutating func reconfigure(message note: String) {
    do {
      var probe = config
      probe.model = nil
      let settings = try probe.trainingSettings(base: stepper.settings, seed: stepper.settings.seed)
      try stepper.reconfigure(settings)
      committed = config
      message = note
    } catch {
      config = committed
      message = "cannot: \(error)"
    }
  }

  private mutating func changeLearningRate(up: Bool) {
    let current = stepper.settings.optimizer.resolvedLR
    let rates = Choices.learningRates
    let next =
      up
      ? (rates.first { $0 > current * 1.0001 } ?? rates[rates.count - 1])
      : (rates.last { $0 < current / 1.0001 } ?? rates[0])
    config.lr = next
    reconfigure(message: "learning rate \(Format.short(next))")
  }

  private mutating func runCommand(_ text: String) {
    do {
      switch try PromptCommand.parse(text) {
      case .set(let edit, let kind):
        edit(&config)
        switch kind {
        case .network: rebuild(message: text, dropModel: true)
        case .data: rebuild(message: text)
        case .training: reconfigure(message: text)
        }
      case .check: gradientCheck()
      case .reset: update(.reset)
      case .quit: shouldQuit = true
      case .help: overlay = .help
      }
    } catch {
      message = "\(error)"
    }
  }

  /// The gradient check on the next batch, in an overlay; refused, saying why, when it is
  /// beyond ``WorkBudget``: it cannot be interrupted, and the screen would not answer a key.
  private mutating func gradientCheck() {
    var schedule = stepper.schedule
    let rows = schedule.next()
    let cost = WorkBudget.gradientCheck(stepper.network, rows: rows.count)
    guard cost <= WorkBudget.multiplyAdds else {
      overlay = .gradientCheck(
        """
        not run: \(stepper.network.parameterCount) parameters on a batch of \(rows.count) rows take \(Format.short(Double(cost), digits: 2))
        multiply-adds (four forward passes per parameter), over the
        \(Format.short(Double(WorkBudget.multiplyAdds), digits: 1)) the screen does in one piece (about half a second):
        no key can be read until it ends. Run `backstep check` with
        the same settings, or check a smaller network or batch.
        """)
      return
    }
    let results = GradientCheck.run(
      network: stepper.network, input: stepper.data.train.inputs.gatherRows(rows),
      target: stepper.data.train.targets.gatherRows(rows), regularization: stepper.settings.regularization)
    overlay = .gradientCheck("batch of \(rows.count) rows\n" + GradientCheck.table(results))
  }

  // MARK: - The inspector

  /// The shape of the matrix the heat map of layer l shows, as rows × columns.
  public func displayedShape(layer l: Int) -> (rows: Int, cols: Int) {
    let layer = stepper.network.layers[l - 1]
    if quantity.isPerExample { return (layer.units, max(stepper.record.input.rows, 1)) }
    // The W map: a dense layer's W, or a batchnorm layer's γ, one column.
    return (layer.weights.rows, layer.weights.cols)
  }

  private mutating func clampCursor() {
    cursor.layer = min(max(cursor.layer, 1), stepper.network.depth)
    let shape = displayedShape(layer: cursor.layer)
    cursor.row = min(max(cursor.row, 0), shape.rows - 1)
    cursor.column = min(max(cursor.column, 0), shape.cols - 1)
  }

  private mutating func select(x: Int, y: Int) {
    guard let hit = Screen.hitTest(self, x: x, y: y) else { return }
    cursor = hit
    clampCursor()
  }
}

extension Quantity {
  var next: Quantity {
    let all = Quantity.allCases
    return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
  }
}
