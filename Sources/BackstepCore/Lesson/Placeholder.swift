/// A live value named in a lesson's caption between braces, or on the left of an
/// expectation: `{loss}`, `{step}`, `{norm dW 1}`, `{verdict 3}`, `{z 2 1 1}`. In a comparison
/// `{B: norm dW 1}` reads the right network (B) and `{A: …}` or no prefix the left (see ``Side``).
///
/// Every value is one the stepper already computed and measured (a reading, the record, the
/// history); a placeholder only reads it. The names and what each reads are declared once in
/// ``table``, which docs/lessons.md lists.
public struct Placeholder: Equatable, Sendable {
  /// The entry of ``table`` this names.
  public let name: String
  /// The network of a comparison it reads: the left one unless prefixed `B:`.
  public let side: Side
  /// Its whole-number arguments: a layer, then an example and a unit (1-based).
  public let arguments: [Int]

  /// One entry of the table: a name, the arguments it takes, and how it reads the stepper.
  public struct Kind: Sendable {
    public let name: String
    /// The argument names, in order, for messages and docs: `L`, `L i j`.
    public let arguments: [String]
    public let help: String
    let read: @Sendable (Stepper, [Int]) throws -> LessonValue
  }

  /// Every placeholder a lesson may use.
  public static let table: [Kind] = [
    Kind(name: "loss", arguments: [], help: "the batch loss of the last loss stage (data loss plus penalty)") { s, _ in
      try fresh(s, .loss)
      return .number(s.record.loss)
    },
    Kind(name: "step", arguments: [], help: "optimizer steps completed") { s, _ in .count(s.step) },
    Kind(name: "epoch", arguments: [], help: "epochs completed") { s, _ in .count(s.epoch) },
    Kind(name: "stage", arguments: [], help: "the label of the stage run last (F1, loss, B2, update)") { s, _ in
      guard let stage = s.lastStage else { throw LessonValueMissing("no stage has run yet") }
      return .word(stage.label)
    },
    Kind(name: "train-loss", arguments: [], help: "the newest loss over the whole training set") { s, _ in
      guard let x = s.history.newestTrainLoss else { throw LessonValueMissing("the training loss has not been measured yet") }
      return .number(x)
    },
    Kind(name: "test-loss", arguments: [], help: "the newest loss over the test set") { s, _ in
      guard let x = s.history.newestTestLoss else { throw LessonValueMissing("the test loss has not been measured yet") }
      return .number(x)
    },
    Kind(name: "accuracy", arguments: [], help: "the newest training-set accuracy, in percent") { s, _ in
      guard let x = s.history.newestTrainAccuracy else { throw LessonValueMissing("no accuracy has been measured yet") }
      return .number(x * 100)
    },
    Kind(name: "grad-norm", arguments: [], help: "the global norm of every dW and db before clipping, from the update") { s, _ in
      try fresh(s, .update)
      return .number(s.record.globalGradNorm)
    },
    Kind(name: "clip-coef", arguments: [], help: "the factor norm clipping multiplied every dW and db by at the update (1 when it did not clip)") { s, _ in
      try fresh(s, .update)
      return .number(s.record.clipCoefficient)
    },
    Kind(name: "norm dW", arguments: ["L"], help: "‖dW_L‖, measured by backward(L)") { s, a in .number(try backward(s, a[0]).normDW) },
    Kind(name: "norm delta", arguments: ["L"], help: "‖δ_L‖, measured by backward(L)") { s, a in .number(try backward(s, a[0]).normDelta) },
    Kind(name: "ratio dW", arguments: ["L", "M"], help: "‖dW_L‖/‖dW_M‖, each measured by its backward stage: the verdict's ratio when M is the output layer") {
      s, a in
      .number(try ratio(try backward(s, a[0]).normDW, over: try backward(s, a[1]).normDW, "‖dW_\(a[1])‖"))
    },
    Kind(name: "ratio delta", arguments: ["L", "M"], help: "‖δ_L‖/‖δ_M‖, each measured by its backward stage: how much of δ_M reaches layer L") { s, a in
      .number(try ratio(try backward(s, a[0]).normDelta, over: try backward(s, a[1]).normDelta, "‖δ_\(a[1])‖"))
    },
    Kind(name: "max fprime", arguments: ["L"], help: "the largest f′(z_L) over the batch, from backward(L): at most ¼ for sigmoid, 1 for tanh and relu") {
      s, a in
      _ = try backward(s, a[0])
      guard let largest = s.record.layers[a[0] - 1].fPrime.storage.max() else {
        throw LessonValueMissing("layer \(a[0]) has no f′(z): its δ comes straight from the logit")
      }
      return .number(largest)
    },
    Kind(name: "norm delta-t", arguments: ["L", "t"], help: "‖δ_t‖ = ‖dL/dz_t‖ of recurrent layer L at time step t, measured by backward(L, t)") { s, a in
      .number(try throughTime(s, a[0], fresh: a[1]).norms[a[1] - 1] ?? .nan)
    },
    Kind(name: "delta-ratio", arguments: ["L"], help: "‖δ_1‖/‖δ_T‖ of recurrent layer L: the share of the gradient at t = T that reaches t = 1") { s, a in
      guard let ratio = try throughTime(s, a[0], fresh: 1).ratio else { throw LessonValueMissing("‖δ_T‖ of layer \(a[0]) is zero") }
      return .number(ratio)
    },
    Kind(name: "verdict", arguments: ["L"], help: "layer L's gradient verdict: healthy, vanishing, exploding or nan") { s, a in
      .word(try backward(s, a[0]).verdict.rawValue)
    },
    Kind(name: "dead", arguments: ["L"], help: "the fraction of layer L's units dead in this batch, measured by forward(L)") { s, a in
      .number(try forward(s, a[0]).deadFraction)
    },
    Kind(name: "saturated", arguments: ["L"], help: "the fraction of layer L's outputs saturated, measured by forward(L)") { s, a in
      .number(try forward(s, a[0]).saturatedFraction)
    },
    Kind(name: "z", arguments: ["L", "i", "j"], help: "z_L of example i, unit j, from forward(L)") { s, a in
      .number(try element(s, a, \.z))
    },
    Kind(name: "a", arguments: ["L", "i", "j"], help: "a_L of example i, unit j, from forward(L)") { s, a in
      .number(try element(s, a, \.a))
    },
    Kind(name: "mu", arguments: ["L", "j"], help: "μ of unit j, the batch mean batchnorm layer L took at forward(L)") { s, a in
      .number(try unit(try batchNorm(s, a[0]).mean, a))
    },
    Kind(name: "var", arguments: ["L", "j"], help: "σ² of unit j, the batch variance (dividing by B) batchnorm layer L took at forward(L)") { s, a in
      .number(try unit(try batchNorm(s, a[0]).variance, a))
    },
    Kind(name: "xhat", arguments: ["L", "i", "j"], help: "x̂ = (x − μ)/√(σ² + ε) of example i, unit j, from forward(L) of batchnorm layer L") { s, a in
      .number(try element(of: try batchNorm(s, a[0]).xhat, a))
    },
    Kind(name: "gamma", arguments: ["L", "j"], help: "γ of unit j of batchnorm layer L, as the network holds it now") { s, a in
      .number(try unit(try batchNormLayer(s, a[0]).gamma, a))
    },
    Kind(name: "beta", arguments: ["L", "j"], help: "β of unit j of batchnorm layer L, as the network holds it now") { s, a in
      .number(try unit(try batchNormLayer(s, a[0]).beta, a))
    },
    Kind(name: "sum a", arguments: ["L", "i"], help: "Σ_j a_L of example i over layer L's units, from forward(L): 1 for a softmax output") { s, a in
      try layer(s, a[0])
      let units = s.record.layers[a[0] - 1].a.cols
      return .number(try (1...max(units, 1)).reduce(0) { sum, j in sum + (try element(s, [a[0], a[1], j], \.a)) })
    },
    Kind(name: "W", arguments: ["L", "i", "j"], help: "W_L[i,j], unit i's weight from input j, as the weights stand now") { s, a in
      .number(try parameterEntry(s, a, of: "W", fresh: nil) { s.network.layers[$0 - 1].weights })
    },
    Kind(name: "dW", arguments: ["L", "i", "j"], help: "dW_L[i,j], measured by backward(L)") { s, a in
      .number(try parameterEntry(s, a, of: "dW", fresh: .backward(a[0])) { s.record.layers[$0 - 1].dW })
    },
    Kind(name: "update W", arguments: ["L", "i", "j"], help: "ΔW_L[i,j], the change the update made to W_L[i,j]") { s, a in
      .number(try parameterEntry(s, a, of: "ΔW", fresh: .update) { s.record.layers[$0 - 1].updateW })
    },
    Kind(name: "loss-rises", arguments: ["N"], help: "how many of the last N steps raised the training-set loss, the loss plot's line") { s, a in
      .count(try lossRises(s, over: a[0]))
    },
    Kind(name: "target", arguments: ["i", "j"], help: "t of example i, output j: what the network should give") { s, a in
      let t = try example(s, a[0]).target
      guard a[1] <= t.count else { throw LessonValueMissing("the targets have \(t.count) outputs; there is no output \(a[1])") }
      return .number(t[a[1] - 1])
    },
    Kind(name: "example-loss", arguments: ["i"], help: "ℓ_i, the data loss of example i from the loss stage: the batch's data loss is their mean") { s, a in
      try fresh(s, .loss)
      guard let loss = try example(s, a[0]).loss else { throw LessonValueMissing("the loss stage measured no loss for example \(a[0])") }
      return .number(loss)
    },
    Kind(name: "delta", arguments: ["L", "i", "j"], help: "δ_L = dL/dz_L of example i, unit j, from backward(L); it carries the batch mean's 1/B") { s, a in
      .number(try element(s, a, \.delta, at: Stage.backward))
    },
    Kind(name: "fprime", arguments: ["L", "i", "j"], help: "f′(z_L) of example i, unit j, as backward(L) used it to make δ_L") { s, a in
      try layer(s, a[0])
      try fresh(s, .backward(a[0]))
      // An output fused with its loss, or a softmax, makes δ without an f′ of its own.
      guard s.record.layers[a[0] - 1].fPrime.count > 0 else { throw LessonValueMissing("layer \(a[0])'s δ comes from the loss directly, with no f′") }
      return .number(try element(s, a, \.fPrime, at: Stage.backward))
    },
    Kind(name: "nan", arguments: [], help: "where NaN or ∞ first appeared, or none") { s, _ in
      .word(s.firstNonFinite?.description ?? "none")
    },
  ]

