import BackstepCore

/// The previous run's train-loss curve, kept when a change rebuilds the network so that the
/// loss plot can draw it faintly under the new run's curves: before and after, in one lesson.
public struct LossGhost: Sendable {
  /// What the old run had that the current one has not: "before: act tanh".
  public internal(set) var label: String
  /// The old run's train loss, one entry per kept step (nil: not measured that step).
  public let train: [Double?]
  /// The step of the first entry, and the steps between entries.
  public let firstStep: Int
  public let stride: Int
  /// The extent of `train`, measured once, here, so that the plot's axis can cover both runs.
  public let range: ValueRange
  /// The old run's aspects (``RunAspects``), for labelling it against later runs.
  let aspects: [String]

  /// The train-loss curve of `history`, or nil when it holds no measured loss.
  init?(history: TrainingHistory, aspects: [String]) {
    guard history.trainLoss.contains(where: { $0 != nil }) else { return nil }
    train = history.trainLoss
    firstStep = history.step(at: 0)
    stride = history.stride
    range = ValueRange(of: history.trainLoss)
    self.aspects = aspects
    label = ""
  }

  /// Labels the ghost by what its run had that the run now on screen has not.
  mutating func relabel(against current: [String]) {
    label = RunAspects.label(old: aspects, new: current)
  }
}
