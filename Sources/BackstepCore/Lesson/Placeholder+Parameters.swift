/// The readings of a layer's parameters and of the loss curve that lessons about the update
/// name: one entry of W, dW or ΔW, and how often the training-set loss rose.
extension Placeholder {
  /// Entry (i, j) of layer L's matrix in the W slot, `[n × n_in]` (a dense W; a batchnorm γ
  /// as n × 1; a recurrent layer's [W_ih | W_hh]), with `a` = [L, i, j] 1-based. `fresh` is the
  /// stage that must have run in this iteration for the matrix to hold this step's values.
  static func parameterEntry(
    _ s: Stepper, _ a: [Int], of name: String, fresh stage: Stage?, _ matrix: (Int) -> Matrix
  ) throws(LessonValueMissing) -> Double {
    try layer(s, a[0])
    if let stage { try fresh(s, stage) }
    let m = matrix(a[0])
    guard m.count > 0 else { throw LessonValueMissing("\(name)_\(a[0]) was not kept by this step") }
    guard a[1] <= m.rows, a[2] <= m.cols else {
      throw LessonValueMissing("\(name)_\(a[0]) is \(m.rows) × \(m.cols); there is no entry \(a[1]) \(a[2])")
    }
    return m[a[1] - 1, a[2] - 1]
  }

  /// The rises of the training-set loss over the last n steps (see
  /// ``TrainingHistory/trainLossRises(last:)``), or why the history cannot say.
  static func lossRises(_ s: Stepper, over n: Int) throws(LessonValueMissing) -> Int {
    guard s.history.stride == 1 else {
      throw LessonValueMissing("the history keeps one step in \(s.history.stride) by now, so it cannot count the rises of each step")
    }
    guard let rises = s.history.trainLossRises(last: n) else {
      throw LessonValueMissing("the training-set loss has not been measured at each of the last \(n + 1) steps")
    }
    return rises
  }
}
