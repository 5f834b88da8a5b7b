import BackstepCore
import Testing

/// A 2-2-1 network (tanh hidden, sigmoid output, bce) on a batch of two examples, with every
/// number worked out by hand from the formulas of docs/maths.md:
///
///     z1 = x W1ᵀ + b1, a1 = tanh(z1), z2 = a1 W2ᵀ + b2, L = ½ Σ softplus(z2) − t·z2
///     δ2 = (σ(z2) − t)/2, dW2 = δ2ᵀ a1, δ1 = (δ2 W2) ⊙ (1 − a1²), dW1 = δ1ᵀ x
///
/// With W1 = [[0.1, 0.2], [−0.3, 0.4]], b1 = [0.5, −0.5], x = [[1, 2], [0, −1]], the first row
/// gives z1 = [1, 0] exactly; the rest follows in double precision.
@Suite("A 2-2-1 network worked out by hand")
struct HandWorkedNetworkTests {
  func makeStepper(lr: Double = 0.5) throws -> Stepper {
    let network = try Network(
      inputs: 2,
      layers: [
        DenseLayer(weights: Matrix([[0.1, 0.2], [-0.3, 0.4]])!, bias: [0.5, -0.5], activation: .tanh),
        DenseLayer(weights: Matrix([[0.7, -0.6]])!, bias: [0.2], activation: .sigmoid),
      ], loss: .bce)
    let data = Dataset(
      name: "hand", inputs: Matrix([[1, 2], [0, -1]])!, targets: Matrix([[1], [0]])!, labels: [1, 0],
      task: .classification)
    var settings = TrainingSettings(optimizer: OptimizerSettings(kind: .sgd, lr: lr))
    settings.shuffle = false
    return try Stepper(network: network, data: DataSplit(train: data, test: data.subset([])), settings: settings)
  }

  func expect(_ actual: [Double], _ expected: [Double], _ what: String) {
    #expect(actual.count == expected.count, "\(what): count")
    for (a, e) in zip(actual, expected) {
      #expect(abs(a - e) <= 1e-14 * max(1, abs(e)), "\(what): \(a) vs \(e)")
    }
  }

  @Test func forwardPass() throws {
    var s = try makeStepper()
    #expect(s.advance() == .forward(1))
    expect(s.record.layers[0].z.storage, [1.0, 0.0, 0.3, -0.9], "z1")
    expect(s.record.layers[0].a.storage, [0.7615941559557649, 0.0, 0.2913126124515909, -0.7162978701990245], "a1")
    #expect(s.advance() == .forward(2))
    expect(s.record.layers[1].z.storage, [0.7331159091690354, 0.8336975508355282], "z2")
    expect(s.record.layers[1].a.storage, [0.6754886646205701, 0.6971361893947432], "a2")
    #expect(s.advance() == .loss)
    #expect(abs(s.record.dataLoss - 0.7933954734557686) < 1e-15)
    #expect(s.record.regLoss == 0)
  }

  @Test func backwardPass() throws {
    var s = try makeStepper()
    for _ in 0..<4 { s.advance() }
    #expect(s.lastStage == .backward(2))
    expect(s.record.layers[1].delta.storage, [-0.16225566768971494, 0.3485680946973716], "δ2")
    expect(s.record.layers[1].dW.storage, [-0.02203068599962267, -0.24967858385105915], "dW2")
    expect(s.record.layers[1].db, [0.18631242700765666], "db2")
    s.advance()
    expect(
      s.record.layers[0].delta.storage,
      [-0.04770025204779257, 0.09735340061382897, 0.22329128301973458, -0.10183431411032963], "δ1")
    expect(
      s.record.layers[0].dW.storage,
      [-0.04770025204779257, -0.3186917871153197, 0.09735340061382897, 0.29654111533798755], "dW1")
    expect(s.record.layers[0].db, [0.175591030971942, -0.004480913496500663], "db1")
    expect(
      s.record.layers[0].dAPrev.storage,
      [-0.03397604538892794, 0.029401309835973076, 0.05287942253507234, 0.003924530959815063], "dL/dx")
  }

  @Test func sgdUpdate() throws {
    var s = try makeStepper()
    s.finishIteration()
    #expect(s.step == 1)
    expect(
      s.network.layers[0].weights.storage,
      [0.12385012602389629, 0.3593458935576599, -0.34867670030691444, 0.25172944233100625], "W1 after")
    expect(s.network.layers[1].weights.storage, [0.7110153429998113, -0.4751607080744704], "W2 after")
    // ΔW is what the optimizer moved: −lr·dW for plain SGD.
    expect(s.record.layers[1].updateW.storage, [0.011015342999811335, 0.12483929192552958], "ΔW2")
  }
}
