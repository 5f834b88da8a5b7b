/// Runs training one stage at a time and keeps what each stage computed.
///
/// One call to ``advance()`` runs exactly one stage of
/// forward(1) … forward(L) → loss → backward(L) … backward(1) → update
/// and leaves its results in ``record``. Whole iterations, N iterations and epochs are
/// nothing but repeated calls to ``advance()``, so stepping stage by stage gives results
/// bit-identical to running whole iterations.
public struct Stepper: Sendable {
  public internal(set) var network: Network
  public private(set) var settings: TrainingSettings
  public let data: DataSplit
  public private(set) var optimizerState: OptimizerState
  public private(set) var schedule: BatchSchedule
  /// The current (or last finished) iteration's values.
  public internal(set) var record: IterationRecord
  public private(set) var history: TrainingHistory
  /// The first NaN or infinity seen, if any.
  public private(set) var firstNonFinite: NonFiniteEvent?
  /// Stages of the current iteration already run, 0 … stages.count.
  public internal(set) var reached: Int
  public let stages: [Stage]
  /// The step the history's first entry follows (the step a model file resumed from).
  public let historyBase: Int
  /// The step training started from: 0, or the step of a resumed model file.
  public private(set) var startStep: Int
  public var thresholds = VerdictThresholds()
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
    guard data.train.featureCount == network.inputCount else {
      throw ConfigurationError(
        "the data has \(data.train.featureCount) feature columns but the network takes \(network.inputCount) inputs")
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
    self.stages = Stage.sequence(layers: network.depth)
    self.reached = stages.count
    self.snapshots = SnapshotRing(limit: max(1, historyLimit))
    snapshots.push(currentSnapshot)
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
  public func isFresh(_ stage: Stage) -> Bool { stage.index(layers: network.depth) < reached && record.step > 0 }
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
    record.step = optimizerState.step + 1
    record.batchIndices = schedule.next()
    record.input = data.train.inputs.gatherRows(record.batchIndices)
    record.target = data.train.targets.gatherRows(record.batchIndices)
    record.diagnostics = nil
    reached = 0
  }

  private mutating func run(_ stage: Stage) {
    switch stage {
    case .forward(let l):
      let mask = dropoutMask(layer: l)
      Backprop.forward(l, network: network, record: &record, mask: mask)
      network.layers[l - 1].absorb(record.layers[l - 1])
      watch(record.layers[l - 1].z, "z", stage)
      watch(record.layers[l - 1].a, "a", stage)
    case .loss:
      Backprop.loss(network: network, regularization: settings.regularization, record: &record)
      if !record.loss.isFinite { noteNonFinite("loss", stage) }
    case .backward(let l):
      Backprop.backward(l, network: network, regularization: settings.regularization, record: &record)
      watch(record.layers[l - 1].delta, "δ", stage)
      watch(record.layers[l - 1].dW, "dW", stage)
    case .update:
      update()
    }
  }

  /// update: clip the gradients, run the optimizer on every tensor, measure the iteration.
  private mutating func update() {
    let before = network.layers.map { $0.values(of: $0.parameterNames[0]) }
    applyGradients(keepUpdates: true)
    measure(weightsBefore: before)
  }

  /// Clips the gradients of the record and lets the optimizer move every parameter, walking
  /// the network's parameter list. With `keepUpdates`, the applied gradients and the update
  /// ΔW are kept in the record.
  mutating func applyGradients(keepUpdates: Bool) {
    var grads = parameters.map { p in network.layers[p.key.layer - 1].gradient(of: p.key.name, in: record.layers[p.key.layer - 1]) }
    record.globalGradNorm = Clipping.globalNorm(grads)
    record.clipCoefficient = settings.clipping.isActive ? settings.clipping.apply(to: &grads) : 1
    optimizerState.step += 1
    let t = optimizerState.step
    let optimizer = settings.optimizer
    for (p, g) in zip(parameters, grads) {
      let old = keepUpdates ? network.values(of: p.key) : []
      // Moved out, so that the optimizer holds the only reference and updates in place.
      var buffers = optimizerState.buffers.removeValue(forKey: p.key) ?? [:]
      network.modify(p.key) { theta in Optimizer.step(optimizer, t: t, parameters: &theta, gradient: g, buffers: &buffers) }
      optimizerState.buffers[p.key] = buffers
      if keepUpdates {
        let new = network.values(of: p.key)
        network.layers[p.key.layer - 1].keep(applied: g, update: zip(new, old).map { $0 - $1 }, of: p.key.name, in: &record.layers[p.key.layer - 1])
      }
    }
    if firstNonFinite == nil && !network.layers.allSatisfy(\.isFinite) { noteNonFinite("weights", .update) }
  }

  private mutating func measure(weightsBefore: [[Double]]) {
    var layers = (0..<network.depth).map { i in
      LayerDiagnostics.measure(record.layers[i], weightsBefore: weightsBefore[i], activation: network.layers[i].activation)
    }
    let outputNorm = layers[layers.count - 1].normDW
    for i in layers.indices {
      layers[i].verdict = thresholds.verdict(norm: layers[i].normDW, outputNorm: outputNorm)
    }
    var d = IterationDiagnostics(step: record.step, layers: layers, batchLoss: record.loss)
    let interval = evaluationInterval
    if interval > 0 && record.step % interval == 0 {
      d.trainLoss = Evaluation.loss(of: network, on: data.train)
      d.testLoss = Evaluation.loss(of: network, on: data.test)
      d.trainAccuracy = Evaluation.accuracy(of: network, on: data.train)
      d.testAccuracy = Evaluation.accuracy(of: network, on: data.test)
    }
    record.diagnostics = d
    history.append(d)
  }

