/// The NaN watch and the `nan` breakpoint: which stage first produced a NaN or an infinity,
/// found as the stage runs.
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
  /// run in this iteration. Reads the readings the stage took, so a finite stage costs no pass
  /// over its values; they are looked through only to tell a NaN from an infinity.
  public func fault(in stage: Stage) -> StageFault? {
    guard isFresh(stage), let found = nonFiniteQuantity(of: stage) else { return nil }
    return StageFault(event: NonFiniteEvent(step: record.step, stage: stage, quantity: found.name), isNaN: found.values().contains { $0.isNaN })
  }

  /// The first quantity of `stage`'s output holding a NaN or an infinity, with a way to gather
  /// its values. Forward and backward stages are read from their readings (z, a; δ, dW), so no
  /// output is scanned twice; the loss is one number; the weights are checked whole.
  func nonFiniteQuantity(of stage: Stage) -> (name: String, values: () -> [Double])? {
    let l: Int
    let maps: [(ShownMap, String, Matrix)]
    switch stage {
    case .forward(let layer), .forwardStep(let layer, _):
      l = layer
      maps = [(.z, "z", record.layers[l - 1].z), (.a, "a", record.layers[l - 1].a)]
    case .backward(let layer), .backwardStep(let layer, _):
      l = layer
      maps = [(.delta, "δ", record.layers[l - 1].delta), (.dW, "dW", record.layers[l - 1].dW)]
    case .loss:
      let loss = record.loss
      return loss.isFinite ? nil : ("loss", { [loss] })
    case .update:
      let network = network
      return network.layers.allSatisfy(\.isFinite) ? nil : ("weights", { network.parameters.flatMap { network.values(of: $0.key) } })
    }
    guard let (_, name, matrix) = maps.first(where: { scale(of: $0.0, layer: l).nonFinite != nil }) else { return nil }
    return (name, { matrix.storage })
  }

  // MARK: - The NaN watch

  /// Notes the first NaN or ∞ of a forward or backward stage, from the readings it just took.
  mutating func watch(_ stage: Stage) {
    if firstNonFinite == nil, let found = nonFiniteQuantity(of: stage) { noteNonFinite(found.name, stage) }
  }

  mutating func noteNonFinite(_ quantity: String, _ stage: Stage) {
    if firstNonFinite == nil { firstNonFinite = NonFiniteEvent(step: record.step, stage: stage, quantity: quantity) }
  }
}
