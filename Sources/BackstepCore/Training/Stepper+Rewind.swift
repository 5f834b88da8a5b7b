/// Rewinding: the snapshot ring, going back a stage or an iteration, and reset. A rewound
/// stage is recomputed from a saved state, so every value is exactly what it was.
extension Stepper {
  /// The state a rewind returns to: weights, optimizer buffers, batch position, first NaN.
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
    measureWeights()
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
  mutating func seek(step: Int, reached target: Int) -> Bool {
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

  /// Bytes held by the rewind history's snapshots.
  public var rewindByteCount: Int { snapshots.byteCount }
}
