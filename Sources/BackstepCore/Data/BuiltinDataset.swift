/// The data sets built into backstep: TF Playground's six, plus two moons and a three-class
/// spiral for softmax, and three sets of sequences for a recurrent network (adding, parity,
/// sine; see ``SequenceGenerator``).
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
  case adding
  case parity
  case sine

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
    case .adding: "sequences: the adding problem, the sum of the two marked values (regression)"
    case .parity: "sequences: the parity of T bits (two classes)"
    case .sine: "sequences: a noisy sine window, the target its next value (regression)"
    }
  }

  public var problem: Problem { [.plane, .multigauss, .adding, .sine].contains(self) ? .regression : .classification }

  /// Whether each row is a sequence of time steps, for a recurrent network.
  public var isSequence: Bool { [.adding, .parity, .sine].contains(self) }

  /// The names of the sequence sets, for messages: "adding, parity, sine".
  public static var sequenceSets: String { allCases.filter(\.isSequence).map(\.rawValue).joined(separator: ", ") }

  /// Generates `points` sequences of `steps` time steps, in a seeded order (adding needs
  /// T ≥ 2). For a set that is not of sequences, `steps` is ignored.
  public func generate(points: Int, noise: Double, steps: Int, seed: UInt64) throws -> Dataset {
    guard isSequence else { return try generate(points: points, noise: noise, seed: seed) }
    try Setting.points.validate(points)
    try Setting.noise.validate(noise)
    try Setting.seqLen.validate(steps)
    if self == .adding, steps < 2 {
      throw ConfigurationError("the adding problem marks two time steps, so seq-len must be at least 2, not \(steps)", setting: .seqLen)
    }
    var generator = SequenceGenerator(rng: Xoshiro256(seed: seed ^ 0x5E9_0E4C_E000_0000))
    let drawn: (inputs: Matrix, targets: [Double])
    var perStep = ["x"]
    switch self {
    case .adding:
      drawn = generator.adding(points, steps: steps)
      perStep = ["x1", "x2"]
    case .parity: drawn = generator.parity(points, steps: steps)
    default: drawn = generator.sine(points, steps: steps, noise: noise / 100)
    }
    let names = (1...steps).flatMap { t in perStep.map { "\($0)@\(t)" } }
    let targets = Matrix(rows: points, cols: 1, storage: drawn.targets)
    return Dataset(
      name: rawValue, inputs: drawn.inputs, targets: targets, labels: problem == .classification ? drawn.targets.map { Int($0) } : nil,
      problem: problem, featureNames: names, targetNames: ["y"], steps: steps)
  }

  /// Generates `points` examples (rounded down to an even number for the two-class sets, as
  /// Playground does), in an order drawn from the seed. Throws for points < 2 or noise outside 0…50.
  public func generate(points: Int, noise: Double, seed: UInt64) throws -> Dataset {
    if isSequence { return try generate(points: points, noise: noise, steps: RunConfiguration.defaultSeqLen, seed: seed) }
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
    case .adding, .parity, .sine: raw = []
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
