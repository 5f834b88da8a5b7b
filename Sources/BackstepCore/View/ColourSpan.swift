/// The values a heat map's colours run over: a sequential scale from zero for values that
/// cannot be negative, a diverging scale centred on zero for signed ones.
///
/// Taken from the map's ``MapScale`` and what its values can be (``ShownMap/range(activation:)``),
/// never from the values themselves: a sigmoid layer whose outputs all happen to lie near 0.5
/// is drawn half way up 0…1, not as the top of its own scale.
public struct ColourSpan: Equatable, Sendable {
  /// True: from 0 to `top`; false: from −`top` to +`top`.
  public var fromZero: Bool
  /// The top of the scale, > 0.
  public var top: Double
  /// Whether `top` is the bound of the values' range rather than the map's largest |x|.
  public var isRange: Bool

  public init(fromZero: Bool = false, top: Double, isRange: Bool = false) {
    self.fromZero = fromZero
    self.top = top
    self.isRange = isRange
  }

  /// The span of a map measured as `scale` whose values lie in `range` (nil: any value):
  /// bounded on both sides, the range's larger |end|; otherwise the scale's limit.
  public init(_ scale: MapScale, within range: ClosedRange<Double>?) {
    let bound = range.map { max(abs($0.lowerBound), abs($0.upperBound)) }
    let bounded = bound.map(\.isFinite) ?? false
    self.init(fromZero: (range?.lowerBound ?? -1) >= 0, top: bounded ? bound ?? 1 : scale.limit, isRange: bounded)
  }
}