  /// Reads `{name args…}`'s inside: the name (one or two words) and whole-number arguments.
  public init(parsing written: String) throws(LessonValueMissing) {
    let (side, text) = Side.prefixed(written)
    let words = text.split(separator: " ").map(String.init)
    let kind = Self.table.first { kind in
      let nameWords = kind.name.split(separator: " ").map(String.init)
      return words.count == nameWords.count + kind.arguments.count && Array(words.prefix(nameWords.count)) == nameWords
    }
    guard let kind else {
      let known = Self.table.map { ([$0.name] + $0.arguments).joined(separator: " ") }.joined(separator: ", ")
      throw LessonValueMissing("unknown placeholder {\(text)}; placeholders are \(known)")
    }
    var arguments: [Int] = []
    for word in words.dropFirst(words.count - kind.arguments.count) {
      guard let n = Int(word), n >= 1 else { throw LessonValueMissing("{\(text)}: \(word) is not a whole number ≥ 1") }
      arguments.append(n)
    }
    name = kind.name
    self.side = side
    self.arguments = arguments
  }

  /// The placeholder as written, without braces.
  public var text: String { side.prefixing(([name] + arguments.map(String.init)).joined(separator: " ")) }

  /// Its value now in the network it names: `left`, or `right` for a `B:` placeholder, which
  /// has no value when there is no second network.
  public func value(left: Stepper, right: Stepper?) throws(LessonValueMissing) -> LessonValue {
    guard side == .left else {
      guard let right else { throw LessonValueMissing("{\(text)} reads network B, but this run compares nothing; set compare: in the setup") }
      return try value(in: right)
    }
    return try value(in: left)
  }

