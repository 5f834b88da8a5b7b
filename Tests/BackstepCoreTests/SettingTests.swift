import BackstepCore
import Testing

@Suite("Setting rules")
struct SettingTests {
  func message(_ body: () throws -> Void) -> ConfigurationError? {
    do {
      try body()
      return nil
    } catch let e as ConfigurationError {
      return e
    } catch {
      return nil
    }
  }

  @Test(arguments: Setting.allCases)
  func noSettingTakesANonFiniteNumber(_ s: Setting) {
    for x in [Double.nan, .infinity, -.infinity] {
      #expect(!s.accepts(x), "\(s) accepted \(x)")
      #expect(message { try s.validate(x) }?.setting == s.rawValue)
    }
  }

  @Test func messagesNameTheSettingAndTheRange() {
    #expect(message { try Setting.momentum.validate(2) }?.message == "momentum must lie in [0, 1], not 2")
    #expect(message { try Setting.dropout.validate(1) }?.message == "dropout must lie in [0, 1), not 1")
    #expect(message { try Setting.eps.validate(0) }?.message == "eps must be > 0, not 0")
    #expect(message { try Setting.lr.validate(.infinity) }?.message == "lr (the learning rate) must be a finite number > 0, not inf")
    #expect(message { try Setting.layers.validate(0) }?.message == "each width in layers must lie in [1, 4096], not 0; write none for no hidden layer")
    #expect(message { try Setting.layers.validate(Int.max) }?.message == "each width in layers must lie in [1, 4096], not \(Int.max)")
  }

  @Test func theLayerRuleIsTheOneLimit() {
    #expect(Setting.layers.accepts(Double(LayerSpec.maxUnits)))
    #expect(!Setting.layers.accepts(Double(LayerSpec.maxUnits + 1)))
  }

  @Test func unitIntervalsIncludeTheirEnds() {
    for s in [Setting.momentum, .dampening, .alpha, .rho] {
      #expect(s.accepts(0) && s.accepts(1) && !s.accepts(1.01) && !s.accepts(-0.01), "\(s)")
    }
  }

  @Test func widthsFromText() throws {
    #expect(try Setting.widths("8, 4") == [8, 4])
    for none in ["none", "", "0", " None "] { #expect(try Setting.widths(none) == []) }
    #expect(message { _ = try Setting.widths("8,0") }?.setting == "layers")
    #expect(message { _ = try Setting.widths("4097") }?.message.contains("4096") == true)
    #expect(message { _ = try Setting.widths("8,x") }?.message.contains("\"x\" is not a whole number") == true)
  }

  @Test func batchRowsFromText() throws {
    #expect(try Setting.batchRows("full") == nil)
    #expect(try Setting.batchRows("32") == 32)
    #expect(message { _ = try Setting.batchRows("0") }?.message == "batch-size must be ≥ 1, not 0")
  }

  @Test func optimizerSettingsUseTheTable() {
    var o = OptimizerSettings(kind: .sgd)
    o.momentum = 2
    #expect(message { try o.validate() } == ConfigurationError("momentum must lie in [0, 1], not 2", setting: "momentum"))
    o = OptimizerSettings(kind: .adadelta)
    o.eps = 0
    #expect(message { try o.validate() }?.setting == "eps")
    o = OptimizerSettings(kind: .sgd)
    o.eps = 0
    #expect(message { try o.validate() } == nil, "SGD has no ε, and its model files record 0")
    o = OptimizerSettings(kind: .rmsprop)
    o.alpha = 1.5
    #expect(message { try o.validate() }?.setting == "alpha")
    o = OptimizerSettings(kind: .sgd)
    o.dampening = 2
    #expect(message { try o.validate() }?.setting == "dampening")
    #expect(message { try TrainingSettings(dropout: -0.5).validate() }?.setting == "dropout")
    #expect(message { try TrainingSettings(clipping: Clipping(maxNorm: 0)).validate() }?.message == "clip-norm must be > 0, not 0")
  }

  @Test func anUnknownOptimizerIsNamedSafely() {
    let e = message { _ = try OptimizerSettings(named: "lbfgs\u{1B}[2J") }
    #expect(e?.setting == "optimizer")
    #expect(e?.message.hasPrefix("unknown optimizer 'lbfgs\\u{1B}[2J'") == true, "\(e?.message ?? "")")
  }

  @Test func builtInDataUsesTheTable() {
    #expect(message { _ = try BuiltinDataset.circle.generate(points: 1, noise: 0, seed: 1) }?.setting == "points")
    #expect(message { _ = try BuiltinDataset.circle.generate(points: 10, noise: 51, seed: 1) }?.message == "noise must lie in [0, 50], not 51")
  }
}
