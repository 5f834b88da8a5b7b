/// Live changes to the training settings that keep the weights.
///
/// A change never touches the iteration under way: its stages already ran (and a rewind
/// replays them) with the settings the iteration began with, which its record keeps. The new
/// settings wait as ``Stepper/pending`` and take effect when the next iteration begins.
extension Stepper {
  /// Training settings waiting for the next iteration, and the step they first apply to.
  public struct PendingSettings: Equatable, Sendable {
    public var settings: TrainingSettings
    /// The 1-based step of the first iteration that runs with `settings`.
    public var step: Int
  }

  /// The settings the next iteration will run with: the pending ones, else those in effect.
  public var upcomingSettings: TrainingSettings { pending?.settings ?? settings }

  /// The rows of the next iteration's batch, with any change pending.
  public var upcomingBatchSize: Int { BatchSchedule.rows(upcomingSettings.batchSize, of: data.train.count) }

  /// The step of the next iteration to begin: the current one's successor while it is under
  /// way, else the step after the last one finished.
  public var nextIterationStep: Int { reached < stages.count ? record.step + 1 : optimizerState.step + 1 }

  /// Asks for new training settings from the next iteration on, keeping the weights, the step
  /// count and the history: a learning rate turned mid-run. Returns the step they first apply
  /// to, or nil when they are the settings already in effect (any pending change is withdrawn).
  /// Throws, changing nothing, when the settings are refused.
  @discardableResult
  public mutating func reconfigure(_ newSettings: TrainingSettings) throws -> Int? {
    try newSettings.validate()
    if network.hasBatchNorm, (newSettings.batchSize ?? data.train.count) < 2 {
      throw ConfigurationError(
        "a batchnorm layer needs batches of at least 2 rows to take a variance", setting: "batch-size")
    }
    guard newSettings.resolved != settings.resolved else {
      pending = nil
      return nil
    }
    pending = PendingSettings(settings: newSettings, step: nextIterationStep)
    return nextIterationStep
  }

  /// Puts pending settings into effect as the iteration of step `step` begins, once it is the
  /// step they were asked for. The optimizer keeps its buffers when its kind stays the same;
  /// the batch schedule keeps its position; the rewind history starts again here, so that no
  /// rewind replays an earlier step with settings it did not run with.
  mutating func applyPending(atStep step: Int) {
    guard let p = pending, step >= p.step else { return }
    pending = nil
    let newSettings = p.settings
    if newSettings.optimizer.kind != settings.optimizer.kind {
      let done = optimizerState.step
      optimizerState = OptimizerState()
      optimizerState.step = done
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
}
