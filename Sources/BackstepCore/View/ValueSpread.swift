/// The size and spread of a tensor's values, for a summary line: its L2 norm and the range of
/// its finite values, with the NaN and ±∞ counted apart so that a summary can say so.
public struct ValueSpread: Equatable, Sendable {
  /// ‖x‖₂ over the finite values.
  public var norm: Double
  /// The smallest and largest finite value; nil when there is none.
  public var range: ClosedRange<Double>?
  /// The median of the finite values; nil when there is none.
  public var median: Double?
  /// How many values are NaN or ±∞.
  public var nonFinite: Int

  /// One pass for the norm and range, and a sort for the median: O(n log n) for n values.
  public init(of values: [Double]) {
    let finite = values.filter(\.isFinite).sorted()
    norm = finite.reduce(0) { $0 + $1 * $1 }.squareRoot()
    range = finite.first.flatMap { low in finite.last.map { low...$0 } }
    nonFinite = values.count - finite.count
    if finite.isEmpty {
      median = nil
    } else {
      let mid = finite.count / 2
      median = finite.count % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2
    }
  }
}
