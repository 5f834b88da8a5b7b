/// Which training rows each step uses.
///
/// The rows form an endless stream, epoch after epoch. Without shuffling, epoch e is 0…N−1 in
/// order, so step t (1-based) with batch size k takes rows (t−1)k … tk−1 modulo N, as docs/maths.md
/// says. With shuffling, each epoch is its own permutation, drawn from a generator seeded by
/// (seed, epoch) alone: the schedule's whole state is one position, which makes rewinding cheap.
public struct BatchSchedule: Equatable, Sendable {
  public let count: Int
  public let batchSize: Int
  public let shuffle: Bool
  public let seed: UInt64
  /// Rows consumed so far: the stream position of the next batch.
  public var position: Int = 0

  private var cachedEpoch: Int = -1
  private var cachedOrder: [Int] = []

  public init(count: Int, batchSize: Int?, shuffle: Bool, seed: UInt64) {
    self.count = count
    self.batchSize = Self.rows(batchSize, of: count)
    // A full batch sums the same rows whatever their order: keep it in order.
    self.shuffle = shuffle && self.batchSize < count
    self.seed = seed
  }

  /// The rows a step takes for a batch size (nil: the full set) out of `count`: at least 1, at
  /// most the set.
  public static func rows(_ batchSize: Int?, of count: Int) -> Int { min(max(1, batchSize ?? count), max(count, 1)) }

  /// Whole epochs completed so far.
  public var epoch: Int { count == 0 ? 0 : position / count }

  /// Steps that make one epoch, rounded up.
  public var stepsPerEpoch: Int { count == 0 ? 1 : (count + batchSize - 1) / batchSize }

  /// The row indices of the next batch, advancing the position.
  public mutating func next() -> [Int] {
    // In order and within one epoch, the rows are a range: no division per row.
    let start = count > 0 ? position % count : 0
    if !shuffle && count > 0 && start + batchSize <= count {
      position += batchSize
      return Array(start..<(start + batchSize))
    }
    var rows = [Int]()
    rows.reserveCapacity(batchSize)
    for p in position..<(position + batchSize) { rows.append(row(at: p)) }
    position += batchSize
    return rows
  }

  private mutating func row(at p: Int) -> Int {
    let e = p / count, i = p % count
    guard shuffle else { return i }
    if e != cachedEpoch {
      var rng = Xoshiro256(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(e) &+ 0xB47C_5EED)
      cachedOrder = rng.permutation(count)
      cachedEpoch = e
    }
    return cachedOrder[i]
  }

  public static func == (lhs: BatchSchedule, rhs: BatchSchedule) -> Bool {
    lhs.count == rhs.count && lhs.batchSize == rhs.batchSize && lhs.shuffle == rhs.shuffle
      && lhs.seed == rhs.seed && lhs.position == rhs.position
  }
}
