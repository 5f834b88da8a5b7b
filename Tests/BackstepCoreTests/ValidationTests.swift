import BackstepCore
import Testing

@Suite("Invalid construction throws with a reason")
struct ValidationTests {
  func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch {
      return String(describing: error)
    }
  }

  @Test func zeroUnits() {
    let m = message {
      _ = try Network(
        inputs: 2, specs: [LayerSpec(units: 0, activation: .tanh), LayerSpec(units: 1, activation: .sigmoid)], loss: .bce, initializer: .zeros, seed: 1)
    }
    #expect(m.contains("layer 1 has 0 units"))
  }

  @Test func softmaxOnAHiddenLayer() {
    let m = message {
      _ = try Network(
        inputs: 2, specs: [LayerSpec(units: 3, activation: .softmax), LayerSpec(units: 3, activation: .softmax)], loss: .ce, initializer: .zeros, seed: 1)
    }
    #expect(m.contains("softmax is allowed only at the output"))
  }

  @Test func bceWithoutSigmoid() {
    let m = message {
      _ = try Network(inputs: 2, specs: [LayerSpec(units: 1, activation: .tanh)], loss: .bce, initializer: .zeros, seed: 1)
    }
    #expect(m.contains("bce loss needs a sigmoid output"))
  }

  @Test func ceWithoutSoftmax() {
    let m = message {
      _ = try Network(inputs: 2, specs: [LayerSpec(units: 3, activation: .sigmoid)], loss: .ce, initializer: .zeros, seed: 1)
    }
    #expect(m.contains("ce loss needs a softmax output"))
  }

  @Test func mismatchedShapes() {
    let m = message {
      _ = try Network(inputs: 3, layers: [DenseLayer(weights: Matrix(rows: 2, cols: 2), bias: [0, 0], activation: .tanh)], loss: .mse)
    }
    #expect(m.contains("takes 3 inputs"))
  }

  @Test func dataThatDoesNotFitTheNetwork() throws {
    let network = try Network(inputs: 3, specs: [LayerSpec(units: 1, activation: .sigmoid)], loss: .bce, initializer: .zeros, seed: 1)
    let m = message {
      _ = try Stepper(network: network, data: Fixture.split(inputs: 2, outputs: 1, rows: 4, loss: .bce, seed: 1), settings: TrainingSettings())
    }
    #expect(m.contains("2 feature columns but the network takes 3 inputs"))
  }

  @Test(arguments: [0.0, -0.1, Double.nan, Double.infinity])
  func learningRateMustBePositive(_ lr: Double) {
    #expect(throws: ConfigurationError.self) { try OptimizerSettings(kind: .sgd, lr: lr).validate() }
  }

  @Test func badTrainingSettings() {
    #expect(throws: ConfigurationError.self) { try TrainingSettings(dropout: 1).validate() }
    #expect(throws: ConfigurationError.self) { try TrainingSettings(batchSize: 0).validate() }
    #expect(throws: ConfigurationError.self) { try TrainingSettings(clipping: Clipping(maxNorm: -1)).validate() }
    #expect(throws: ConfigurationError.self) { try TrainingSettings(regularization: Regularization(l2: -1)).validate() }
  }

  @Test(arguments: ["xavier", "he_normal", "uniform:0.5", "normal:1.0", "playground", "zeros"])
  func initialisersParse(_ text: String) throws {
    let i = try Initializer(parsing: text)
    #expect(try Initializer(parsing: i.description) == i)
  }

  @Test(arguments: ["uniform", "normal:-1", "normal:abc", "gaussian"])
  func badInitialisersThrow(_ text: String) {
    #expect(throws: ConfigurationError.self) { try Initializer(parsing: text) }
  }
}
