#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A seeded pseudo-random generator of our own: xoshiro256**, seeded through SplitMix64.
///
/// The system generator cannot be seeded, and the same seed must give the same run on every
/// machine, so every random choice in backstep (initial weights, data sets, shuffling, dropout)
/// draws from one of these.
public struct Xoshiro256: RandomNumberGenerator, Equatable, Sendable, Codable {
  /// The four words of state. Never all zero.
  public private(set) var state: [UInt64]

  /// Seeds the four words from SplitMix64, as the xoshiro authors recommend.
  public init(seed: UInt64) {
    var sm = seed
    var words = [UInt64]()
    for _ in 0..<4 {
      sm &+= 0x9E37_79B9_7F4A_7C15
      var z = sm
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      words.append(z ^ (z >> 31))
    }
    state = words
  }

  /// Restores a generator from saved state; nil when the state is not four non-zero words.
  public init?(state: [UInt64]) {
    guard state.count == 4, state.contains(where: { $0 != 0 }) else { return nil }
    self.state = state
  }

  public mutating func next() -> UInt64 {
    let result = rotl(state[1] &* 5, 7) &* 9
    let t = state[1] << 17
    state[2] ^= state[0]
    state[3] ^= state[1]
    state[1] ^= state[2]
    state[0] ^= state[3]
    state[2] ^= t
    state[3] = rotl(state[3], 45)
    return result
  }

  private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// A uniform double in [0, 1), from the top 53 bits.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform double in [low, high).
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * nextUnit()
  }

  /// A standard normal draw by the Box–Muller transform (one of the pair; no cached state,
  /// so the sequence depends only on the generator's four words).
  public mutating func normal(mean: Double = 0, std: Double = 1) -> Double {
    var u1 = nextUnit()
    while u1 <= 0 { u1 = nextUnit() }
    let u2 = nextUnit()
    return mean + std * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A uniform integer in 0..<n, without modulo bias (Lemire's method).
  public mutating func below(_ n: Int) -> Int {
    precondition(n > 0)
    let bound = UInt64(n)
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
    }
    return Int(product.high)
  }

  /// A Fisher–Yates permutation of 0..<n.
  public mutating func permutation(_ n: Int) -> [Int] {
    var p = Array(0..<n)
    if n > 1 {
      for i in stride(from: n - 1, to: 0, by: -1) {
        p.swapAt(i, below(i + 1))
      }
    }
    return p
  }
}
