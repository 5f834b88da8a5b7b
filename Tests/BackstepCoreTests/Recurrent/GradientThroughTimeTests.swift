import BackstepCore
import Testing

/// The gradient through time on the network worked out by hand (``RecurrentHandWorkedTests``):
///
///     δ₃ = [−4.8125, 9.625] = 4.8125·[−1, 2],        ‖δ₃‖ = 4.8125·√5
///     δ₂ = [−2.40625, 0],                             ‖δ₂‖ = 2.40625
///     δ₁ = [−1.203125, −0.6015625] = 0.6015625·[−2, −1], ‖δ₁‖ = 0.6015625·√5
///
/// so ‖δ₁‖/‖δ₃‖ = 0.6015625/4.8125 = 1/8 and ‖δ₂‖/‖δ₃‖ = 1/(2√5) ≈ 0.2236.
@Suite("The gradient through time: ‖δ_t‖ per time step, its verdicts, its history and its placeholders")
struct GradientThroughTimeTests {
  static let norms = [0.6015625 * 5.0.squareRoot(), 2.40625, 4.8125 * 5.0.squareRoot()]

  static func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) <= 1e-12 * abs(b) } ?? false }

  /// The hand-worked stepper after its first `stages` stages.
  static func stepper(after stages: Int) throws -> Stepper {
    var s = try RecurrentHandWorkedTests.stepper()
    for _ in 0..<stages { s.advance() }
    return s
  }

  /// A dense network of two tanh units and one output, on a table.
  static func dense() throws -> Stepper {
    let network = try Network(
      inputs: 2, specs: [LayerSpec(units: 2, activation: .tanh), LayerSpec(units: 1, activation: .identity)], loss: .mse, initializer: .xavierUniform, seed: 1)
    return try Stepper(network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 8, loss: .mse, seed: 1), settings: TrainingSettings())
  }

  @Test func theNormsFillInFromTheLastTimeStep() throws {
    let before = try #require(try Self.stepper(after: 6).gradientThroughTime)
    #expect(before.layer == 1 && before.steps == 3)
    #expect(before.norms == [nil, nil, nil] && before.fresh == [false, false, false] && before.ratio == nil)
    let third = try #require(try Self.stepper(after: 7).gradientThroughTime)
    #expect(third.norms[0] == nil && third.norms[1] == nil && Self.near(third.norms[2], Self.norms[2]))
    #expect(third.fresh == [false, false, true])
    let whole = try #require(try Self.stepper(after: 9).gradientThroughTime)
    for t in 0..<3 { #expect(Self.near(whole.norms[t], Self.norms[t]), "t = \(t + 1)") }
    #expect(whole.fresh == [true, true, true])
    #expect(Self.near(whole.ratio, 0.125))
  }

  @Test func eachTimeStepIsJudgedAgainstTheGradientEnteringAtT() throws {
    var s = try Self.stepper(after: 9)
    #expect(s.gradientThroughTime?.verdicts == [.healthy, .healthy, .healthy])
    // 1/8 falls below a ratio of 0.2, 1/(2√5) does not.
    s.thresholds.vanishingRatio = 0.2
    #expect(s.gradientThroughTime?.verdicts == [.vanishing, .healthy, .healthy])
    s.thresholds.vanishingNorm = 3
    #expect(s.gradientThroughTime?.verdicts == [.vanishing, .vanishing, .healthy])
    #expect(s.gradientThroughTime?.vanishing == 3)
  }

  @Test func theNextIterationKeepsTheOldNormsAsStale() throws {
    var s = try Self.stepper(after: 10)
    #expect(s.lastStage == .update)
    s.advance()
    let g = try #require(s.gradientThroughTime)
    #expect(g.fresh == [false, false, false])
    for t in 0..<3 { #expect(Self.near(g.norms[t], Self.norms[t])) }
  }

  @Test func theHistoryKeepsEachStepsNorms() throws {
    var s = try RecurrentHandWorkedTests.stepper()
    s.finishIteration()
    for t in 1...3 { #expect(s.history.deltaThroughTime(at: t).count == 1 && Self.near(s.history.deltaThroughTime(at: t)[0], Self.norms[t - 1])) }
    s.finishIteration()
    #expect(s.history.deltaThroughTime.count == 2)
    #expect(s.history.deltaThroughTime[1] == s.deltaThroughTime[0])
    #expect(s.history.deltaThroughTime(at: 4) == [0, 0])
    #expect(s.history.latest?.deltaThroughTime == s.deltaThroughTime[0])
  }

  @Test func aDenseNetworkHasNoGradientThroughTime() throws {
    var s = try Self.dense()
    s.finishIteration()
    #expect(s.gradientThroughTime == nil)
    #expect(s.history.deltaThroughTime.isEmpty && s.history.latest?.deltaThroughTime == nil)
  }

  @Test func placeholdersReadATimeStepOnceItsBackwardStageHasRun() throws {
    let s = try Self.stepper(after: 8)
    #expect(try Placeholder(parsing: "norm delta-t 1 2").value(in: s) == .number(2.40625))
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "norm delta-t 1 1").value(in: s) }
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "delta-ratio 1").value(in: s) }
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "norm delta-t 1 4").value(in: s) }
    #expect(throws: LessonValueMissing.self) { try Placeholder(parsing: "norm delta-t 2 1").value(in: s) }
    let whole = try Self.stepper(after: 9)
    guard case .number(let ratio) = try Placeholder(parsing: "delta-ratio 1").value(in: whole) else {
      Issue.record("delta-ratio is not a number")
      return
    }
    #expect(Self.near(ratio, 0.125))
  }

  @Test func aBreakpointOnATimeStepBeyondTIsRefused() throws {
    var s = try RecurrentFixture.stepper(steps: 10)
    let error = #expect(throws: ConfigurationError.self) { try s.watch(for: [.stage(.forwardStep(1, t: 50))]) }
    #expect(error?.message.contains("T = 10") == true)
    try s.watch(for: [.stage(.forwardStep(1, t: 10))])
    var dense = try Self.dense()
    #expect(throws: ConfigurationError.self) { try dense.watch(for: [.stage(.backwardStep(1, t: 1))]) }
    #expect(throws: LessonValueMissing.self) { try RunTarget.stage(.backwardStep(1, t: 11)).check(depth: 2, timeSteps: 10) }
  }

  @Test func thePromptChangesTheRecurrentActivation() throws {
    var config = RunConfiguration()
    try SettingAssignment(name: "rnnact", value: "relu").apply(to: &config)
    #expect(config.rnnActivation == .relu)
    #expect(throws: ConfigurationError.self) { try SettingAssignment(name: "rnnact", value: "sigmoid") }
  }

  /// One step back keeps ‖δ_t‖/‖δ_{t+1}‖ of the gradient: none at t = T, and no ratio where
  /// ‖δ_{t+1}‖ is 0 (dead units) rather than ∞ or NaN.
  @Test func theRatioOfOneStepBackHasAValueOnlyWhereItIsDefined() {
    let norms = [0.5, 2.0, 0.0, 4.0]
    #expect(RecurrentRecord.stepRatio(1, norms: norms) == 0.25)
    #expect(RecurrentRecord.stepRatio(2, norms: norms) == nil)
    #expect(RecurrentRecord.stepRatio(3, norms: norms) == 0.0)
    #expect(RecurrentRecord.stepRatio(4, norms: norms) == nil)
    #expect(RecurrentRecord.stepRatio(0, norms: norms) == nil)
  }
}
