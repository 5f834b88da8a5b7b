/// How one entry of δ_t was made in backpropagation through time: δ_{u,t} = dL/dh_{u,t} ·
/// f′(z_{u,t}), where dL/dh_t is dL/da from the layer above at t = T (where the gradient
/// enters the layer) and (δ_{t+1}·W_hh)_u below it (what one step back through W_hh keeps).
public struct TimeStepDelta: Equatable, Sendable {
  /// The time step, 1-based.
  public let t: Int
  /// dL/dh_{u,t}, what reaches h_t.
  public let incoming: Double
  /// f′(z_{u,t}).
  public let fPrime: Double
  /// dL/dh_t came from the layer above (t = T) rather than from δ_{t+1}·W_hh.
  public let fromAbove: Bool

  /// dL/dh_{u,t} · f′(z_{u,t}), in the engine's order: the bits of δ_{u,t}.
  public var value: Double { incoming * fPrime }
}

extension Stepper {
  /// How δ_t of `unit` (0-based) for the example at `position` of the batch was made, from
  /// the values and the W_hh the stage used (W_hh before this iteration's update once the
  /// update has run); nil before backward(l, t) has run in this iteration or for a layer that
  /// is not recurrent. One row of one product: cheap enough to ask for on every frame.
  public func timeStepDelta(layer l: Int, example position: Int, unit u: Int, t: Int) -> TimeStepDelta? {
    guard network.layers.indices.contains(l - 1), let layer = network.layers[l - 1].recurrent, let steps = record.layers[l - 1].recurrent,
      isFresh(.backwardStep(l, t: t)), steps.delta.indices.contains(t - 1), u >= 0, u < layer.units, position >= 0, position < steps.z[t - 1].rows
    else { return nil }
    let H = layer.units
    let fPrime = layer.activation.derivative(z: steps.z[t - 1][position, u], a: steps.h[t - 1][position, u])
    if t == steps.count {
      let upstream = l == network.depth ? record.dLdaOutput : record.layers[l].dAPrev
      guard position < upstream.rows, u < upstream.cols else { return nil }
      return TimeStepDelta(t: t, incoming: upstream[position, u], fPrime: fPrime, fromAbove: true)
    }
    let used = record.parametersBefore[ParameterKey(layer: l, name: .weightsHH)]
    let weights = isFresh(.update) && used?.count == H * H ? Matrix(rows: H, cols: H, storage: used ?? []) : layer.weightsHH
    let next = steps.delta[t]
    guard position < next.rows else { return nil }
    var incoming = Matrix(rows: 0, cols: 0)
    Kernels.inputGradient(Matrix(rows: 1, cols: H, storage: next.row(position)), weights, into: &incoming)
    return TimeStepDelta(t: t, incoming: incoming[0, u], fPrime: fPrime, fromAbove: false)
  }
}
