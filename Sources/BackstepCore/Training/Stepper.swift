/// Runs training one stage at a time and keeps what each stage computed.
///
/// One call to ``advance()`` runs exactly one stage of
/// forward(1) … forward(L) → loss → backward(L) … backward(1) → update
/// and leaves its results in ``record``. Whole iterations, N iterations and epochs are
/// nothing but repeated calls to ``advance()``, so stepping stage by stage gives results
/// bit-identical to running whole iterations.
public struct Stepper: Sendable {
  public internal(set) var network: Network
  /// The training settings in effect: those the current (or last finished) iteration runs with.
  public internal(set) var settings: TrainingSettings
  /// A live change waiting for the next iteration (see ``reconfigure(_:)``).
  public internal(set) var pending: PendingSettings?
  public let data: DataSplit
  public internal(set) var optimizerState: OptimizerState
  public internal(set) var schedule: BatchSchedule
  /// The current (or last finished) iteration's values.
  public internal(set) var record: IterationRecord
  public internal(set) var history: TrainingHistory
  /// The first NaN or infinity seen, if any.
  public internal(set) var firstNonFinite: NonFiniteEvent?
  /// Stages of the current iteration already run, 0 … stages.count.
  public internal(set) var reached: Int
  public let stages: [Stage]
  /// The step the history's first entry follows (the step a model file resumed from).
  public let historyBase: Int
  /// The step training started from: 0, or the step of a resumed model file.
  public internal(set) var startStep: Int
  public var thresholds = VerdictThresholds()
  /// What run mode and checked stepping stop at (see ``advanceChecked()``), with their hit counts.
  public var breakpoints = Breakpoints.standard
  /// Where a sigmoid or tanh output counts as saturated.
  public var saturation = SaturationThresholds()
  /// The scales of each layer's parameter maps (W or γ, β), measured when the weights change.
  public internal(set) var weightScales: [[ShownMap: MapScale]] = []
  /// Evaluate train and test loss over the whole sets every this many steps (0: never).
  /// Evaluation costs a forward pass over both sets; a fast run may thin it out.
  public var evaluationInterval = 1

  /// The network's parameter list, which the update walks (the network's structure is fixed).
  let parameters: [ParameterInfo]

  /// Network parameters and optimizer state after each completed step, for rewinding.
  var snapshots: SnapshotRing

  /// A stepper over a network and its data. Throws when the settings or shapes do not fit.
  /// Pass `resuming` (an optimizer state and a batch position, as a model file keeps them) to
  /// continue a run where it stopped.
  public init(
    network: Network, data: DataSplit, settings: TrainingSettings, resuming: (OptimizerState, Int)? = nil,
    historyLimit: Int = 10_000
  ) throws {
    try settings.validate()
    guard data.train.count > 0 else { throw ConfigurationError("the training set has no rows") }
    guard (data.train.steps != nil) == network.isRecurrent else {
      throw ConfigurationError(
        network.isRecurrent
          ? "a recurrent network reads sequences, but the data is a plain table; give a sequence set (adding, parity, sine) or a CSV file of x@t columns"
          : "the data holds sequences of \(data.train.steps ?? 0) time steps; a network that reads them starts with a recurrent layer (--rnn H)")
    }
    guard data.train.featuresPerStep == network.inputCount else {
      throw ConfigurationError(
        "the data has \(data.train.featuresPerStep) feature columns\(data.train.steps == nil ? "" : " per time step") but the network takes \(network.inputCount) inputs"
      )
    }
    guard data.train.targetCount == network.outputCount else {
      throw ConfigurationError(
        "the data has \(data.train.targetCount) target columns but the network has \(network.outputCount) outputs")
    }
    self.network = network
    self.data = data
    self.settings = settings
    if network.hasBatchNorm, (settings.batchSize ?? data.train.count) < 2 {
      throw ConfigurationError(
        "a batchnorm layer needs batches of at least 2 rows to take a variance; this run's batches have 1", setting: "batch-size")
    }
    self.parameters = network.parameters
    self.optimizerState = OptimizerState()
    self.schedule = BatchSchedule(
      count: data.train.count, batchSize: settings.batchSize, shuffle: settings.shuffle, seed: settings.seed)
    if let (state, position) = resuming {
      guard Set(state.buffers.keys).isSubset(of: Set(network.parameters.map(\.key))), state.step >= 0, position >= 0 else {
        throw ConfigurationError("the saved optimizer state does not fit this network")
      }
      optimizerState = state
      schedule.position = position
    }
    self.startStep = optimizerState.step
    self.historyBase = optimizerState.step
    self.record = IterationRecord(layers: network.depth)
    self.history = TrainingHistory(layers: network.depth, base: optimizerState.step)
    self.stages = Stage.sequence(layers: network.depth, steps: network.isRecurrent ? data.train.steps : nil)
    self.reached = stages.count
    self.snapshots = SnapshotRing(limit: max(1, historyLimit))
    snapshots.push(currentSnapshot)
    measureWeights()
  }

