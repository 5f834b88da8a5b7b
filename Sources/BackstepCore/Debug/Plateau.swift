/// A plateau of the training loss, read from the history: at step t, the best batch loss of
/// the last N steps (t−N, t] is not 0.1 % below the best of every step up to t−N. Needs at
/// least one entry at or before t−N. Documented in docs/diagnostics.md.
public struct Plateau: Equatable, Sendable {
  /// The relative improvement that counts: 0.1 %.
  public static let improvement = 0.001

  /// The best loss up to N steps ago, and the step it was reached.
  public var best: Double
  public var bestStep: Int
  /// The best loss of the last N steps.
  public var recent: Double
}

extension TrainingHistory {
  /// The plateau of N steps at the history's entry `i`, or nil when the loss improved by 0.1 %
  /// over them (or the history is too short, or a loss is not finite). One pass over the kept
  /// entries up to i; with a thinned history the steps are those kept.
  public func plateau(steps n: Int, at i: Int) -> Plateau? {
    guard i >= 0, i < count else { return nil }
    let cutoff = step(at: i) - n
    var best = Double.infinity, bestStep = 0, recent = Double.infinity
    for j in 0...i {
      let loss = batchLoss[j]
      guard loss.isFinite else { return nil }
      if step(at: j) <= cutoff {
        if loss < best { (best, bestStep) = (loss, step(at: j)) }
      } else {
        recent = min(recent, loss)
      }
    }
    guard best.isFinite, recent.isFinite, !(recent < best - Plateau.improvement * abs(best)) else { return nil }
    return Plateau(best: best, bestStep: bestStep, recent: recent)
  }
}
