import BackstepCore
import Foundation
import Testing

/// Every breakpoint on a network built to hit it stops checked stepping right after the stage
/// where it first holds, as a plain stage-by-stage walk finds it from the raw values.
@Suite("Breakpoints stop at the stage where they first hold")
struct BreakpointTests {
  /// A configuration written as its JSON (the field names of ``RunConfiguration``).
  static func config(_ json: String) throws -> RunConfiguration {
    try JSONDecoder().decode(RunConfiguration.self, from: Data(json.utf8))
  }

  /// demos/05-vanishing.yaml: seven sigmoid hidden layers.
  static let vanishing = #"{"layers": [8, 8, 8, 8, 8, 8, 8], "activation": "sigmoid", "lr": 0.1, "batchSize": 0, "seed": 3}"#
  /// demos/07-exploding.yaml: ReLU layers with weights drawn far too large.
  static let exploding =
    #"{"layers": [16, 16, 16, 16, 16, 16], "activation": "relu", "output": "identity", "loss": "mse", "initializer": "normal:2", "lr": 0.01, "seed": 4}"#
  /// ReLU units whose bias starts far below zero: most never fire.
  static let dead = #"{"layers": [8, 8], "activation": "relu", "biasInit": -1.5, "seed": 2}"#
  /// tanh layers with weights drawn large: their outputs drift into the flat tails.
  static let saturating = #"{"layers": [8, 8], "initializer": "normal:2", "lr": 0.3}"#
  /// A learning rate so small that the loss barely moves.
  static let tiny = #"{"lr": 1e-7, "batchSize": 0}"#

  /// What the walk remembers of the step before: a number per key.
  typealias Memory = [String: Double]

  /// The first (step, stage) where `holds` says yes, walking with plain `advance()`.
  static func firstByWalking(_ start: Stepper, limit: Int = 20_000, _ holds: (Stepper, Stage, inout Memory) -> Bool) -> (step: Int, stage: Stage)? {
    var s = start
    var memory = Memory()
    for _ in 0..<limit {
      let stage = s.advance()
      if holds(s, stage, &memory) { return (s.record.step, stage) }
    }
    return nil
  }

  /// Turned true at this step: true now, and not at the step before (kept under `key`).
  static func turned(_ now: Bool, _ key: String, _ memory: inout Memory) -> Bool {
    defer { memory[key] = now ? 1 : 0 }
    return now && memory[key] != 1
  }

  static func verdict(_ s: Stepper, _ l: Int) -> Verdict {
    let L = s.network.depth
    return s.thresholds.verdict(norm: s.record.layers[l - 1].dW.frobeniusNorm, outputNorm: s.record.layers[L - 1].dW.frobeniusNorm)
  }

  static func deadFraction(_ s: Stepper, _ l: Int) -> Double {
    let a = s.record.layers[l - 1].a
    guard s.network.layers[l - 1].activation == .relu else { return 0 }
    return Double((0..<a.cols).filter { u in (0..<a.rows).allSatisfy { a[$0, u] == 0 } }.count) / Double(a.cols)
  }

  static func saturatedFraction(_ s: Stepper, _ l: Int) -> Double {
    let a = s.record.layers[l - 1].a
    let act = s.network.layers[l - 1].activation
    guard act == .sigmoid || act == .tanh, l < s.network.depth else { return 0 }
    return Double(a.storage.filter { s.saturation.isSaturated($0, act) }.count) / Double(a.count)
  }

  /// The oracle of each condition, from the record's values.
  static func oracle(_ condition: BreakCondition) -> (Stepper, Stage, inout Memory) -> Bool {
    { s, stage, memory in
      switch (condition, stage) {
      case (.vanishing, .backward(let l)): turned(verdict(s, l) == .vanishing, "v\(l)", &memory)
      case (.exploding, .backward(let l)): turned(verdict(s, l) == .exploding, "e\(l)", &memory)
      case (.dead(let f), .forward(let l)): turned(deadFraction(s, l) >= f, "d\(l)", &memory)
      case (.saturated(let f), .forward(let l)): turned(saturatedFraction(s, l) >= f, "s\(l)", &memory)
      case (.lossBelow(let x), .loss): turned(s.record.loss < x, "loss", &memory)
      case (.lossAbove(let x), .loss): turned(s.record.loss > x, "loss", &memory)
      case (.step(let n), .forward(1)): s.record.step == n
      case (.stage(let t), _): t == stage
      case (.plateau(let n), .update):
        plateauTurned(s.record.loss, step: s.record.step, n: n, &memory)
      default: false
      }
    }
  }

