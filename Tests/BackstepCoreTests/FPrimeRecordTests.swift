import BackstepCore
import Testing

/// f′(z_l) as backward(l) keeps it: the factor δ_l was made with, of z rather than of the
/// dropped-out a, absent where δ_L came fused from the logit; and its colour scale.
@Suite("f′(z) in the record")
struct FPrimeRecordTests {
  let hidden = LayerSpec(units: 3, activation: .tanh)

  /// Runs forward, loss and backward of one iteration.
  func backwardDone(_ s: inout Stepper) {
    while s.lastStage != .backward(1) { s.advance() }
  }

  @Test(arguments: [Activation.tanh, .sigmoid, .relu, .elu, .gelu])
  func deltaIsTheUpstreamGradientTimesFPrime(activation: Activation) throws {
    var s = try RecordFixture.stepper(
      [LayerSpec(units: 3, activation: activation), LayerSpec(units: 2, activation: .identity)], loss: .mse)
    backwardDone(&s)
    for l in 1...2 {
      let rec = s.record.layers[l - 1]
      let upstream = l == 2 ? s.record.dLdaOutput : s.record.layers[l].dAPrev
      #expect(rec.fPrime.rows == rec.z.rows && rec.fPrime.cols == rec.z.cols)
      for i in 0..<rec.z.count {
        let f = s.network.layers[l - 1].activation.derivative(z: rec.z.storage[i], a: rec.a.storage[i])
        #expect(rec.fPrime.storage[i] == f, "layer \(l) entry \(i)")
        #expect(rec.delta.storage[i] == upstream.storage[i] * rec.fPrime.storage[i], "layer \(l) entry \(i)")
      }
    }
  }

  @Test func aFusedOutputKeepsNoFPrime() throws {
    var s = try RecordFixture.stepper([hidden, LayerSpec(units: 1, activation: .sigmoid)], loss: .bce)
    backwardDone(&s)
    #expect(s.record.layers[1].fPrime.count == 0)
    #expect(s.record.layers[0].fPrime.count == s.record.layers[0].z.count)
    #expect(s.scale(of: .fPrime, layer: 2) == MapScale())
  }

  @Test func withDropoutFPrimeIsOfZAndTheMaskStaysApart() throws {
    let specs = [LayerSpec(units: 6, activation: .sigmoid), LayerSpec(units: 1, activation: .identity)]
    var s = try RecordFixture.stepper(specs, loss: .mse, rows: 8, dropout: 0.5)
    backwardDone(&s)
    let rec = s.record.layers[0]
    let mask = try #require(rec.mask)
    let activated = try #require(rec.activated)
    #expect(mask.storage.contains(0), "the seed drops at least one unit")
    for i in 0..<rec.z.count {
      #expect(rec.fPrime.storage[i] == activated.storage[i] * (1 - activated.storage[i]))
      #expect(rec.delta.storage[i] == s.record.layers[1].dAPrev.storage[i] * mask.storage[i] * rec.fPrime.storage[i])
    }
  }

  @Test func fPrimeIsMeasuredByItsStage() throws {
    var s = try RecordFixture.stepper([hidden, LayerSpec(units: 1, activation: .identity)], loss: .mse)
    while s.lastStage != .backward(2) { s.advance() }
    #expect(s.scale(of: .fPrime, layer: 2) == MapScale(of: s.record.layers[1].fPrime.storage))
    #expect(s.scale(of: .fPrime, layer: 2).largest == 1, "identity's f′ is 1 everywhere")
    s.advance()
    let hiddenScale = s.scale(of: .fPrime, layer: 1)
    #expect(hiddenScale == MapScale(of: s.record.layers[0].fPrime.storage))
    #expect(hiddenScale.largest > 0 && hiddenScale.largest <= 1, "tanh′ lies in (0, 1]")
  }

  @Test func theBiasIsMeasuredWithTheWeights() throws {
    var s = try RecordFixture.stepper([hidden, LayerSpec(units: 1, activation: .identity)], loss: .mse)
    #expect(s.scale(of: .bias, layer: 1) == MapScale(of: s.network.layers[0].bias))
    s.finishIteration()
    let moved = s.network.layers[0].bias
    #expect(moved != [0.1, 0.1, 0.1], "the update moved b_1")
    #expect(s.scale(of: .bias, layer: 1) == MapScale(of: moved))
    #expect(s.scale(of: .bias, layer: 2) == MapScale(of: s.network.layers[1].bias))
  }

  @Test func theFastPathRecordsTheSameFPrime() throws {
    var stepped = try RecordFixture.stepper([hidden, LayerSpec(units: 2, activation: .sigmoid)], loss: .mse)
    var fast = stepped
    stepped.run(iterations: 3)
    fast.train(iterations: 3)
    for l in 1...2 {
      #expect(fast.record.layers[l - 1].fPrime == stepped.record.layers[l - 1].fPrime)
      #expect(fast.scale(of: .fPrime, layer: l) == stepped.scale(of: .fPrime, layer: l))
    }
  }

  @Test(arguments: Activation.hidden)
  func fPrimeStaysInItsDeclaredRange(activation: Activation) {
    let range = activation.derivativeRange
    #expect(ShownMap.fPrime.range(activation: activation) == range)
    // z from −20 to 20 by 0.005, through every extreme of f′.
    let outside = (-4000...4000).map { Double($0) / 200 }.filter { z in
      !range.contains(activation.derivative(z: z, a: activation.value(z)))
    }
    #expect(outside.isEmpty, "f′ leaves \(range) at z = \(outside.prefix(3))")
  }
}
