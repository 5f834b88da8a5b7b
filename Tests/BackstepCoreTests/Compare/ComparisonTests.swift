import Testing

@testable import BackstepCore

/// Two networks from one configuration: the same data, seed and batches, and the same starting
/// weights wherever a parameter fits both.
@Suite("Two networks from one configuration")
struct ComparisonTests {
  static func comparison(_ change: String, _ edit: (inout RunConfiguration) -> Void = { _ in }) throws -> Comparison {
    var c = RunConfiguration()
    c.points = 100
    edit(&c)
    c.compare = try SettingsChange(change)
    return try c.makeComparison()
  }

  /// Parameters of the same shape start alike; a layer whose shape differs keeps its own draw.
  @Test func theSameStartWhereShapesMatch() throws {
    let pair = try Self.comparison("layers=8,8,8") {
      $0.layers = [8, 8]
      $0.seed = 7
    }
    let left = pair.left.network, right = pair.right.network
    let shapes = Dictionary(uniqueKeysWithValues: left.parameters.map { ($0.key, $0.shape) })
    var matched = 0
    for p in right.parameters {
      guard shapes[p.key] == p.shape else { continue }
      #expect(right.values(of: p.key) == left.values(of: p.key), "\(p.key)")
      matched += 1
    }
    #expect(matched == 4)  // W and b of layers 1 and 2
    let third = ParameterKey(layer: 3, name: .weights)
    #expect(shapes[third] != right.parameters.first { $0.key == third }?.shape)
    // The right network's own layers are its own draw, from the same seed as the left.
    var alone = pair.rightConfiguration
    alone.compare = nil
    let own = try alone.resolve().network
    #expect(right.values(of: third) == own.values(of: third))
  }

  /// A change that alters the start rule of the weights leaves them their own draw; the biases,
  /// started by the same rule, still match.
  /// A's heading names A's own value of a recurrent setting, and its dense widths without the
  /// recurrent layer.
  @Test func recurrentSettingsAreLabelledByTheirValueInA() throws {
    let sequences: (inout RunConfiguration) -> Void = {
      $0.dataset = "adding"
      $0.seqLen = 5
      $0.rnn = 16
    }
    #expect(try Self.comparison("rnn=32", sequences).leftLabel == "A: rnn 16")
    #expect(try Self.comparison("rnn-activation=relu", sequences).leftLabel.hasSuffix("tanh"))
    #expect(try Self.comparison("layers=8", sequences).leftLabel == "A: layers none")
  }

  @Test func aDifferentInitializerKeepsItsOwnWeights() throws {
    let pair = try Self.comparison("init=he")
    let w = ParameterKey(layer: 1, name: .weights), b = ParameterKey(layer: 1, name: .biases)
    #expect(pair.left.network.values(of: w) != pair.right.network.values(of: w))
    #expect(pair.left.network.values(of: b) == pair.right.network.values(of: b))
    let biases = try Self.comparison("bias-init=0.5")
    #expect(biases.left.network.values(of: b) != biases.right.network.values(of: b))
    #expect(biases.left.network.values(of: w) == biases.right.network.values(of: w))
  }

  /// Both train on the same rows, in the same order, batch for batch.
  @Test func theSameDataAndBatches() throws {
    var pair = try Self.comparison("optimizer=adam,lr=0.01") { $0.batchSize = 10 }
    #expect(pair.left.data == pair.right.data)
    for _ in 0..<12 {
      Lockstep.finishIteration(&pair.left, &pair.right)
      #expect(pair.left.record.batchIndices == pair.right.record.batchIndices)
    }
    #expect(pair.left.network != pair.right.network)
  }

  /// Headings name each network's value of every changed setting, the left's as resolved.
  @Test func labelsNameWhatDiffers() throws {
    let pair = try Self.comparison("activation=relu") { $0.activation = .sigmoid }
    #expect(pair.leftLabel == "A: sigmoid" && pair.rightLabel == "B: relu")
    #expect(Side.allCases.map(pair.label) == [pair.leftLabel, pair.rightLabel])
    #expect(pair[.right].network == pair.right.network && pair[.left].network == pair.left.network)
    let defaults = try Self.comparison("opt=adam,lr=0.001")
    let sgd = try RunConfiguration().trainingSettings(base: nil, seed: 1).optimizer
    #expect(defaults.leftLabel == "A: \(sgd.kind.rawValue), lr \(Setting.show(sgd.resolvedLR))")
    #expect(defaults.rightLabel == "B: adam, lr 0.001")
  }

  /// The left heading names the left network's value as it resolved: defaults, and "off" for a
  /// setting it does not use.
  @Test(arguments: [
    ("layers=8,8,8", "A: layers 4,4"), ("bn=on", "A: batch-norm off"), ("clip=1", "A: clip-norm off"),
    ("batch=full", "A: batch-size \(RunConfiguration.defaultBatchSize)"), ("loss=mse", "A: bce"), ("loss=mse,output=tanh", "A: bce, output sigmoid"),
    ("init=he", "A: init xavier"), ("break-on=exploding", "A: break-on nan"), ("momentum=0.9", "A: momentum 0"),
  ])
  func theLeftHeadingNamesTheResolvedValue(_ change: String, _ label: String) throws {
    #expect(try Self.comparison(change).leftLabel == label)
  }

  /// A change that resolves to the run the left already is (the default activation named) is refused.
  @Test func aChangeThatResolvesToTheSameRunIsRefused() throws {
    let tanh = try #require(RunConfiguration().resolve().network.specs.first?.activation)
    #expect {
      try Self.comparison("activation=\(tanh.rawValue)")
    } throws: { error in
      (error as? ConfigurationError)?.message.contains("changes nothing") == true
    }
    #expect(throws: ConfigurationError.self) { try RunConfiguration().makeComparison() }
  }

  /// The deep sigmoid network's first layer vanishes, by the core's own verdict, and the same
  /// network with ReLU does not.
  @Test func vanishingInOneAndNotTheOther() throws {
    var pair = try Self.comparison("activation=relu") {
      $0.layers = [8, 8, 8, 8, 8]
      $0.activation = .sigmoid
    }
    Lockstep.run(&pair.left, &pair.right, iterations: 3)
    let a = try #require(pair.left.record.layers[0].backwardReading)
    let b = try #require(pair.right.record.layers[0].backwardReading)
    #expect(a.verdict == .vanishing)
    #expect(b.verdict != .vanishing)
  }
}
