#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The built-in sequence sets, each row one sequence of T time steps, step-major (see
/// ``Dataset/steps``), drawn from a seeded generator.
struct SequenceGenerator {
  var rng: Xoshiro256

  /// Hochreiter and Schmidhuber's adding problem: at each step a value u_t uniform in [0, 1)
  /// and a marker m_t ∈ {0, 1}, two steps marked (distinct, drawn uniformly); the target is the
  /// sum of the two marked values. Features (u, m) per step; needs T ≥ 2.
  mutating func adding(_ n: Int, steps T: Int) -> (inputs: Matrix, targets: [Double]) {
    var x = Matrix(rows: n, cols: 2 * T)
    var y = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let first = rng.below(T)
      var second = rng.below(T - 1)
      if second >= first { second += 1 }
      for t in 0..<T {
        let u = rng.nextUnit()
        let marked = t == first || t == second
        x[i, 2 * t] = u
        x[i, 2 * t + 1] = marked ? 1 : 0
        if marked { y[i] += u }
      }
    }
    return (x, y)
  }

  /// Parity: T bits, each 0 or 1 with equal chance; the target is 1 when an odd number are 1.
  mutating func parity(_ n: Int, steps T: Int) -> (inputs: Matrix, targets: [Double]) {
    var x = Matrix(rows: n, cols: T)
    var y = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var ones = 0
      for t in 0..<T {
        let bit = rng.below(2)
        x[i, t] = Double(bit)
        ones += bit
      }
      y[i] = Double(ones % 2)
    }
    return (x, y)
  }

  /// A noisy sine window: x_t = sin(φ + t·ω) + ε_t, t = 1 … T, with the phase φ uniform in
  /// [0, 2π), the step ω uniform in [0.2, 0.6) and ε_t normal with deviation `noise`; the target
  /// is the next value without noise, sin(φ + (T + 1)·ω).
  mutating func sine(_ n: Int, steps T: Int, noise: Double) -> (inputs: Matrix, targets: [Double]) {
    var x = Matrix(rows: n, cols: T)
    var y = [Double](repeating: 0, count: n)
    for i in 0..<n {
      let phase = rng.uniform(0, 2 * Double.pi), omega = rng.uniform(0.2, 0.6)
      for t in 0..<T {
        x[i, t] = sin(phase + Double(t + 1) * omega) + (noise > 0 ? rng.normal(std: noise) : 0)
      }
      y[i] = sin(phase + Double(T + 1) * omega)
    }
    return (x, y)
  }
}
