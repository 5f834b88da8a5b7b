import BackstepCore
import Testing

/// The selected example's numbers, on the 2-2-1 network of ``HandWorkedNetworkTests``
/// (tanh hidden, sigmoid output, bce, W1 = [[0.1, 0.2], [−0.3, 0.4]], b1 = [0.5, −0.5],
/// W2 = [[0.7, −0.6]], b2 = [0.2], batch x = [[1, 2], [0, −1]], t = [[1], [0]]).
///
/// The second example, x = [0, −1], t = 0, by hand:
///
///     z1 = [0.1·0 + 0.2·(−1) + 0.5, −0.3·0 + 0.4·(−1) − 0.5] = [0.3, −0.9]
///     a1 = tanh(z1) = [0.2913126124515909, −0.7162978701990245]
///     z2 = 0.7·0.2913126124515909 − 0.6·(−0.7162978701990245) + 0.2 = 0.8336975508355282
///     a2 = σ(z2) = 0.6971361893947432
///     ℓ  = softplus(z2) − t·z2 = log(1 + e^0.8336975508355282) = 1.194472044464311
///     dL/da2 = (a2 − t) / (a2·(1 − a2)·B) = 1 / ((1 − a2)·2) = 1.6509070496101113
///
/// and the first, x = [1, 2], t = 1: z1 = [1, 0], a1 = [0.7615941559557649, 0],
/// z2 = 0.7331159091690354, ℓ = softplus(z2) − z2 = 0.392318902447226; the mean of the two is
/// the batch's 0.7933954734557686.
@Suite("The selected example's reading")
struct ExampleReadingTests {
  func makeStepper() throws -> Stepper {
    try HandWorkedNetworkTests().makeStepper()
  }

  func close(_ a: Double?, _ e: Double) -> Bool {
    guard let a else { return false }
    return abs(a - e) <= 1e-14 * max(1, abs(e))
  }

  @Test func nothingBeforeTheFirstIteration() throws {
    let s = try makeStepper()
    #expect(s.example(0) == nil)
  }

  @Test func theSecondExampleStageByStage() throws {
    var s = try makeStepper()
    s.advance()
    var e = try #require(s.example(1))
    #expect(e.position == 1 && e.row == 1)
    #expect(e.input == [0, -1] && e.target == [0])
    #expect(e.prediction == nil && e.loss == nil && e.dLda == nil, "forward(2) has not run")
    s.advance()
    e = try #require(s.example(1))
    #expect(close(e.prediction?.first, 0.6971361893947432))
    #expect(e.loss == nil && e.dLda == nil, "the loss stage has not run")
    s.advance()
    e = try #require(s.example(1))
    #expect(close(e.loss, 1.194472044464311))
    #expect(close(e.dLda?.first, 1.6509070496101113))
    #expect(e.dLda?.count == 1 && e.prediction?.count == 1)
  }

  @Test func theFirstExampleAndTheBatchMean() throws {
    var s = try makeStepper()
    for _ in 0..<3 { s.advance() }
    let first = try #require(s.example(0))
    #expect(first.input == [1, 2] && first.target == [1])
    #expect(close(first.loss, 0.392318902447226))
    // dL/da2 = (a2 − 1) / (a2·(1 − a2)·2) = −1 / (2·a2) for t = 1.
    let a2 = try #require(first.prediction?.first)
    #expect(close(first.dLda?.first, -1 / (2 * a2)))
    let second = try #require(s.example(1))
    #expect(close(((first.loss ?? .nan) + (second.loss ?? .nan)) / 2, s.record.dataLoss))
  }

  @Test func outsideTheBatchThereIsNoExample() throws {
    var s = try makeStepper()
    s.advance()
    #expect(s.example(2) == nil)
    #expect(s.example(-1) == nil)
  }

  @Test func aNewIterationMakesTheLaterStagesStaleAgain() throws {
    var s = try makeStepper()
    s.finishIteration()
    #expect(s.example(1)?.loss != nil, "a finished iteration is fresh throughout")
    s.advance()
    let e = try #require(s.example(1))
    #expect(e.prediction == nil && e.loss == nil && e.dLda == nil)
  }
}
