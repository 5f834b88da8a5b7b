/// A recurrent layer's values over time for one example of the batch, as its band draws them:
/// z_t, h_t, f′(z_t) and δ_t for t = 1 … T, each a map of H units × T time steps (row u − 1,
/// column t − 1). A column holds a step's values only once its stage has run in this iteration
/// (forward(l, t) for z and h, backward(l, t) for f′ and δ); the others are 0 and not
/// ``isPresent(_:t:)``, so that the maps fill in one column a key, h from the left and δ from
/// the right, and never show the previous iteration's values.
///
/// The colour scales are those the stages measured over the whole batch
/// (``TimeStepReading``), combined over the steps present: the selected example is drawn on
/// the batch's scale, so that moving to another example does not change what a colour means.
public struct TimeMaps: Equatable, Sendable {
  /// The recurrent layer, 1-based, and the example, 0-based in the batch.
  public let layer: Int
  public let example: Int
  /// H and T.
  public let units: Int
  public let steps: Int
  /// `[H × T]` each.
  public let z: Matrix
  public let h: Matrix
  public let fPrime: Matrix
  public let delta: Matrix
  /// `forwardRun[t − 1]`: forward(l, t) has run in this iteration; `backwardRun` likewise.
  public let forwardRun: [Bool]
  public let backwardRun: [Bool]
  /// The time step the layer's record holds (``Stepper/shownTimeStep(layer:)``), which the band
  /// marks; nil before the first stage.
  public let current: Int?
  /// Each map's scale over the batch and the steps present.
  public let scales: [ShownMap: MapScale]

  /// The map drawn for `map` (`.a` is h); nil for a map the band does not draw over time.
  public func values(_ map: ShownMap) -> Matrix? {
    switch map {
    case .z: z
    case .a: h
    case .fPrime: fPrime
    case .delta: delta
    default: nil
    }
  }

  /// Whether the maps drawn over time hold `map`: z, a (h), f′(z) and δ.
  public static func isOverTime(_ map: ShownMap) -> Bool { map == .z || map == .a || map == .fPrime || map == .delta }

  /// Whether step t (1-based) of `map` has been computed in this iteration.
  public func isPresent(_ map: ShownMap, t: Int) -> Bool {
    let run = map == .z || map == .a ? forwardRun : backwardRun
    return run.indices.contains(t - 1) && run[t - 1]
  }

  /// The scale of `map` over the batch and the steps present; empty (limit 1) before any.
  public func scale(of map: ShownMap) -> MapScale { scales[map] ?? MapScale() }

  /// The time steps shown when only `columns` fit: all T when they fit, else `columns`
  /// consecutive steps with `current` in the middle (as near as the ends allow), so that the
  /// column being filled in is always on screen with its neighbours.
  public static func window(columns: Int, steps T: Int, current: Int?) -> ClosedRange<Int> {
    let n = max(1, min(columns, T))
    guard n < T else { return 1...max(1, T) }
    let start = min(max((current ?? 1) - n / 2, 1), T - n + 1)
    return start...(start + n - 1)
  }
}

extension Stepper {
  /// Layer l's values over time for the example at `position` of the batch; nil when layer l
  /// is not recurrent, before its first forward stage, or past the batch.
  public func timeMaps(layer l: Int, example position: Int) -> TimeMaps? {
    guard network.layers.indices.contains(l - 1), let layer = network.layers[l - 1].recurrent, let steps = record.layers[l - 1].recurrent else { return nil }
    let H = layer.units, T = steps.count
    guard T > 0, position >= 0, position < record.input.rows else { return nil }
    let forwardRun = (1...T).map { isFresh(.forwardStep(l, t: $0)) }
    let backwardRun = (1...T).map { isFresh(.backwardStep(l, t: $0)) }
    /// Column t − 1 of each map is the example's row of step t's `[B × H]` matrix.
    func overTime(_ run: [Bool], _ value: (Int, Int) -> Double) -> Matrix {
      var m = Matrix(rows: H, cols: T)
      for t in 0..<T where run[t] {
        for u in 0..<H { m.storage[u * T + t] = value(t, position * H + u) }
      }
      return m
    }
    let f = layer.activation
    let z = overTime(forwardRun) { steps.z[$0].storage[$1] }
    let h = overTime(forwardRun) { steps.h[$0].storage[$1] }
    let delta = overTime(backwardRun) { steps.delta[$0].storage[$1] }
    let fPrime = overTime(backwardRun) { f.derivative(z: steps.z[$0].storage[$1], a: steps.h[$0].storage[$1]) }
    /// The scales the stages measured, over the steps present.
    func combined(_ run: [Bool], _ scale: (TimeStepReading) -> MapScale?) -> MapScale {
      MapScale.combined((0..<T).compactMap { run[$0] && steps.readings.indices.contains($0) ? scale(steps.readings[$0]) : nil })
    }
    let scales: [ShownMap: MapScale] = [
      .z: combined(forwardRun, \.z), .a: combined(forwardRun, \.h), .delta: combined(backwardRun, \.delta), .fPrime: combined(backwardRun, \.fPrime),
    ]
    return TimeMaps(
      layer: l, example: position, units: H, steps: T, z: z, h: h, fPrime: fPrime, delta: delta, forwardRun: forwardRun, backwardRun: backwardRun,
      current: shownTimeStep(layer: l), scales: scales)
  }
}
