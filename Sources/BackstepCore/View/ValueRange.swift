/// The smallest and largest finite values of a series, and the smallest and largest above 0:
/// the extent of a plot's linear and log axes, kept as values arrive so that the plot reads it
/// rather than scanning the series each frame. A NaN or ±∞ is left out (the plot marks it).
public struct ValueRange: Equatable, Sendable {
  public private(set) var low = Double.infinity
  public private(set) var high = -Double.infinity
  public private(set) var lowPositive = Double.infinity
  public private(set) var highPositive = -Double.infinity

  public init() {}

  /// The range of `values`; nil entries (steps not measured) are skipped.
  public init(of values: some Sequence<Double?>) {
    for v in values { include(v) }
  }

  public mutating func include(_ value: Double?) {
    guard let v = value, v.isFinite else { return }
    low = min(low, v)
    high = max(high, v)
    if v > 0 {
      lowPositive = min(lowPositive, v)
      highPositive = max(highPositive, v)
    }
  }

  /// The range of both: for one axis under two series, each measured once on its own.
  public func union(_ other: ValueRange) -> ValueRange {
    var r = self
    r.low = min(low, other.low)
    r.high = max(high, other.high)
    r.lowPositive = min(lowPositive, other.lowPositive)
    r.highPositive = max(highPositive, other.highPositive)
    return r
  }

  /// The axis's ends: the values themselves, or their log10 over the positive ones; nil when
  /// there is no value to place.
  public func ends(log: Bool) -> (low: Double, high: Double)? {
    if log { return lowPositive <= highPositive ? (Elementary.log10(lowPositive), Elementary.log10(highPositive)) : nil }
    return low <= high ? (low, high) : nil
  }

  /// Whether every value is above 0 and the largest is more than `decades` powers of ten above
  /// the smallest: a linear axis would flatten all but the first drop of such a series (a loss
  /// from 2 to 0.001), a log axis shows each decade alike.
  public func spans(moreThan decades: Double) -> Bool {
    guard low > 0, lowPositive <= highPositive else { return false }
    return Elementary.log10(highPositive) - Elementary.log10(lowPositive) > decades
  }
}