  /// Inverted dropout multipliers for hidden layer l, drawn from a generator seeded by
  /// (seed, step, layer) alone so that replaying a step draws the same mask.
  func dropoutMask(layer l: Int) -> Matrix? {
    let p = settings.dropout
    guard p > 0, l < network.depth else { return nil }
    var rng = Xoshiro256(seed: settings.seed ^ (UInt64(record.step) &* 0xD1B5_4A32_D192_ED03) ^ UInt64(l) &* 0x8CB9_2BA7_2F3D_8DD7)
    var mask = Matrix(rows: record.input.rows, cols: network.layers[l - 1].units)
    let keep = 1 / (1 - p)
    for i in 0..<mask.count { mask.storage[i] = rng.nextUnit() < p ? 0 : keep }
    return mask
  }

  private mutating func watch(_ m: Matrix, _ quantity: String, _ stage: Stage) {
    if firstNonFinite == nil && !m.isFinite { noteNonFinite(quantity, stage) }
  }

  mutating func noteNonFinite(_ quantity: String, _ stage: Stage) {
    if firstNonFinite == nil { firstNonFinite = NonFiniteEvent(step: record.step, stage: stage, quantity: quantity) }
  }

  // MARK: - Rewinding

  var currentSnapshot: Snapshot {
    Snapshot(
      step: optimizerState.step, network: network, optimizerState: optimizerState,
      schedulePosition: schedule.position, firstNonFinite: firstNonFinite)
  }

  private mutating func restore(_ s: Snapshot) {
    network = s.network
    optimizerState = s.optimizerState
    schedule.position = s.schedulePosition
    firstNonFinite = s.firstNonFinite
    history.truncate(toStep: s.step)
    snapshots.drop(after: s.step)
    record = IterationRecord(layers: network.depth)
    reached = stages.count
  }

  /// Goes back one stage, recomputing the earlier stages of the iteration from the saved
  /// state so that every value is exactly what it was. Returns false at the very beginning
  /// or past the oldest kept snapshot.
  @discardableResult
  public mutating func rewindStage() -> Bool {
    guard record.step > startStep else { return false }
    let targetStep = reached <= 1 ? record.step - 1 : record.step
    let targetReached = reached <= 1 ? stages.count : reached - 1
    return seek(step: targetStep, reached: targetReached)
  }

  /// Goes back to the end of the previous iteration (or to the end of the last complete one,
  /// when an iteration is under way). Returns false when there is nothing to go back to.
  @discardableResult
  public mutating func rewindIteration() -> Bool {
    guard record.step > startStep else { return false }
    return seek(step: record.step - 1, reached: stages.count)
  }

  /// Restores the state before step `step` and replays `target` of its stages. Step 0 is the
  /// untouched start, with nothing computed. The rewind history keeps one step in
  /// ``SnapshotRing/stride``, so this restores the newest snapshot at or before step − 2 and
  /// replays whole iterations up to step − 1; the stages of `step` not reached yet then show
  /// step − 1's values, exactly as they did. Returns false when the snapshot needed is gone.
  private mutating func seek(step: Int, reached target: Int) -> Bool {
    guard step > startStep else {
      guard let s = snapshots.newest(atOrBefore: startStep) else { return false }
      restore(s)
      return true
    }
    guard let s = snapshots.newest(atOrBefore: max(startStep, step - 2)) ?? snapshots.newest(atOrBefore: step - 1) else {
      // The oldest kept state itself, with nothing computed on show.
      guard target == stages.count, let s = snapshots.newest(atOrBefore: step), s.step == step else { return false }
      restore(s)
      return true
    }
    restore(s)
    while optimizerState.step < step - 1 { finishIteration() }
    for _ in 0..<target { advance() }
    return true
  }

  /// Goes back to the initial weights, the first batch and an empty history.
  public mutating func reset() {
    _ = seek(step: startStep, reached: stages.count)
  }

  /// Changes the training settings and keeps the weights, the step count and the history: a
  /// learning rate turned mid-run. The optimizer keeps its buffers when its kind stays the same.
  /// An unfinished iteration is abandoned, and rewinding cannot go back past this point.
  public mutating func reconfigure(_ newSettings: TrainingSettings) throws {
    try newSettings.validate()
    if network.hasBatchNorm, (newSettings.batchSize ?? data.train.count) < 2 {
      throw ConfigurationError(
        "a batchnorm layer needs batches of at least 2 rows to take a variance", setting: "batch-size")
    }
    if reached < stages.count {
      // Abandon the unfinished iteration: back to the end of the last complete one.
      _ = seek(step: optimizerState.step, reached: stages.count)
    }
    if newSettings.optimizer.kind != settings.optimizer.kind {
      let step = optimizerState.step
      optimizerState = OptimizerState()
      optimizerState.step = step
    }
    let position = schedule.position
    schedule = BatchSchedule(
      count: data.train.count, batchSize: newSettings.batchSize, shuffle: newSettings.shuffle, seed: newSettings.seed)
    schedule.position = position
    settings = newSettings
    startStep = optimizerState.step
    snapshots = SnapshotRing(limit: snapshots.limit)
    snapshots.push(currentSnapshot)
  }

  /// Bytes held by the rewind history's snapshots.
  public var rewindByteCount: Int { snapshots.byteCount }
}
