import BackstepCore
import Testing

/// The 2-2-1 network of ``HandWorkedNetworkTests`` (tanh hidden, sigmoid output, bce, SGD with
/// lr 0.5, x = [[1, 2], [0, −1]], t = [1, 0]), its values explained and worked out by hand:
///
///     z1[1, e1] = b1_1 + W1_11·x_1 + W1_12·x_2 = 0.5 + 0.1·1 + 0.2·2 = 0.5 + 0.1 + 0.4 = 1.0
///     a1[1, e1] = tanh(1) = 0.7615941559557649, f′ = 1 − a² = 0.41997434161402614
///     δ2[1, e1] = (p − t)/B = (0.6754886646205701 − 1)/2 = −0.16225566768971494   (fused bce)
///     δ1[1, e1] = (δ2·W2_11)·f′ = (−0.16225566768971494·0.7)·0.41997434161402614
///               = −0.11357896738280046·0.41997434161402614 = −0.04770025204779257
///     dW2[1, 1] = δ2_e1·a1_e1 + δ2_e2·a1_e2
///               = −0.16225566768971494·0.7615941559557649 + 0.3485680946973716·0.2913126124515909
///               = −0.12357217… + 0.10154149… = −0.02203068599962267
///     W2_11 after = 0.7 − lr·dW2 = 0.7 − 0.5·(−0.02203068599962267) = 0.7110153429998113
@Suite("Decomposing the 2-2-1 network by hand")
struct HandWorkedDecompositionTests {
  func expectNear(_ actual: Double?, _ expected: Double, _ what: String) {
    guard let actual else {
      Issue.record("\(what): missing")
      return
    }
    #expect(abs(actual - expected) <= 1e-15 * max(1, abs(expected)), "\(what): \(actual) vs \(expected)")
  }

  @Test func zIsTheBiasPlusTheWeightedInputs() throws {
    var s = try HandWorkedNetworkTests().makeStepper()
    s.advance()
    guard case .affine(let a)? = s.decompose(layer: 1, map: .z, row: 0, column: 0)?.form else {
      Issue.record("z of a dense layer is an affine sum")
      return
    }
    #expect(a.bias == NamedValue(.b, layer: 1, [1], 0.5))
    #expect(a.sum.terms.map { $0.factors.map(\.name) } == [[.w, .x], [.w, .x]])
    #expect(a.sum.terms.map { $0.factors[0].indices } == [[1, 1], [1, 2]], "W_11 and W_12, 1-based")
    #expect(a.sum.terms.map { $0.factors[1].indices } == [[1, 1], [2, 1]], "x_1 and x_2 of example 1")
    expectNear(a.sum.terms[0].value, 0.1, "W·x 1")
    expectNear(a.sum.terms[1].value, 0.4, "W·x 2")
    expectNear(a.sum.total, 1.0, "z")
    guard case .activation(let f)? = s.decompose(layer: 1, map: .a, row: 0, column: 0)?.form else {
      Issue.record("a of a tanh layer is f(z)")
      return
    }
    #expect(f.activation == .tanh && f.mask == nil)
    expectNear(f.activated, 0.7615941559557649, "tanh(1)")
  }

  @Test func deltasFollowTheLossAndTheLayerAbove() throws {
    var s = try HandWorkedNetworkTests().makeStepper()
    for _ in 0..<5 { s.advance() }
    #expect(s.lastStage == .backward(1))
    guard case .outputDelta(let o)? = s.decompose(layer: 2, map: .delta, row: 0, column: 0)?.form else {
      Issue.record("δ at the output comes from the loss")
      return
    }
    #expect(o.loss == .bce && o.batch == 2 && o.chain == .fused(targetMass: 1))
    #expect(o.target.value == 1)
    expectNear(o.prediction.value, 0.6754886646205701, "p")
    guard let d1 = s.decompose(layer: 1, map: .delta, row: 0, column: 0), case .hiddenDelta(let h) = d1.form,
      case .weighted(let sum) = h.upstream
    else {
      Issue.record("δ of a hidden layer comes from the layer above")
      return
    }
    #expect(sum.terms.count == 1 && sum.terms[0].factors.map(\.name) == [.delta, .w])
    expectNear(sum.terms[0].value, -0.11357896738280046, "δ2·W2_11")
    expectNear(h.fPrime.value, 0.41997434161402614, "1 − tanh²(1)")
    expectNear(d1.value.value, -0.04770025204779257, "δ1")
    expectNear(s.decompose(layer: 1, map: .fPrime, row: 0, column: 0)?.value.value ?? .nan, 0.41997434161402614, "f′ map")
    #expect(s.decompose(layer: 2, map: .fPrime, row: 0, column: 0) == nil, "a fused output uses no f′")
  }

  @Test func dWSumsTheExamplesAndTheUpdateIsSGDs() throws {
    var s = try HandWorkedNetworkTests().makeStepper()
    s.finishIteration()
    guard case .gradient(let g)? = s.decompose(layer: 2, map: .dW, row: 0, column: 0)?.form else {
      Issue.record("dW is a sum over the examples")
      return
    }
    #expect(g.regularization == nil)
    #expect(g.sum.terms.map { $0.factors.map(\.indices) } == [[[1, 1], [1, 1]], [[1, 2], [1, 2]]], "δ_e·a_e for e = 1, 2")
    expectNear(g.total, -0.02203068599962267, "dW2")
    guard let w = s.decompose(layer: 2, map: .weights, row: 0, column: 0), case .parameter(let u?) = w.form, case .sgd(let r) = u.rule else {
      Issue.record("the update of W2_11 is SGD's")
      return
    }
    #expect(u.before.value == 0.7 && u.step == 1 && u.clipCoefficient == 1 && r.velocity == nil)
    expectNear(r.step, 0.5 * -0.02203068599962267, "lr·g")
    expectNear(u.after, 0.7110153429998113, "W2_11 after")
    #expect(w.value.value == u.after)
  }
}
