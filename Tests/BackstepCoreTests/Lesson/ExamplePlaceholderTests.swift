import Testing

@testable import BackstepCore

/// The placeholders of one example and one unit — its target, its loss, its δ and f′ — on a
/// 1-1-1 network whose every number is a short binary fraction, worked out by hand:
///
///     x = [1, −2], t = [0.5, 1];  W₁ = [[2]], b₁ = [0.5], relu;  W₂ = [[0.5]], b₂ = [0], identity, mse
///     z₁ = [2.5, −3.5], a₁ = [2.5, 0], f′(z₁) = [1, 0];  a₂ = [1.25, 0], f′(z₂) = 1
///     ℓ = ½(a₂ − t)² = [0.28125, 0.5], L = 0.390625
///     δ₂ = (a₂ − t)/B = [0.375, −0.5];  δ₁ = (δ₂·W₂) ⊙ f′(z₁) = [0.1875, 0]
@Suite("Lesson placeholders of one example")
struct ExamplePlaceholderTests {
  static func stepper() throws -> Stepper {
    let hidden = DenseLayer(weights: try #require(Matrix([[2]])), bias: [0.5], activation: .relu)
    let output = DenseLayer(weights: try #require(Matrix([[0.5]])), bias: [0], activation: .identity)
    let x = try #require(Matrix([[1], [-2]])), t = try #require(Matrix([[0.5], [1]]))
    let data = Dataset(name: "hand", inputs: x, targets: t, problem: .regression)
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: 0.5))
    settings.shuffle = false
    return try Stepper(
      network: Network(inputs: 1, layers: [hidden, output], loss: .mse), data: DataSplit(train: data, test: data.subset([])), settings: settings)
  }

  func value(_ text: String, _ s: Stepper) throws -> LessonValue { try Placeholder(parsing: text).value(in: s) }

  @Test func theTargetAndEachExamplesLoss() throws {
    var s = try Self.stepper()
    #expect(throws: LessonValueMissing.self) { try value("target 1 1", s) }
    s.advance()
    #expect(try value("target 1 1", s) == .number(0.5))
    #expect(try value("target 2 1", s) == .number(1))
    #expect(throws: LessonValueMissing.self) { try value("target 2 2", s) }
    #expect(throws: LessonValueMissing.self) { try value("example-loss 1", s) }
    s.advance()
    s.advance()
    #expect(s.lastStage == .loss)
    #expect(try value("example-loss 1", s) == .number(0.28125))
    #expect(try value("example-loss 2", s) == .number(0.5))
    #expect(try value("loss", s) == .number(0.390625))
    #expect(throws: LessonValueMissing.self) { try value("example-loss 3", s) }
  }

  @Test func deltaAndFPrimeComeWithBackward() throws {
    var s = try Self.stepper()
    for _ in 0..<3 { s.advance() }
    #expect(throws: LessonValueMissing.self) { try value("delta 2 1 1", s) }
    s.advance()
    #expect(s.lastStage == .backward(2))
    #expect(try value("delta 2 1 1", s) == .number(0.375))
    #expect(try value("delta 2 2 1", s) == .number(-0.5))
    #expect(try value("fprime 2 1 1", s) == .number(1), "the identity's slope")
    #expect(throws: LessonValueMissing.self) { try value("delta 1 1 1", s) }
    s.advance()
    #expect(try value("delta 1 1 1", s) == .number(0.1875))
    #expect(try value("delta 1 2 1", s) == .number(0))
    #expect(try value("fprime 1 1 1", s) == .number(1))
    #expect(try value("fprime 1 2 1", s) == .number(0))
    #expect(throws: LessonValueMissing.self) { try value("delta 1 1 2", s) }
  }

  @Test func aSigmoidOutputWithCrossEntropyHasNoFPrime() throws {
    // The default network: its sigmoid output's δ comes from the logit, (σ(z) − t)/B.
    var s = try RunConfiguration().resolve().makeStepper()
    s.finishIteration()
    let output = s.network.depth
    #expect(throws: LessonValueMissing.self) { try value("fprime \(output) 1 1", s) }
    #expect(try value("delta \(output) 1 1", s) == .number(s.record.layers[output - 1].delta[0, 0]))
    #expect(try value("fprime 1 1 1", s) == .number(s.record.layers[0].fPrime[0, 0]))
  }

  @Test func aClaimComparesTwoReadingsOfTheRun() throws {
    var s = try Self.stepper()
    for _ in 0..<3 { s.advance() }
    #expect(try Expectation(parsing: "example-loss 1 < {example-loss 2}").failure(in: s) == nil)
    let reversed = try Expectation(parsing: "example-loss 2 <= {example-loss 1}").failure(in: s)
    #expect(reversed?.hasPrefix("example-loss 2 is 0.5 and example-loss 1 is 0.28") == true, "\(reversed ?? "holds")")
    #expect(try Expectation(parsing: "loss = {loss}").failure(in: s) == nil)
    #expect(try Expectation(parsing: "loss > {delta 2 1 1}").failure(in: s) != nil, "δ₂ has not been made yet")
    #expect(throws: LessonValueMissing.self) { try Expectation(parsing: "loss < {los}") }
  }

  /// The sum of one example's activations: a₂ alone for the one-unit output, and 1 for every
  /// example of a softmax output, whose units are probabilities.
  @Test func theActivationsOfAnExampleSum() throws {
    var s = try Self.stepper()
    s.advance()
    #expect(try value("sum a 1 1", s) == .number(2.5))
    #expect(try value("sum a 1 2", s) == .number(0))
    #expect(throws: LessonValueMissing.self) { try value("sum a 2 1", s) }
    #expect(throws: LessonValueMissing.self) { try value("sum a 1 3", s) }
    var c = RunConfiguration()
    c.dataset = "spiral3"
    c.loss = .ce
    var softmax = try c.resolve().makeStepper()
    for _ in 0..<softmax.network.depth { softmax.advance() }
    let output = softmax.network.depth
    #expect(softmax.record.layers[output - 1].a.cols == 3)
    for i in 1...softmax.record.layers[output - 1].a.rows {
      let sum = try #require(try value("sum a \(output) \(i)", softmax).number)
      #expect(abs(sum - 1) < 1e-12, "example \(i): \(sum)")
    }
  }
}
