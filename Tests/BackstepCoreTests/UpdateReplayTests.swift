import BackstepCore
import Testing

/// A parameter's update, replayed for one element through the optimizer from the state the
/// record kept, is the record's ΔW for every optimizer, after steps that made the state non-trivial.
@Suite("Replaying one element's update")
struct UpdateReplayTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let optimizer: OptimizerSettings
    var testDescription: String { name }
  }

  static func optimizer(_ kind: OptimizerSettings.Kind, lr: Double) -> OptimizerSettings { OptimizerSettings(kind: kind, lr: lr) }

  static let cases: [Case] = [
    Case(name: "sgd", optimizer: optimizer(.sgd, lr: 0.1)),
    Case(name: "sgd, momentum, dampening, weight decay", optimizer: optimizer(.sgd, lr: 0.1).overriding(momentum: 0.9, dampening: 0.2, weightDecay: 0.01)),
    Case(name: "nesterov", optimizer: optimizer(.sgd, lr: 0.05).overriding(momentum: 0.8, nesterov: true)),
    Case(name: "adagrad", optimizer: optimizer(.adagrad, lr: 0.1).overriding(lrDecay: 0.05, initialAccumulatorValue: 0.1)),
    Case(name: "rmsprop", optimizer: optimizer(.rmsprop, lr: 0.01)),
    Case(name: "rmsprop, centered, momentum", optimizer: optimizer(.rmsprop, lr: 0.01).overriding(momentum: 0.5, weightDecay: 0.02, centered: true)),
    Case(name: "adam", optimizer: optimizer(.adam, lr: 0.01)),
    Case(name: "adam, amsgrad, weight decay", optimizer: optimizer(.adam, lr: 0.01).overriding(weightDecay: 0.05, amsgrad: true)),
    Case(name: "adamw", optimizer: optimizer(.adamw, lr: 0.01)),
    Case(name: "adadelta", optimizer: optimizer(.adadelta, lr: 1)),
  ]

  /// Both kinds of layer: dense (W, b) and batchnorm (γ, β), with norm clipping on.
  static func stepper(_ optimizer: OptimizerSettings) throws -> Stepper {
    let c = DecompositionTests.Case(
      name: "replay", specs: LayerSpec.withBatchNorm([LayerSpec(units: 3, activation: .tanh)]) + [LayerSpec(units: 2, activation: .sigmoid)],
      loss: .mse, clipping: Clipping(maxNorm: 0.01), seed: 17)
    return try DecompositionTests.stepper(c, optimizer: optimizer)
  }

  @Test(arguments: cases)
  func theReplayIsTheRecordsUpdate(_ c: Case) throws {
    var s = try Self.stepper(c.optimizer)
    s.run(iterations: 4)
    var checked = 0
    for l in 1...s.network.depth {
      let rec = s.record.layers[l - 1]
      for j in 0..<rec.updateW.rows {
        for i in 0..<rec.updateW.cols {
          expectUpdate(s, l, .weights, j, i, change: rec.updateW[j, i], received: rec.appliedDW[j, i], c.name)
          checked += 1
        }
        if !rec.updateB.isEmpty {
          expectUpdate(s, l, .bias, j, 0, change: rec.updateB[j], received: rec.appliedDb[j], c.name)
          checked += 1
        }
      }
    }
    #expect(checked == s.network.parameterCount)
    #expect(s.decompose(layer: 2, map: .beta, row: 0, column: 0)?.value.name == .beta, "layer 2 is batchnorm")
    #expect(s.decompose(layer: 1, map: .bias, row: 0, column: 0) == nil, "the dense layer below a batchnorm layer has no b")
    #expect(s.decompose(layer: 3, map: .beta, row: 0, column: 0) == nil, "a dense layer has no β")
  }

  func expectUpdate(_ s: Stepper, _ l: Int, _ map: ShownMap, _ j: Int, _ i: Int, change: Double, received: Double, _ what: String) {
    guard case .parameter(let u)? = s.decompose(layer: l, map: map, row: j, column: i)?.form, let u else {
      Issue.record("\(what): no update of \(map) in layer \(l) at [\(j), \(i)]")
      return
    }
    #expect(u.change == change, "\(what): \(map) of layer \(l): replayed \(u.change) vs recorded \(change)")
    #expect(u.received == received)
    #expect(u.step == s.step)
    #expect(Decomposed.close(u.gradient * u.clipCoefficient, u.received), "\(what): norm clipping scales the gradient")
    #expect(u.clipCoefficient < 1, "\(what): the clipping bound is small enough to clip")
    let decayed: Double
    if case .adam(let r) = u.rule, let d = r.decayed { decayed = d } else { decayed = u.before.value }
    #expect(Decomposed.close(decayed - u.rule.step, u.after), "\(what): θ − step is θ after")
    if let wd = u.weightDecay { #expect(wd.gradient == u.received + wd.rate * u.before.value) }
    switch u.rule {
    case .adam(let r):
      #expect(r.m.before != nil && r.v.before != nil, "\(what): after four steps Adam has state")
      #expect(Decomposed.close(r.mHat, r.m.after / r.biasCorrection1))
      let stepFromHats = r.lr * r.mHat / (r.vHat.squareRoot() + r.eps)
      #expect(abs(stepFromHats - r.step) <= 1e-9 * max(abs(r.step), 1e-12), "\(what): lr·m̂/(√v̂ + ε) is the step")
    case .sgd(let r):
      if let b = r.velocity { #expect(b.before != nil && b.after != b.before, "\(what): the velocity moved") }
    case .rmsprop(let r): #expect(r.squareAvg.before != nil)
    case .adagrad(let r): #expect(r.sum.after >= (r.sum.before ?? .infinity), "\(what): the sum of squares only grows")
    case .adadelta(let r): #expect(r.accDelta.before != nil)
    }
  }
}
