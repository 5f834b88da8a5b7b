/// Live changes to the training settings that keep the weights.
extension Stepper {
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
}
