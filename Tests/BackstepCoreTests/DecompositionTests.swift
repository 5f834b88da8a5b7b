import BackstepCore
import Testing

/// On random networks of every kind the decomposition of each value adds up to the record's.
@Suite("Decomposing a value adds up to the record")
struct DecompositionTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let specs: [LayerSpec]
    let loss: Loss
    var dropout = 0.0
    var regularization = Regularization()
    var clipping = Clipping()
    var seed: UInt64 = 1
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "tanh, sigmoid, bce, l2", specs: [LayerSpec(units: 4, activation: .tanh), LayerSpec(units: 1, activation: .sigmoid)], loss: .bce,
      regularization: Regularization(l2: 0.01), seed: 3),
    Case(
      name: "relu, identity, mse, dropout, l1 with biases, norm clipping",
      specs: [LayerSpec(units: 5, activation: .relu), LayerSpec(units: 3, activation: .leakyRelu), LayerSpec(units: 2, activation: .identity)],
      loss: .mse, dropout: 0.3, regularization: Regularization(l1: 0.02, includeBiases: true), clipping: Clipping(maxNorm: 0.1), seed: 7),
    Case(
      name: "batchnorm, softmax, ce, value clipping",
      specs: LayerSpec.withBatchNorm([LayerSpec(units: 4, activation: .tanh)]) + [LayerSpec(units: 3, activation: .softmax)], loss: .ce,
      clipping: Clipping(maxValue: 0.05), seed: 11),
    Case(
      name: "elu, gelu, softmax under mse_mean, dropout",
      specs: [LayerSpec(units: 3, activation: .elu), LayerSpec(units: 4, activation: .gelu), LayerSpec(units: 3, activation: .softmax)],
      loss: .mseMean, dropout: 0.25, seed: 5),
    Case(
      name: "silu, softplus, sigmoid under mse, both penalties",
      specs: [LayerSpec(units: 2, activation: .silu), LayerSpec(units: 6, activation: .softplus), LayerSpec(units: 2, activation: .sigmoid)],
      loss: .mse, regularization: Regularization(l1: 0.01, l2: 0.03), seed: 13),
  ]

  static func stepper(_ c: Case, optimizer: OptimizerSettings = OptimizerSettings(kind: .sgd, lr: 0.1)) throws -> Stepper {
    let network = try Network(inputs: 3, specs: c.specs, loss: c.loss, initializer: .xavierUniform, bias: 0.1, seed: c.seed)
    let data = Fixture.split(inputs: 3, outputs: c.specs[c.specs.count - 1].units, rows: 12, loss: c.loss, seed: c.seed &+ 100)
    let settings = TrainingSettings(
      optimizer: optimizer, regularization: c.regularization, clipping: c.clipping, dropout: c.dropout, batchSize: 5, seed: c.seed)
    return try Stepper(network: network, data: data, settings: settings)
  }

  @Test(arguments: cases)
  func everyValueAddsUpBeforeAndAfterTheUpdate(_ c: Case) throws {
    var s = try Self.stepper(c)
    s.run(iterations: 2)
    while s.nextStage != .update { s.advance() }
    Decomposed.expectEveryValue(s, "\(c.name), before the update")
    s.advance()
    // The update moved W and b; z, δ and dW still decompose with the values the stages used.
    Decomposed.expectEveryValue(s, "\(c.name), after the update")
  }

  @Test(arguments: cases)
  func aValueIsExplainedOnlyOnceItsStageHasRun(_ c: Case) throws {
    var s = try Self.stepper(c)
    s.run(iterations: 1)
    s.advance()
    #expect(s.lastStage == .forward(1))
    #expect(s.decompose(layer: 1, map: .z, row: 0, column: 0) != nil)
    #expect(s.decompose(layer: 2, map: .z, row: 0, column: 0) == nil, "forward(2) has not run in this iteration")
    #expect(s.decompose(layer: 1, map: .delta, row: 0, column: 0) == nil, "backward(1) has not run in this iteration")
    #expect(s.decompose(layer: 1, map: .z, row: 0, column: 5) == nil, "a batch of 5 has no sixth example")
    #expect(s.decompose(layer: 1, map: .z, row: c.specs[0].units, column: 0) == nil, "no such unit")
    guard case .parameter(let update)? = s.decompose(layer: 1, map: .weights, row: 0, column: 0)?.form else {
      Issue.record("a weight is always explained")
      return
    }
    #expect(update == nil, "the update of this iteration comes at the update stage")
  }

  @Test(arguments: cases)
  func theFastPathLeavesItsLastIterationExplained(_ c: Case) throws {
    var s = try Self.stepper(c)
    s.train(iterations: 3)
    Decomposed.expectEveryValue(s, "\(c.name), after training fast")
    let rec = s.record.layers[0]
    guard case .parameter(let u?)? = s.decompose(layer: 1, map: .weights, row: 0, column: 0)?.form else {
      Issue.record("\(c.name): the last update is explained after training fast")
      return
    }
    #expect(u.change == rec.updateW[0, 0] && u.after == s.network.layers[0].weights[0, 0])
  }

  @Test func theLargestTermsAndTheRest() {
    let values = [0.5, -3.0, 0.25, 2.0, -0.125]
    let sum = TermSum(terms: values.enumerated().map { Product([NamedValue(.z, layer: 1, [$0.offset + 1], $0.element)]) }, start: 1)
    #expect(sum.total == values.reduce(1, +))
    let (shown, restCount, restSum) = sum.largest(2)
    #expect(shown.map(\.value) == [-3.0, 2.0], "the two largest in input order")
    #expect(restCount == 3)
    #expect(restSum == 0.5 + 0.25 + -0.125)
    #expect(sum.largest(9).restCount == 0 && sum.largest(9).shown.count == values.count)
  }

  @Test func aNaNIsCarriedAsNaN() throws {
    let network = try Network(
      inputs: 2, specs: [LayerSpec(units: 2, activation: .tanh), LayerSpec(units: 1, activation: .sigmoid)], loss: .bce, initializer: .xavierUniform, seed: 2)
    let data = Dataset(name: "nan", inputs: Matrix([[1, .nan], [0.5, 1]])!, targets: Matrix([[1], [0]])!, problem: .classification)
    var s = try Stepper(network: network, data: DataSplit(train: data, test: data.subset([])), settings: TrainingSettings(shuffle: false))
    s.advance()
    guard case .affine(let a)? = s.decompose(layer: 1, map: .z, row: 0, column: 0)?.form else {
      Issue.record("z of a dense layer is a sum")
      return
    }
    #expect(a.sum.terms[1].factors[1].value.isNaN && a.sum.terms[1].value.isNaN && a.sum.total.isNaN)
    #expect(a.sum.largest(1).shown.first?.value.isNaN == true, "a NaN term is shown first")
    let z = try #require(s.decompose(layer: 1, map: .z, row: 0, column: 0))
    #expect(z.value.value.isNaN && z.total?.isNaN == true && z.checks, "NaN is carried, and checks against NaN")
  }
}
