import BackstepCore

/// Live changes: settings turned while the program runs. A change that the network or the
/// data depends on rebuilds the run from the configuration; a training setting keeps the weights
/// and takes effect from the next iteration, and the status line says from which step.
/// A refused change leaves the configuration as it was and says why.
extension AppState {
  /// Applies one of the actions that change the run's configuration.
  mutating func change(_ action: Action) {
    switch action {
    case .learningRateUp: changeLearningRate(up: true)
    case .learningRateDown: changeLearningRate(up: false)
    case .cycleActivation:
      session.config.activation = nextChoice(after: config.activation ?? .tanh, in: Choices.activations, setting: "activation", b: \.activation)
      rebuild(message: "activation \(config.activation?.rawValue ?? "")", dropModel: true)
    case .cycleInitializer:
      session.config.initializer = nextChoice(after: config.initializer ?? "xavier", in: Choices.initializers, setting: "init", b: \.initializer)
      rebuild(message: "initialiser \(config.initializer ?? "")", dropModel: true)
    case .cycleOptimizer:
      let current = config.optimizer ?? stepper.upcomingSettings.optimizer.kind.rawValue
      session.config.optimizer = nextChoice(after: current, in: Choices.optimizers, setting: "optimizer", b: \.optimizer)
      session.config.lr = nil
      session.config.momentum = nil
      session.config.nesterov = nil
      reconfigure(message: "optimizer \(config.optimizer ?? "")", namingLR: true)
    case .cycleDataset:
      session.config.dataset = Choices.next(after: config.dataset ?? "circle", in: Choices.datasets)
      session.config.dataFile = nil
      session.config.loss = nil
      session.config.output = nil
      rebuild(message: "data set \(config.dataset ?? "")", dropModel: true)
    case .cycleBatchSize:
      let current = stepper.upcomingSettings.batchSize ?? 0
      session.config.batchSize = nextChoice(after: current, in: Choices.batchSizes, setting: "batch-size", b: \.batchSize)
      reconfigure(message: "batch size \(config.batchSize == 0 ? "full" : String(config.batchSize ?? 0))")
    case .cycleRegularization:
      let r = stepper.upcomingSettings.regularization
      let next = Choices.next(after: Choices.Penalty(l1: r.l1, l2: r.l2), in: Choices.penalties)
      session.config.l1 = next.l1
      session.config.l2 = next.l2
      reconfigure(message: "regularisation \(next.label)")
    case .addLayer:
      var widths = stepper.network.layers.dropLast().map(\.units)
      guard widths.count < 12 else {
        message = "12 hidden layers is the most the screen can show"
        return
      }
      widths.append(widths.last ?? 4)
      session.config.layers = widths
      rebuild(message: "\(widths.count) hidden layers", dropModel: true)
    case .removeLayer:
      var widths = stepper.network.layers.dropLast().map(\.units)
      guard !widths.isEmpty else {
        message = "no hidden layer left to remove"
        return
      }
      widths.removeLast()
      session.config.layers = widths
      rebuild(message: widths.isEmpty ? "no hidden layer" : "\(widths.count) hidden layers", dropModel: true)
    case .widen, .narrow:
      let widths = stepper.network.layers.dropLast().map(\.units)
      guard !widths.isEmpty else {
        message = "add a hidden layer first (>)"
        return
      }
      session.config.layers = widths.map { action == .widen ? min($0 + 1, 64) : max($0 - 1, 1) }
      rebuild(message: "hidden widths \(config.layers?.map(String.init).joined(separator: ",") ?? "")", dropModel: true)
    default: break
    }
  }

  /// Rebuilds the run from the configuration (``Session/rebuild(dropModel:)``), both networks
  /// of a comparison together (``rebuildComparison(dropModel:)``), and says that the run
  /// restarted, whether the old loss curve stays as a ghost, and whether B kept its own setting.
  mutating func rebuild(message note: String, dropModel: Bool = false) {
    do {
      var keptOwn = false
      if isComparing { keptOwn = try rebuildComparison(dropModel: dropModel) } else { try session.rebuild(dropModel: dropModel) }
      runner.running = false
      clampCursor()
      message =
        note + keptNote(keptOwn) + (isComparing ? "; both runs restarted" : "; the run restarted")
        + (session.ghost == nil ? "" : " (the old loss curve stays as a ghost)")
    } catch {
      message = "cannot: \(error)"
    }
  }

  /// Changes the training settings from the next iteration on and keeps the weights; the
  /// message says from which step ("lr 0.3 from step 2"). With `namingLR` (a new optimizer,
  /// whose learning rate is its own default unless one is given) it says the rate chosen.
  mutating func reconfigure(message note: String, namingLR: Bool = false) {
    do {
      let ((settings, from), keptOwn) = try applyToBoth { try $0.reconfigure() }
      var said = note + keptNote(keptOwn)
      if namingLR {
        let o = settings.optimizer
        said += ", lr \(Format.short(o.resolvedLR))" + (o.lr == nil ? " (its default)," : ",")
      }
      message = from.map { "\(said) from step \($0)" } ?? "\(said) as now: no change pending"
    } catch {
      message = "cannot: \(error)"
    }
  }

  mutating func changeLearningRate(up: Bool) {
    let current = stepper.upcomingSettings.optimizer.resolvedLR
    let rates = Choices.learningRates
    let next =
      up
      ? (rates.first { $0 > current * 1.0001 } ?? rates[rates.count - 1])
      : (rates.last { $0 < current / 1.0001 } ?? rates[0])
    session.config.lr = next
    reconfigure(message: "lr \(Format.short(next))")
  }
}

extension AppState {
  /// The choice after `current` in `list`, past B's own value when the comparison changes this
  /// `setting`: A cannot take it (the two would be the same run), and the key would otherwise
  /// stop there for good.
  func nextChoice<T: Equatable>(after current: T, in list: [T], setting: String, b field: KeyPath<RunConfiguration, T?>) -> T {
    let next = Choices.next(after: current, in: list)
    guard session.config.compare?.names.contains(setting) == true, let own = other?.config[keyPath: field], own == next else { return next }
    return Choices.next(after: next, in: list)
  }
}
