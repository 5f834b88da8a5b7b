/// The data sets built into backstep: TF Playground's six, plus two moons and a three-class
/// spiral for softmax.
///
/// Points are generated in Playground's plane, [−6, 6]², with its formulas, and then divided by
/// 6 so that the inputs lie in about [−1, 1], where Xavier- or Playground-initialised networks
/// train well. Noise is Playground's slider, 0 to 50 (percent). Classes are 0 and 1 (Playground
/// uses −1 and +1); regression targets stay in [−1, 1]. docs/datasets.md describes each.
public enum BuiltinDataset: String, CaseIterable, Sendable {
  case circle
  case xor
  case gauss
  case spiral
  case plane
  case multigauss
  case moons
  case spiral3

  /// One line for `--help` and the screen.
  public var summary: String {
    switch self {
    case .circle: "two classes: a disc inside a ring"
    case .xor: "two classes in opposite quadrants"
    case .gauss: "two classes in two Gaussian clusters"
    case .spiral: "two classes in interleaved spirals"
    case .plane: "regression: a tilted plane, target (x + y)/10"
    case .multigauss: "regression: six Gaussian bumps of either sign"
    case .moons: "two classes in interleaving half circles"
    case .spiral3: "three classes in a three-armed spiral (softmax)"
    }
  }

  public var problem: Problem { self == .plane || self == .multigauss ? .regression : .classification }

  /// Generates `points` examples (rounded down to an even number for the two-class sets, as
  /// Playground does), in an order drawn from the seed. Throws for points < 2 or noise outside 0…50.
  public func generate(points: Int, noise: Double, seed: UInt64) throws -> Dataset {
    try Setting.points.validate(points)
    try Setting.noise.validate(noise)
    var rng = Xoshiro256(seed: seed ^ 0xDA7A_5E7D_0000_0000)
    let n = noise / 100
    var generator = PlaygroundGenerator(rng: rng)
    var raw: [(x: Double, y: Double, label: Double)]
    switch self {
    case .circle: raw = generator.circle(points, noise: n)
    case .xor: raw = generator.xor(points, noise: n)
    case .gauss: raw = generator.twoGauss(points, noise: n)
    case .spiral: raw = generator.spiral(points, noise: n)
    case .plane: raw = generator.plane(points, noise: n)
    case .multigauss: raw = generator.multiGauss(points, noise: n)
    case .moons: raw = generator.moons(points, noise: n)
    case .spiral3: raw = generator.spiral3(points, noise: n)
    }
    rng = generator.rng
    // The generators draw one class after another; the set comes out in a drawn order, as
    // Playground shuffles its points, so that its first rows (a split without shuffling, the
    // first batches) hold every class.
    raw = rng.permutation(raw.count).map { raw[$0] }
    var inputs = Matrix(rows: raw.count, cols: 2)
    for (i, p) in raw.enumerated() {
      inputs[i, 0] = p.x / 6
      inputs[i, 1] = p.y / 6
    }
    switch self {
    case .plane, .multigauss:
      return Dataset(
        name: rawValue, inputs: inputs, targets: Matrix(rows: raw.count, cols: 1, storage: raw.map(\.label)),
        problem: .regression, featureNames: ["x1", "x2"], targetNames: ["y"])
    case .spiral3:
      var targets = Matrix(rows: raw.count, cols: 3)
      let labels = raw.map { Int($0.label) }
      for (i, l) in labels.enumerated() { targets[i, l] = 1 }
      return Dataset(
        name: rawValue, inputs: inputs, targets: targets, labels: labels, problem: .classification,
        featureNames: ["x1", "x2"], targetNames: ["y0", "y1", "y2"])
    default:
      let labels = raw.map { $0.label > 0 ? 1 : 0 }
      return Dataset(
        name: rawValue, inputs: inputs, targets: Matrix(rows: raw.count, cols: 1, storage: labels.map(Double.init)),
        labels: labels, problem: .classification, featureNames: ["x1", "x2"], targetNames: ["y"])
    }
  }
}