  /// Its value now in `stepper`, whichever network the placeholder names, or why there is none.
  public func value(in stepper: Stepper) throws(LessonValueMissing) -> LessonValue {
    guard let kind = Self.table.first(where: { $0.name == name }) else { throw LessonValueMissing("unknown placeholder {\(text)}") }
    do { return try kind.read(stepper, arguments) } catch let missing as LessonValueMissing { throw missing } catch {
      throw LessonValueMissing("\(error)")
    }
  }

  static func fresh(_ s: Stepper, _ stage: Stage) throws(LessonValueMissing) {
    guard s.isFresh(stage) else { throw LessonValueMissing("\(stage.label) has not run in step \(s.record.step == 0 ? 1 : s.record.step) yet") }
  }

  static func layer(_ s: Stepper, _ l: Int) throws(LessonValueMissing) {
    guard l >= 1, l <= s.network.depth else { throw LessonValueMissing("layer \(l) is not in this \(s.network.depth)-layer network") }
  }

  static func backward(_ s: Stepper, _ l: Int) throws(LessonValueMissing) -> BackwardReading {
    try kept(s, l, after: .backward(l), \.backwardReading, else: "backward(\(l)) measured nothing")
  }

  static func forward(_ s: Stepper, _ l: Int) throws(LessonValueMissing) -> ForwardReading {
    try kept(s, l, after: .forward(l), \.forwardReading, else: "forward(\(l)) measured nothing")
  }

