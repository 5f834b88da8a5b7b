/// Run mode's checked stepping and the NaN watch: which stage first produced a NaN or an
/// infinity, found as the stage runs.
extension Stepper {
  /// A NaN or infinity in what one stage just computed.
  public struct StageFault: Equatable, Sendable {
    /// The step, the stage and the quantity ("z", "a", "loss", "δ", "dW", "weights").
    public var event: NonFiniteEvent
    /// Whether the quantity holds a NaN; otherwise it holds only infinities.
    public var isNaN: Bool
  }

  /// The first quantity of `stage`'s output in the current record that holds a NaN or an
  /// infinity: z then a after forward(l), the loss, δ then dW after backward(l), and every
  /// weight and bias after the update. Nil when they are all finite, or when `stage` has not
  /// run in this iteration. Costs one pass over the values, far less than the stage itself.
  public func fault(in stage: Stage) -> StageFault? {
    guard isFresh(stage) else { return nil }
    let quantities: [(String, [Double])]
    switch stage {
    case .forward(let l): quantities = [("z", record.layers[l - 1].z.storage), ("a", record.layers[l - 1].a.storage)]
    case .loss: quantities = [("loss", [record.loss])]
    case .backward(let l): quantities = [("δ", record.layers[l - 1].delta.storage), ("dW", record.layers[l - 1].dW.storage)]
    case .update:
      // Every parameter is gathered only when one is not finite: run mode asks after each update.
      if network.layers.allSatisfy(\.isFinite) { return nil }
      quantities = [("weights", network.parameters.flatMap { network.values(of: $0.key) })]
    }
    for (name, values) in quantities where !values.allSatisfy(\.isFinite) {
      let event = NonFiniteEvent(step: record.step, stage: stage, quantity: name)
      return StageFault(event: event, isNaN: values.contains { $0.isNaN })
    }
    return nil
  }

  /// Runs one stage, as ``advance()`` does, and says whether its output holds a NaN or an
  /// infinity.
  @discardableResult
  public mutating func advanceChecked() -> StageFault? {
    // Two statements: in `fault(in: advance())` the receiver would be read before advancing.
    let stage = advance()
    return fault(in: stage)
  }

  /// Runs the stages left in the current iteration (a whole one when it is complete), stage
  /// by stage, and stops right after the first stage whose output is not finite. The values
  /// are those of ``finishIteration()`` to the last bit: it is the same sequence of stages.
  public mutating func finishIterationChecked() -> StageFault? {
    repeat {
      if let fault = advanceChecked() { return fault }
    } while reached < stages.count
    return nil
  }

  // MARK: - The NaN watch

  mutating func watch(_ m: Matrix, _ quantity: String, _ stage: Stage) {
    if firstNonFinite == nil && !m.isFinite { noteNonFinite(quantity, stage) }
  }

  mutating func noteNonFinite(_ quantity: String, _ stage: Stage) {
    if firstNonFinite == nil { firstNonFinite = NonFiniteEvent(step: record.step, stage: stage, quantity: quantity) }
  }
}
