/// Per-iteration series kept for plots: losses, accuracies and per-layer gradient norms.
///
/// Entry k describes step k+1. Values not measured in a step are NaN.
public struct TrainingHistory: Equatable, Sendable {
  public var batchLoss: [Double] = []
  public var trainLoss: [Double] = []
  public var testLoss: [Double] = []
  public var trainAccuracy: [Double] = []
  public var testAccuracy: [Double] = []
  /// `normDW[l−1][k]`: ‖dW_l‖ at step k+1.
  public var normDW: [[Double]]
  /// `verdicts[l−1]`: the verdict of layer l at the latest step.
  public var latest: IterationDiagnostics?

  public init(layers: Int) {
    normDW = Array(repeating: [], count: layers)
  }

  public var count: Int { batchLoss.count }

  mutating func append(_ d: IterationDiagnostics) {
    batchLoss.append(d.batchLoss)
    trainLoss.append(d.trainLoss ?? .nan)
    testLoss.append(d.testLoss ?? .nan)
    trainAccuracy.append(d.trainAccuracy ?? .nan)
    testAccuracy.append(d.testAccuracy ?? .nan)
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

  /// Equal when every series holds the same bits, so that NaN (not measured) equals NaN.
  public static func == (lhs: TrainingHistory, rhs: TrainingHistory) -> Bool {
    func same(_ a: [Double], _ b: [Double]) -> Bool {
      a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
    return same(lhs.batchLoss, rhs.batchLoss) && same(lhs.trainLoss, rhs.trainLoss)
      && same(lhs.testLoss, rhs.testLoss) && same(lhs.trainAccuracy, rhs.trainAccuracy)
      && same(lhs.testAccuracy, rhs.testAccuracy) && lhs.normDW.count == rhs.normDW.count
      && zip(lhs.normDW, rhs.normDW).allSatisfy(same) && lhs.latest == rhs.latest
  }
}