  /// What forward(l) of batchnorm layer l kept: μ, σ² `[n]` and x̂ `[B × n]`.
  static func batchNorm(_ s: Stepper, _ l: Int) throws(LessonValueMissing) -> BatchNormRecord {
    try kept(s, l, after: .forward(l), \.batchNorm, else: "layer \(l) is not a batchnorm layer")
  }

  /// What layer l's record keeps at `path`, once `stage` has run in this iteration; `missing`
  /// says why there is nothing there.
  static func kept<T>(
    _ s: Stepper, _ l: Int, after stage: Stage, _ path: KeyPath<LayerRecord, T?>, else missing: String
  ) throws(LessonValueMissing)
    -> T
  {
    try layer(s, l)
    try fresh(s, stage)
    guard let value = s.record.layers[l - 1][keyPath: path] else { throw LessonValueMissing(missing) }
    return value
  }

  /// The gradient through time of recurrent layer l, once backward(l, t) has run in this
  /// iteration.
  static func throughTime(_ s: Stepper, _ l: Int, fresh t: Int) throws(LessonValueMissing) -> GradientThroughTime {
    try layer(s, l)
    guard let g = s.gradientThroughTime, g.layer == l else { throw LessonValueMissing("layer \(l) is not recurrent") }
    guard t <= g.steps else { throw LessonValueMissing("the sequences have \(g.steps) time steps; there is no t = \(t)") }
    try fresh(s, .backwardStep(l, t: t))
    return g
  }

  /// One element of a `[B × n]` map of layer L, made by `stage(L)`: example i (row), unit j
  /// (column), 1-based.
  static func element(
    _ s: Stepper, _ a: [Int], _ map: KeyPath<LayerRecord, Matrix>, at stage: (Int) -> Stage = Stage.forward
  ) throws(LessonValueMissing) -> Double {
    try layer(s, a[0])
    // A recurrent layer's record holds one time step at a time: an element without its t
    // would read whichever step ran last.
    guard s.network.layers[a[0] - 1].recurrent == nil else {
      throw LessonValueMissing("layer \(a[0]) is recurrent: its values are per time step; {norm delta-t \(a[0]) t} reads δ_t")
    }
    try fresh(s, stage(a[0]))
    return try element(of: s.record.layers[a[0] - 1][keyPath: map], a)
  }

  /// Element `a[1] a[2]` (example, unit; 1-based) of layer `a[0]`'s `[B × n]` map `m`.
  static func element(of m: Matrix, _ a: [Int]) throws(LessonValueMissing) -> Double {
    guard a[1] <= m.rows, a[2] <= m.cols else {
      throw LessonValueMissing("layer \(a[0]) has \(m.rows) examples × \(m.cols) units; there is no element \(a[1]) \(a[2])")
    }
    return m[a[1] - 1, a[2] - 1]
  }

  /// Entry `a[1]` (a unit, 1-based) of layer `a[0]`'s per-unit values `[n]`.
  static func unit(_ values: [Double], _ a: [Int]) throws(LessonValueMissing) -> Double {
    guard a[1] <= values.count else { throw LessonValueMissing("layer \(a[0]) has \(values.count) units; there is no unit \(a[1])") }
    return values[a[1] - 1]
  }

  /// `x / y`, or why there is none when the norm `y` (named `name`) is zero.
  static func ratio(_ x: Double, over y: Double, _ name: String) throws(LessonValueMissing) -> Double {
    guard y != 0 else { throw LessonValueMissing("\(name) is zero") }
    return x / y
  }

  /// Batchnorm layer l itself, with its parameters γ and β `[n]` as they are now.
  static func batchNormLayer(_ s: Stepper, _ l: Int) throws(LessonValueMissing) -> BatchNormLayer {
    try layer(s, l)
    guard let bn = s.network.layers[l - 1].batchNorm else { throw LessonValueMissing("layer \(l) is not a batchnorm layer") }
    return bn
  }

  /// Example i (1-based) of the current batch as the per-example strip reads it.
  static func example(_ s: Stepper, _ i: Int) throws(LessonValueMissing) -> ExampleReading {
    guard let reading = s.example(i - 1) else { throw LessonValueMissing("the batch has no example \(i), or no iteration has begun") }
    return reading
  }
}
