import Testing

@testable import BackstepCore

/// `{W L i j}`, `{dW L i j}`, `{update W L i j}` and `{loss-rises N}` on a one-layer linear
/// network whose numbers are worked out by hand:
///
///     x = [3, 1], t = 1, W = [2, −1], b = 0.5, identity output, mse (½(a − t)², one example)
///     z = a = 6 − 1 + 0.5 = 5.5, δ = a − t = 4.5, dW = δ·x = [13.5, 4.5], db = 4.5
///     with SGD at lr: ΔW = −lr·dW, and the residual a − t becomes (1 − lr·(‖x‖² + 1))·(a − t)
///
/// so lr = 0.1 takes the residual to −0.1 of itself each step (the loss falls at every step)
/// and lr = 0.3 to −2.3 of it (the loss rises at every step).
@Suite("Placeholders of the update: W, dW, ΔW and the rises of the loss")
struct ParameterPlaceholderTests {
  static func stepper(lr: Double) throws -> Stepper {
    let network = try Network(
      inputs: 2, layers: [DenseLayer(weights: Matrix([[2, -1]])!, bias: [0.5], activation: .identity)], loss: .mse)
    let data = Dataset(name: "hand", inputs: Matrix([[3, 1]])!, targets: Matrix([[1]])!, problem: .regression)
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: lr))
    settings.shuffle = false
    return try Stepper(network: network, data: DataSplit(train: data, test: data.subset([])), settings: settings)
  }

  func number(_ text: String, _ s: Stepper) throws -> Double {
    guard let x = try Placeholder(parsing: text).value(in: s).number else { throw LessonValueMissing("\(text) is not a number") }
    return x
  }

  @Test func aWeightItsGradientAndItsUpdateReadTheirStages() throws {
    var s = try Self.stepper(lr: 0.1)
    #expect(try number("W 1 1 2", s) == -1)
    #expect(throws: LessonValueMissing.self) { try number("dW 1 1 1", s) }
    s.advance()  // forward(1)
    s.advance()  // loss
    #expect(throws: LessonValueMissing.self) { try number("dW 1 1 1", s) }
    s.advance()  // backward(1)
    #expect(try number("dW 1 1 1", s) == 13.5)
    #expect(try number("dW 1 1 2", s) == 4.5)
    #expect(throws: LessonValueMissing.self) { try number("update W 1 1 1", s) }
    s.advance()  // update
    #expect(abs(try number("update W 1 1 1", s) + 1.35) < 1e-12)
    #expect(abs(try number("update W 1 1 2", s) + 0.45) < 1e-12)
    #expect(abs(try number("W 1 1 1", s) - 0.65) < 1e-12)
    // dW stays this step's until the next step's backward(1).
    #expect(try number("dW 1 1 1", s) == 13.5)
    s.advance()  // forward(1) of step 2
    #expect(throws: LessonValueMissing.self) { try number("update W 1 1 1", s) }
  }

  @Test func anEntryOutsideTheMatrixOrTheNetworkIsMissing() throws {
    var s = try Self.stepper(lr: 0.1)
    s.finishIteration()
    #expect(throws: LessonValueMissing.self) { try number("W 1 2 1", s) }
    #expect(throws: LessonValueMissing.self) { try number("dW 1 1 3", s) }
    #expect(throws: LessonValueMissing.self) { try number("update W 2 1 1", s) }
    #expect(try Placeholder(parsing: "update W 1 1 2").text == "update W 1 1 2")
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "update W 1 1") }
  }

  @Test func theRisesOfTheLossCountStepsThatClimbed() throws {
    var falling = try Self.stepper(lr: 0.1)
    var climbing = try Self.stepper(lr: 0.3)
    falling.run(iterations: 2)
    climbing.run(iterations: 2)
    // Two steps give two measurements, one change: not enough for two.
    #expect(throws: LessonValueMissing.self) { try number("loss-rises 2", climbing) }
    falling.run(iterations: 1)
    climbing.run(iterations: 1)
    #expect(try number("loss-rises 2", falling) == 0)
    #expect(try number("loss-rises 2", climbing) == 2)
  }

  @Test func theHistoryCountsRisesOverItsLastEntries() {
    var history = TrainingHistory(layers: 0)
    for (step, loss) in [1, 0.5, 0.7, 0.6, 0.9].enumerated() {
      history.append(IterationDiagnostics(step: step + 1, layers: [], batchLoss: loss, trainLoss: loss))
    }
    #expect(history.trainLossRises(last: 1) == 1)
    #expect(history.trainLossRises(last: 2) == 1)
    #expect(history.trainLossRises(last: 4) == 2)
    #expect(history.trainLossRises(last: 5) == nil)
    history.append(IterationDiagnostics(step: 6, layers: [], batchLoss: 1, trainLoss: nil))
    #expect(history.trainLossRises(last: 1) == nil)
  }
}
