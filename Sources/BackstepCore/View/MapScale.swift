/// The size of one map's values, measured once where the values are computed, so that a
/// colour scale drawn from it needs no pass over the values.
///
/// Non-finite values are left out of `largest` (a NaN is drawn as NaN, never as a colour) and
/// kept apart in `nonFinite`, so that a label can still name them.
public struct MapScale: Equatable, Sendable {
  /// The largest finite |x|, 0 when there is none.
  public var largest: Double
  /// The first NaN or ±∞ among the values, if any.
  public var nonFinite: Double?

  public init(largest: Double = 0, nonFinite: Double? = nil) {
    self.largest = largest
    self.nonFinite = nonFinite
  }

  /// The values of a map of any shape, in storage order.
  public init(of values: some Sequence<Double>) {
    var m = 0.0
    var bad: Double?
    for v in values {
      if v.isFinite {
        m = max(m, abs(v))
      } else if bad == nil {
        bad = v
      }
    }
    self.init(largest: m, nonFinite: bad)
  }

  /// The colour limit ±limit of a diverging scale (and the top of a log scale): the largest
  /// finite |x|, or 1 when every value is 0 or not finite.
  public var limit: Double { largest > 0 ? largest : 1 }

  /// The size to print beside a map: its NaN or ∞ when it has one, else its largest |x|.
  public var shown: Double { nonFinite ?? largest }

  /// One scale over several maps: the largest of their largest, the first of their non-finite.
  public static func combined(_ scales: some Sequence<MapScale>) -> MapScale {
    scales.reduce(MapScale()) { MapScale(largest: max($0.largest, $1.largest), nonFinite: $0.nonFinite ?? $1.nonFinite) }
  }
}
