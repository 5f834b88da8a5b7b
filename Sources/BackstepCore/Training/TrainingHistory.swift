/// Per-iteration series kept for plots (losses, accuracies and per-layer gradient norms), and
/// each kept step's whole diagnostics for a metrics file.
///
/// Entry i describes step `base + (i+1)·stride`. The stride starts at 1; when the series reach
/// `capacity` entries, every other one is dropped and the stride doubles, so a run of any
/// length keeps at most `capacity` entries spread over the whole run (a plot a few hundred
/// cells wide cannot show more). Losses and accuracies over whole sets are measured only on
/// evaluation steps (see ``Stepper/evaluationInterval``): nil means not measured that step,
/// while NaN is a measurement, of a network that has diverged.
public struct TrainingHistory: Equatable, Sendable {
  public var batchLoss: [Double] = []
  public var trainLoss: [Double?] = []
  public var testLoss: [Double?] = []
  public var trainAccuracy: [Double?] = []
  public var testAccuracy: [Double?] = []
  /// `normDW[l−1][i]`: ‖dW_l‖ at the step of entry i.
  public var normDW: [[Double]]
  /// `deltaThroughTime[i][t−1]`: ‖δ_t‖ of the recurrent first layer at the step of entry i;
  /// empty for a network without one.
  public private(set) var deltaThroughTime: [[Double]] = []
  /// `entries[i]`: everything measured at the step of entry i, the rows a metrics file writes.
  public private(set) var entries: [IterationDiagnostics] = []
  /// The diagnostics of the latest step, whether or not the stride kept it.
  public var latest: IterationDiagnostics?
  /// The newest measured values, whether or not the stride kept their steps.
  public private(set) var newestTrainLoss: Double?
  public private(set) var newestTestLoss: Double?
  public private(set) var newestTrainAccuracy: Double?
  public private(set) var newestTestAccuracy: Double?
  /// The extent of the kept train and test losses, for the loss plot's axis.
  public private(set) var lossRange = ValueRange()
  /// The step before the first entry.
  public let base: Int
  /// Steps between entries.
  public private(set) var stride = 1
  /// Entries kept before thinning; even, at least 2.
  public let capacity: Int

  public init(layers: Int, base: Int = 0, capacity: Int = 4096) {
    normDW = Array(repeating: [], count: layers)
    self.base = base
    self.capacity = max(2, capacity + capacity % 2)
  }

  public var count: Int { batchLoss.count }

  /// The step that entry `i` describes.
  public func step(at i: Int) -> Int { base + (i + 1) * stride }

  mutating func append(_ d: IterationDiagnostics) {
    latest = d
    if let v = d.trainLoss { newestTrainLoss = v }
    if let v = d.testLoss { newestTestLoss = v }
    if let v = d.trainAccuracy { newestTrainAccuracy = v }
    if let v = d.testAccuracy { newestTestAccuracy = v }
    guard d.step > base, (d.step - base) % stride == 0 else { return }
    batchLoss.append(d.batchLoss)
    trainLoss.append(d.trainLoss)
    testLoss.append(d.testLoss)
    trainAccuracy.append(d.trainAccuracy)
    testAccuracy.append(d.testAccuracy)
    for (l, layer) in d.layers.enumerated() { normDW[l].append(layer.normDW) }
    if let norms = d.deltaThroughTime { deltaThroughTime.append(norms) }
    entries.append(d)
    lossRange.include(d.trainLoss)
    lossRange.include(d.testLoss)
    if count >= capacity { thin() }
  }

  /// Keeps the entries whose steps fall on twice the stride.
  private mutating func thin() {
    func odd<T>(_ a: [T]) -> [T] { Swift.stride(from: 1, to: a.count, by: 2).map { a[$0] } }
    batchLoss = odd(batchLoss)
    trainLoss = odd(trainLoss)
    testLoss = odd(testLoss)
    trainAccuracy = odd(trainAccuracy)
    testAccuracy = odd(testAccuracy)
    normDW = normDW.map(odd)
    if !deltaThroughTime.isEmpty { deltaThroughTime = odd(deltaThroughTime) }
    entries = odd(entries)
    stride *= 2
    lossRange = ValueRange(of: trainLoss + testLoss)
  }

  /// Drops every entry after step `step`.
  mutating func truncate(toStep step: Int) {
    let keep = max(0, (step - base) / stride)
    guard keep < count else { return }
    batchLoss.removeSubrange(keep...)
    trainLoss.removeSubrange(keep...)
    testLoss.removeSubrange(keep...)
    trainAccuracy.removeSubrange(keep...)
    testAccuracy.removeSubrange(keep...)
    for l in normDW.indices { normDW[l].removeSubrange(keep...) }
    if deltaThroughTime.count > keep { deltaThroughTime.removeSubrange(keep...) }
    entries.removeSubrange(keep...)
    lossRange = ValueRange(of: trainLoss + testLoss)
    latest = nil
    newestTrainLoss = trainLoss.last { $0 != nil } ?? nil
    newestTestLoss = testLoss.last { $0 != nil } ?? nil
    newestTrainAccuracy = trainAccuracy.last { $0 != nil } ?? nil
    newestTestAccuracy = testAccuracy.last { $0 != nil } ?? nil
  }

  /// How many of the last n kept entries hold a training-set loss above the entry before:
  /// the rises of the loss plot's line over its last n points (n + 1 values, n changes). A
  /// full batch with a small enough rate falls at every step (0); one example a batch climbs
  /// about as often as it falls. Nil when fewer than n + 1 entries are kept or one of them was
  /// not measured.
  public func trainLossRises(last n: Int) -> Int? {
    guard n >= 1, trainLoss.count > n else { return nil }
    let recent = trainLoss.suffix(n + 1).compactMap { $0 }
    guard recent.count == n + 1 else { return nil }
    return zip(recent, recent.dropFirst()).filter { $1 > $0 }.count
  }

  /// ‖δ_t‖ over the kept entries, oldest first: the history of the gradient reaching time
  /// step t (1-based). Empty for a network without a recurrent layer; an entry of a step whose
  /// sequences had fewer than t steps reads 0.
  public func deltaThroughTime(at t: Int) -> [Double] {
    deltaThroughTime.map { $0.indices.contains(t - 1) ? $0[t - 1] : 0 }
  }

  /// Equal when every series holds the same bits, so that a NaN equals a NaN.
  public static func == (lhs: TrainingHistory, rhs: TrainingHistory) -> Bool {
    func same(_ a: [Double], _ b: [Double]) -> Bool {
      a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
    func same(_ a: [Double?], _ b: [Double?]) -> Bool {
      a.count == b.count && zip(a, b).allSatisfy { $0?.bitPattern == $1?.bitPattern }
    }
    return lhs.base == rhs.base && lhs.stride == rhs.stride && same(lhs.batchLoss, rhs.batchLoss)
      && same(lhs.trainLoss, rhs.trainLoss) && same(lhs.testLoss, rhs.testLoss)
      && same(lhs.trainAccuracy, rhs.trainAccuracy) && same(lhs.testAccuracy, rhs.testAccuracy)
      && lhs.normDW.count == rhs.normDW.count && zip(lhs.normDW, rhs.normDW).allSatisfy(same)
      && lhs.latest == rhs.latest && lhs.entries == rhs.entries
  }
}
