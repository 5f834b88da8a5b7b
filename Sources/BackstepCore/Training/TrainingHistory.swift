/// Per-iteration series kept for plots: losses, accuracies and per-layer gradient norms.
///
/// Entry k describes step k+1. Losses and accuracies over whole sets are measured only on
/// evaluation steps (see ``Stepper/evaluationInterval``): nil means not measured that step,
/// while NaN is a measurement, of a network that has diverged.
public struct TrainingHistory: Equatable, Sendable {
  public var batchLoss: [Double] = []
  public var trainLoss: [Double?] = []
  public var testLoss: [Double?] = []
  public var trainAccuracy: [Double?] = []
  public var testAccuracy: [Double?] = []
  /// `normDW[l−1][k]`: ‖dW_l‖ at step k+1.
  public var normDW: [[Double]]
  /// `verdicts[l−1]`: the verdict of layer l at the latest step.
  public var latest: IterationDiagnostics?

  public init(layers: Int) {
    normDW = Array(repeating: [], count: layers)
  }

  public var count: Int { batchLoss.count }

  /// The newest measured value of an evaluated series, which may be a few steps old.
  public func newest(_ series: KeyPath<TrainingHistory, [Double?]>) -> Double? {
    self[keyPath: series].last { $0 != nil } ?? nil
  }

  mutating func append(_ d: IterationDiagnostics) {
    batchLoss.append(d.batchLoss)
    trainLoss.append(d.trainLoss)
    testLoss.append(d.testLoss)
    trainAccuracy.append(d.trainAccuracy)
    testAccuracy.append(d.testAccuracy)
    for (l, layer) in d.layers.enumerated() { normDW[l].append(layer.normDW) }
    latest = d
  }

  /// Drops every step after the first `count`.
  mutating func truncate(to count: Int) {
    guard count < self.count else { return }
    batchLoss.removeSubrange(count...)
    trainLoss.removeSubrange(count...)
    testLoss.removeSubrange(count...)
    trainAccuracy.removeSubrange(count...)
    testAccuracy.removeSubrange(count...)
    for l in normDW.indices { normDW[l].removeSubrange(count...) }
    latest = nil
  }

  /// Equal when every series holds the same bits, so that a NaN equals a NaN.
  public static func == (lhs: TrainingHistory, rhs: TrainingHistory) -> Bool {
    func same(_ a: [Double], _ b: [Double]) -> Bool {
      a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
    func same(_ a: [Double?], _ b: [Double?]) -> Bool {
      a.count == b.count && zip(a, b).allSatisfy { $0?.bitPattern == $1?.bitPattern }
    }
    return same(lhs.batchLoss, rhs.batchLoss) && same(lhs.trainLoss, rhs.trainLoss)
      && same(lhs.testLoss, rhs.testLoss) && same(lhs.trainAccuracy, rhs.trainAccuracy)
      && same(lhs.testAccuracy, rhs.testAccuracy) && lhs.normDW.count == rhs.normDW.count
      && zip(lhs.normDW, rhs.normDW).allSatisfy(same) && lhs.latest == rhs.latest
  }
}