  /// Completed optimizer steps.
  public var step: Int { optimizerState.step }
  /// Epochs completed (rows consumed / training rows).
  public var epoch: Int { schedule.epoch }
  /// The stage the next ``advance()`` will run.
  public var nextStage: Stage { reached == stages.count ? stages[0] : stages[reached] }
  /// The stage run last, or nil before any stage of this iteration.
  public var lastStage: Stage? { reached == 0 || record.step == 0 ? nil : stages[reached - 1] }
  /// Whether the values of a stage belong to the current iteration (otherwise they are stale).
  ///
  /// forward(l) and backward(l) of a recurrent layer stand for its whole pass: fresh once its
  /// last time step (forward t = T, backward t = 1) has run.
  public func isFresh(_ stage: Stage) -> Bool { position(of: stage) < reached && record.step > 0 }

  /// Where `stage` sits in ``stages``; for forward(l) and backward(l) of a recurrent layer, its
  /// last time step's stage.
  public func position(of stage: Stage) -> Int {
    if network.isRecurrent {
      switch stage {
      case .forward(1): return stages.lastIndex { if case .forwardStep(1, _) = $0 { true } else { false } } ?? 0
      case .backward(1): return stages.lastIndex { if case .backwardStep(1, _) = $0 { true } else { false } } ?? 0
      default: return stages.firstIndex(of: stage) ?? stages.count
      }
    }
    return stage.index(layers: network.depth)
  }
  /// The deepest step that ``rewindIteration()`` can still return to.
  public var oldestRewindableStep: Int { snapshots.oldestStep }

  /// Runs one stage and returns it.
  @discardableResult
  public mutating func advance() -> Stage {
    if reached == stages.count { beginIteration() }
    let stage = stages[reached]
    run(stage)
    reached += 1
    if stage == .update { snapshots.push(currentSnapshot) }
    return stage
  }

  /// Runs the stages left in the current iteration (a whole one when it is complete).
  public mutating func finishIteration() {
    repeat { advance() } while reached < stages.count
  }

  /// Runs n whole iterations after finishing the current one.
  public mutating func run(iterations n: Int) {
    if reached < stages.count { finishIteration() }
    for _ in 0..<max(0, n) { finishIteration() }
  }

  /// Finishes the current iteration, then runs until the next epoch boundary is crossed.
  public mutating func runEpoch() {
    if reached < stages.count { finishIteration() }
    let target = schedule.epoch + 1
    repeat { finishIteration() } while schedule.epoch < target
  }

  // MARK: - The stages

  mutating func beginIteration() {
    applyPending(atStep: optimizerState.step + 1)
    record.step = optimizerState.step + 1
    record.settings = settings
    record.batchIndices = schedule.next()
    record.input = data.train.inputs.gatherRows(record.batchIndices)
    record.target = data.train.targets.gatherRows(record.batchIndices)
    record.diagnostics = nil
    record.optimizerBefore = nil
    record.parametersBefore = [:]
    reached = 0
  }

  private mutating func run(_ stage: Stage) {
    switch stage {
    case .forward(let l):
      let mask = dropoutMask(layer: l)
      Backprop.forward(l, network: network, record: &record, mask: mask)
      network.layers[l - 1].absorb(record.layers[l - 1])
      read(stage)
      watch(stage)
    case .forwardStep(let l, let t):
      Backprop.forward(l, t: t, network: network, record: &record, mask: nil)
      read(stage)
      watch(stage)
    case .backwardStep(let l, let t):
      Backprop.backward(l, t: t, network: network, regularization: settings.regularization, record: &record)
      read(stage)
      watch(stage)
    case .loss:
      Backprop.loss(network: network, regularization: settings.regularization, record: &record)
      if !record.loss.isFinite { noteNonFinite("loss", stage) }
    case .backward(let l):
      Backprop.backward(l, network: network, regularization: settings.regularization, record: &record)
      read(stage)
      watch(stage)
    case .update:
      update()
    }
  }
}