  /// The plateau by its definition: at step t, the best loss of (t−N, t] is not 0.1 % below
  /// the best of every step up to t−N. The losses are kept in memory by step.
  static func plateauTurned(_ loss: Double, step t: Int, n: Int, _ memory: inout Memory) -> Bool {
    memory["loss\(t)"] = loss
    func plateau(at t: Int) -> Bool {
      guard t - n >= 1 else { return false }
      let before = (1...(t - n)).compactMap { memory["loss\($0)"] }.min() ?? .infinity
      let recent = ((t - n + 1)...t).compactMap { memory["loss\($0)"] }.min() ?? .infinity
      return recent >= before - 0.001 * before
    }
    return plateau(at: t) && !plateau(at: t - 1)
  }

  static let cases: [(String, String, BreakCondition)] = [
    ("vanishing", vanishing, .vanishing),
    ("exploding", exploding, .exploding),
    ("dead", dead, .dead(fraction: 0.5)),
    ("dead:0.75", dead, .dead(fraction: 0.75)),
    ("saturated", saturating, .saturated(fraction: 0.5)),
    ("plateau", tiny, .plateau(steps: 40)),
    ("step", "{}", .step(7)),
    ("stage", "{}", .stage(.backward(2))),
    ("loss<", "{}", .lossBelow(0.6)),
    ("loss>", exploding, .lossAbove(1e6)),
  ]

  @Test(arguments: cases.indices)
  func checkedSteppingStopsWhereTheWalkFindsIt(_ i: Int) throws {
    let (name, config, condition) = Self.cases[i]
    var start = try Self.config(config).resolve().makeStepper()
    try start.watch(for: [condition])
    let walked = Self.firstByWalking(start, Self.oracle(condition))
    let expected = try #require(walked, "\(name) never held")
    var s = start
    var hit: BreakHit?
    for _ in 0..<20_000 where hit == nil { hit = s.finishIterationChecked() }
    let found = try #require(hit)
    #expect(found.condition == condition)
    #expect((found.step, found.stage) == expected, "\(name)")
    #expect(s.record.step == expected.step && s.lastStage == expected.stage, "the stepper went on past the stage")
    #expect(s.breakpoints.entries[0].hits == 1)
    #expect(found.description.hasPrefix("\(condition) at \(expected.stage.label) of step \(expected.step)"))
  }

  /// A condition that stays true stops once per layer, where it turned true, and not again:
  /// the vanishing lesson's layers stay vanishing.
  @Test func aLastingConditionStopsOnlyWhereItTurns() throws {
    var s = try Self.config(Self.vanishing).resolve().makeStepper()
    try s.watch(for: [.vanishing])
    var hits: [BreakHit] = []
    for _ in 0..<40 {
      if let hit = s.finishIterationChecked() { hits.append(hit) }
    }
    let layers = hits.compactMap(\.layer)
    #expect(!hits.isEmpty)
    #expect(Set(layers).count == layers.count, "a layer stopped twice: \(hits.map(\.description))")
    #expect(layers.allSatisfy { Self.verdict(s, $0) == .vanishing }, "each layer is still vanishing")
  }

  @Test func anExplodingHitNamesTheLayerAndItsNorm() throws {
    var s = try Self.config(Self.exploding).resolve().makeStepper()
    try s.watch(for: [.exploding])
    let checked = s.finishIterationChecked()
    let hit = try #require(checked)
    let l = try #require(hit.layer)
    #expect(hit.stage == .backward(l))
    let subscripts = ["₁", "₂", "₃", "₄", "₅", "₆", "₇"]
    #expect(hit.reading == "‖dW\(subscripts[l - 1])‖ = \(Format.short(s.record.layers[l - 1].dW.frobeniusNorm, digits: 2))")
  }

  /// Higher thresholds move the exploding break later, where the walk with them finds it.
  @Test func theVerdictsThresholdsMoveTheBreak() throws {
    var c = try Self.config(Self.exploding)
    c.explodingNorm = 1e9
    c.explodingRatio = 1e9
    var s = try c.resolve().makeStepper()
    #expect(s.thresholds.explodingNorm == 1e9)
    try s.watch(for: [.exploding])
    let expected = try #require(Self.firstByWalking(s, Self.oracle(.exploding)))
    var hit: BreakHit?
    for _ in 0..<100 where hit == nil { hit = s.finishIterationChecked() }
    #expect(hit.map { ($0.step, $0.stage) } ?? (0, .loss) == expected)
    #expect(expected.step > 1, "the default thresholds already hold at step 1")
  }

  @Test func thresholdsOutOfOrderAreRefused() {
    var c = RunConfiguration()
    c.vanishingNorm = 10
    c.explodingNorm = 1
    #expect(throws: ConfigurationError.self) { try c.resolve() }
    c.explodingNorm = -1
    #expect(throws: ConfigurationError.self) { try c.resolve() }
  }
}
