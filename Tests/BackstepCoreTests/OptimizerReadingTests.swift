import BackstepCore
import Testing

/// The optimizer overlay's numbers against the update formulas worked again here, from the
/// gradients each step applied.
@Suite("The optimizer reading")
struct OptimizerReadingTests {
  static let w1 = ParameterKey(layer: 1, name: .weights)

  /// A stepper and layer 1's applied gradient dW₁ of each of `steps` steps, in order.
  static func run(_ optimizer: OptimizerSettings, steps: Int) throws -> (Stepper, [[Double]]) {
    var s = try StepperTests.make { $0.optimizer = optimizer }
    var gradients: [[Double]] = []
    for _ in 0..<steps {
      s.finishIteration()
      gradients.append(s.record.layers[0].appliedDW.storage)
    }
    return (s, gradients)
  }

  static func norm(_ x: [Double]) -> Double { x.reduce(0) { $0 + $1 * $1 }.squareRoot() }

  static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  @Test func momentumBufferIsTheDecayedSumOfGradients() throws {
    var sgd = OptimizerSettings(kind: .sgd, lr: 0.1)
    sgd.momentum = 0.9
    let (s, gradients) = try Self.run(sgd, steps: 3)
    // b₁ = g₁, bₜ = μ bₜ₋₁ + gₜ (dampening 0).
    var b = gradients[0]
    for g in gradients.dropFirst() { b = zip(b, g).map { 0.9 * $0 + $1 } }
    let reading = OptimizerReading(s)
    let w = try #require(reading.layers[0].parameters.first { $0.key == Self.w1 })
    let buffer = try #require(w.buffers.first { $0.name == "momentum_buffer" })
    #expect(Self.close(buffer.spread.norm, Self.norm(b)))
    #expect(Self.close(buffer.spread.range?.lowerBound, b.min() ?? .nan))
    #expect(Self.close(buffer.spread.range?.upperBound, b.max() ?? .nan))
    #expect(w.adam == nil)
    #expect(reading.step == 3 && reading.learningRate == 0.1)
    #expect(Self.close(w.norm, Self.norm(s.network.values(of: Self.w1))))
    #expect(reading.layers.map(\.updateRatio) == s.record.diagnostics?.layers.map(\.updateRatio))
  }

  @Test func adamCorrectedMomentsAndStepAfterThreeSteps() throws {
    let (s, gradients) = try Self.run(OptimizerSettings(kind: .adam, lr: 0.01), steps: 3)
    var m = [Double](repeating: 0, count: gradients[0].count)
    var v = m
    for g in gradients {
      m = zip(m, g).map { 0.9 * $0 + 0.1 * $1 }
      v = zip(v, g).map { 0.999 * $0 + 0.001 * $1 * $1 }
    }
    let mHat = m.map { $0 / (1 - 0.9 * 0.9 * 0.9) }
    let vHat = v.map { $0 / (1 - 0.999 * 0.999 * 0.999) }
    let steps = zip(mHat, vHat).map { 0.01 * $0 / ($1.squareRoot() + 1e-8) }.sorted()
    let adam = try #require(OptimizerReading(s).layers[0].parameters.first { $0.key == Self.w1 }?.adam)
    #expect(Self.close(adam.mHat.range?.lowerBound, mHat.min() ?? .nan, 1e-9))
    #expect(Self.close(adam.mHat.range?.upperBound, mHat.max() ?? .nan, 1e-9))
    #expect(Self.close(adam.vHat.range?.lowerBound, vHat.min() ?? .nan, 1e-9))
    #expect(Self.close(adam.vHat.range?.upperBound, vHat.max() ?? .nan, 1e-9))
    #expect(Self.close(adam.step.range?.lowerBound, steps[0], 1e-9))
    #expect(Self.close(adam.step.range?.upperBound, steps[steps.count - 1], 1e-9))
    let median = steps.count % 2 == 1 ? steps[steps.count / 2] : (steps[steps.count / 2 - 1] + steps[steps.count / 2]) / 2
    #expect(Self.close(adam.step.median, median, 1e-9))
  }

