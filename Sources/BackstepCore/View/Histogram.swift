/// How a tensor's values are spread: counts in a fixed number of equal bins over a range read
/// from the map's ``MapScale`` (no second pass to find it), with NaN and ±∞ counted apart, as
/// they have no place on the axis.
///
/// For a wide layer, whose heat map cannot give every unit a cell, this is the shape of all of
/// its values at once. The range is ±limit, or 0…limit for a map whose values cannot be negative
/// (a ReLU's or sigmoid's a, a variance); a finite value outside it (a stale scale) is counted
/// in the nearest end bin, so that the counts always add up to the values.
public struct Histogram: Equatable, Sendable {
  /// The bins every histogram has, so that layers compare bin by bin.
  public static let binCount = 32

  /// The axis the bins divide equally, low to high.
  public var range: ClosedRange<Double>
  /// `[binCount]`: how many finite values fall in each bin; bin i covers
  /// [low + i·w, low + (i+1)·w), the last one closed, w = (high − low) / binCount.
  public var counts: [Int]
  public var nan: Int
  public var positiveInfinity: Int
  public var negativeInfinity: Int
  /// The largest bin count, the top of a count axis (0 when no value is finite).
  public var largestCount: Int

  /// Bins `values` over ±`scale.limit`, or 0…`scale.limit` when `nonNegative`.
  public init(of values: [Double], scale: MapScale, nonNegative: Bool = false, bins: Int = Histogram.binCount) {
    let high = scale.limit
    let low = nonNegative ? 0 : -high
    range = low...high
    var counts = [Int](repeating: 0, count: max(1, bins))
    var nan = 0, positive = 0, negative = 0
    let perUnit = Double(counts.count) / (high - low)
    for v in values {
      if v.isNaN {
        nan += 1
      } else if v == .infinity {
        positive += 1
      } else if v == -.infinity {
        negative += 1
      } else {
        let bin = Int(((v - low) * perUnit).rounded(.down))
        counts[min(max(bin, 0), counts.count - 1)] += 1
      }
    }
    self.counts = counts
    self.nan = nan
    positiveInfinity = positive
    negativeInfinity = negative
    largestCount = counts.max() ?? 0
  }

  /// Every value counted: the bins' and the non-finite ones'.
  public var total: Int { counts.reduce(0, +) + nonFinite }
  /// NaN and ±∞ together.
  public var nonFinite: Int { nan + positiveInfinity + negativeInfinity }
}
