#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// TF Playground's data generators (its `dataset.ts`), drawing from our seeded generator.
///
/// Points are in Playground's plane, [−6, 6]². Two-class labels are −1 and +1 here, as there;
/// `noise` is the slider's fraction, 0…0.5. As in Playground, a point is stored where it was
/// drawn, but its label is read at the point plus noise, so noise blurs the boundary.
struct PlaygroundGenerator {
  var rng: Xoshiro256

  typealias Point = (x: Double, y: Double, label: Double)

  private mutating func uniform(_ a: Double, _ b: Double) -> Double { rng.uniform(a, b) }

  /// Playground's `normalRandom(mean, variance)`.
  private mutating func normal(_ mean: Double, variance: Double) -> Double {
    rng.normal(mean: mean, std: variance.squareRoot())
  }

  mutating func circle(_ count: Int, noise: Double) -> [Point] {
    let radius = 5.0
    func label(_ x: Double, _ y: Double) -> Double { (x * x + y * y).squareRoot() < radius * 0.5 ? 1 : -1 }
    var points: [Point] = []
    for (low, high) in [(0.0, radius * 0.5), (radius * 0.7, radius)] {
      for _ in 0..<(count / 2) {
        let r = uniform(low, high)
        let angle = uniform(0, 2 * Double.pi)
        let x = r * sin(angle), y = r * cos(angle)
        let nx = uniform(-radius, radius) * noise, ny = uniform(-radius, radius) * noise
        points.append((x, y, label(x + nx, y + ny)))
      }
    }
    return points
  }

  mutating func xor(_ count: Int, noise: Double) -> [Point] {
    let padding = 0.3
    var points: [Point] = []
    for _ in 0..<(count / 2 * 2) {
      var x = uniform(-5, 5)
      x += x > 0 ? padding : -padding
      var y = uniform(-5, 5)
      y += y > 0 ? padding : -padding
      let nx = uniform(-5, 5) * noise, ny = uniform(-5, 5) * noise
      points.append((x, y, (x + nx) * (y + ny) >= 0 ? 1 : -1))
    }
    return points
  }

  mutating func twoGauss(_ count: Int, noise: Double) -> [Point] {
    // Playground maps noise 0…0.5 linearly onto a variance of 0.5…4.
    let variance = 0.5 + noise / 0.5 * 3.5
    var points: [Point] = []
    for (cx, cy, label) in [(2.0, 2.0, 1.0), (-2.0, -2.0, -1.0)] {
      for _ in 0..<(count / 2) {
        points.append((normal(cx, variance: variance), normal(cy, variance: variance), label))
      }
    }
    return points
  }

  mutating func spiral(_ count: Int, noise: Double) -> [Point] {
    let n = count / 2
    var points: [Point] = []
    for (deltaT, label) in [(0.0, 1.0), (Double.pi, -1.0)] {
      for i in 0..<n {
        let r = Double(i) / Double(n) * 5
        let t = 1.75 * Double(i) / Double(n) * 2 * Double.pi + deltaT
        let x = r * sin(t) + uniform(-1, 1) * noise
        let y = r * cos(t) + uniform(-1, 1) * noise
        points.append((x, y, label))
      }
    }
    return points
  }

  mutating func plane(_ count: Int, noise: Double) -> [Point] {
    let radius = 6.0
    var points: [Point] = []
    for _ in 0..<count {
      let x = uniform(-radius, radius), y = uniform(-radius, radius)
      let nx = uniform(-radius, radius) * noise, ny = uniform(-radius, radius) * noise
      // Playground's labelScale maps −10…10 onto −1…1.
      points.append((x, y, (x + nx + y + ny) / 10))
    }
    return points
  }

  mutating func multiGauss(_ count: Int, noise: Double) -> [Point] {
    let radius = 6.0
    let bumps: [(Double, Double, Double)] = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
    func label(_ x: Double, _ y: Double) -> Double {
      var best = 0.0
      for (cx, cy, sign) in bumps {
        let d = ((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot()
        // Playground's labelScale maps a distance of 0…2 onto 1…0, clamped.
        let v = sign * max(0, min(1, 1 - d / 2))
        if abs(v) > abs(best) { best = v }
      }
      return best
    }
    var points: [Point] = []
    for _ in 0..<count {
      let x = uniform(-radius, radius), y = uniform(-radius, radius)
      let nx = uniform(-radius, radius) * noise, ny = uniform(-radius, radius) * noise
      points.append((x, y, label(x + nx, y + ny)))
    }
    return points
  }

  /// Two interleaving half circles of radius 3, centred so the pair fills the plane.
  mutating func moons(_ count: Int, noise: Double) -> [Point] {
    var points: [Point] = []
    for (label, dx, dy, flip) in [(1.0, -1.5, -0.75, 1.0), (-1.0, 1.5, 0.75, -1.0)] {
      for _ in 0..<(count / 2) {
        let t = uniform(0, Double.pi)
        let x = 3 * cos(t) * flip + dx + normal(0, variance: 1) * noise * 2
        let y = 3 * sin(t) * flip + dy + normal(0, variance: 1) * noise * 2
        points.append((x, y, label))
      }
    }
    return points
  }

  /// Three spiral arms, 120° apart, labelled 0, 1, 2.
  mutating func spiral3(_ count: Int, noise: Double) -> [Point] {
    var points: [Point] = []
    for k in 0..<3 {
      let n = count / 3 + (k < count % 3 ? 1 : 0)
      for i in 0..<n {
        let r = Double(i) / Double(max(n, 1)) * 5 + 0.3
        let t = 1.25 * Double(i) / Double(max(n, 1)) * 2 * Double.pi + Double(k) * 2 * Double.pi / 3
        let x = r * sin(t) + uniform(-1, 1) * noise
        let y = r * cos(t) + uniform(-1, 1) * noise
        points.append((x, y, Double(k)))
      }
    }
    return points
  }
}
