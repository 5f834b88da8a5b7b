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
  public init(of values: [Double]) {
    self.init(ValueSums(values), of: values)
  }

  /// The scale from a pass already made over `values`; a second pass finds the first
  /// non-finite value only when there is one.
  init(_ sums: ValueSums, of values: [Double]) {
    self.init(largest: sums.largest, nonFinite: sums.probe.isNaN ? values.first { !$0.isFinite } : nil)
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

/// One pass over a map's values, for what the readings need of it: Σ|x| (a mean |x|), Σx² (a
/// norm) and the largest finite |x|. The sums run in storage order, as ``Matrix/meanAbsolute``
/// and ``Matrix/frobeniusNorm`` do, so they give the same bits.
struct ValueSums {
  var sumAbs = 0.0
  var sumSquares = 0.0
  var largest = 0.0
  /// NaN when a value is not finite (x − x is NaN for NaN and ±∞, 0 otherwise).
  var probe = 0.0

  /// One pass over the values, written without generic helpers: every stage measures its
  /// maps through here, and an unoptimised build would otherwise spend most of a lesson's
  /// check in `abs` and `max` looked up at run time.
  init(_ values: [Double]) {
    values.withUnsafeBufferPointer { buffer in
      for v in buffer {
        let m = v.magnitude
        sumAbs += m
        sumSquares += v * v
        probe += v - v
        if v.isFinite && m > largest { largest = m }
      }
    }
  }
}