  /// After one step m̂ = g and v̂ = g², so every step is lr·g/(|g| + ε): ±lr for any g ≫ ε.
  @Test func adamFirstStepIsTheLearningRateInSize() throws {
    let (s, gradients) = try Self.run(OptimizerSettings(kind: .adam, lr: 0.01), steps: 1)
    let adam = try #require(OptimizerReading(s).layers[0].parameters.first { $0.key == Self.w1 }?.adam)
    let g = gradients[0]
    #expect(Self.close(adam.mHat.range?.lowerBound, g.min() ?? .nan, 1e-9))
    #expect(Self.close(adam.vHat.range?.upperBound, g.map { $0 * $0 }.max() ?? .nan, 1e-9))
    #expect(g.contains { $0 < 0 } && g.contains { $0 > 0 })
    #expect(Self.close(adam.step.range?.lowerBound, -0.01, 1e-5) && Self.close(adam.step.range?.upperBound, 0.01, 1e-5))
  }

  @Test func aPendingChangeIsReadApartFromTheRecordsSettings() throws {
    var (s, _) = try Self.run(OptimizerSettings(kind: .sgd, lr: 0.1), steps: 2)
    var next = s.settings
    next.optimizer = OptimizerSettings(kind: .sgd, lr: 0.3)
    let from = try s.reconfigure(next)
    let reading = OptimizerReading(s)
    #expect(reading.learningRate == 0.1)
    #expect(reading.pending?.resolvedLR == 0.3)
    #expect(reading.pendingFrom == from && from == 3)
    #expect(reading.layers.allSatisfy { $0.parameters.allSatisfy(\.buffers.isEmpty) })
  }

  @Test func adagradsDecayedRateAndAccumulatedSum() throws {
    var adagrad = OptimizerSettings(kind: .adagrad, lr: 0.1)
    adagrad.lrDecay = 0.5
    let (s, gradients) = try Self.run(adagrad, steps: 2)
    let sum = zip(gradients[0], gradients[1]).map { $0 * $0 + $1 * $1 }
    let reading = OptimizerReading(s)
    #expect(Self.close(reading.learningRate, 0.1 / 1.5))
    let buffer = try #require(reading.layers[0].parameters.first { $0.key == Self.w1 }?.buffers.first { $0.name == "sum" })
    #expect(Self.close(buffer.spread.range?.upperBound, sum.max() ?? .nan))
    #expect(Self.close(buffer.spread.range?.lowerBound, sum.min() ?? .nan))
  }

  /// RMSprop's square_avg and Adadelta's square_avg and acc_delta, worked from the gradients.
  @Test func rmspropAndAdadeltaAverages() throws {
    let (rms, g) = try Self.run(OptimizerSettings(kind: .rmsprop, lr: 0.01), steps: 2)
    let square = zip(g[0], g[1]).map { 0.99 * (0.01 * $0 * $0) + 0.01 * $1 * $1 }
    let buffers = try #require(OptimizerReading(rms).layers[0].parameters.first { $0.key == Self.w1 }?.buffers)
    #expect(buffers.map(\.name) == ["square_avg"])
    #expect(Self.close(buffers[0].spread.range?.upperBound, square.max() ?? .nan))
    let (delta, h) = try Self.run(OptimizerSettings(kind: .adadelta), steps: 1)
    // One step from zero: v = (1 − ρ) g², Δ = √ε / √(v + ε) · g, u = (1 − ρ) Δ².
    let v = h[0].map { 0.1 * $0 * $0 }
    let u = zip(v, h[0]).map { v, g in 0.1 * (1e-6.squareRoot() / (v + 1e-6).squareRoot() * g) * (1e-6.squareRoot() / (v + 1e-6).squareRoot() * g) }
    let named = try #require(OptimizerReading(delta).layers[0].parameters.first { $0.key == Self.w1 }?.buffers)
    #expect(named.map(\.name) == ["square_avg", "acc_delta"])
    #expect(Self.close(named[0].spread.range?.lowerBound, v.min() ?? .nan) && Self.close(named[0].spread.range?.upperBound, v.max() ?? .nan))
    #expect(Self.close(named[1].spread.range?.upperBound, u.max() ?? .nan, 1e-9))
  }
}
