/// One layer of a network, of any kind. Each kind owns its parameters, its buffers, its
/// forward pass in training and evaluation mode, and its backward pass; the network, the
/// stepper, the optimizer and the file formats only ever go through this type.
///
/// Every kind maps x = a_{l−1} `[B × inputs]` to z `[B × units]` and then a = f(z); the
/// activation and dropout are common to all kinds (see ``Backprop``).
///
/// To add a kind: a case here, its struct with its forward and backward, its parameters in
/// ``parameterNames``, and its JSON in the model file.
public enum Layer: Equatable, Sendable {
  case dense(DenseLayer)
  case batchNorm(BatchNormLayer)

  /// Whether a forward pass uses batch statistics and moves running ones (training), or
  /// uses the running ones and moves nothing (evaluation).
  public enum Mode: Sendable {
    case training, evaluation
  }

  /// The kind's name in the model file and on screen.
  public var kind: String {
    switch self {
    case .dense: "dense"
    case .batchNorm: "batchnorm"
    }
  }

  public var units: Int {
    switch self {
    case .dense(let d): d.units
    case .batchNorm(let b): b.units
    }
  }

  public var inputs: Int {
    switch self {
    case .dense(let d): d.inputs
    case .batchNorm(let b): b.units
    }
  }

  public var activation: Activation {
    get {
      switch self {
      case .dense(let d): d.activation
      case .batchNorm(let b): b.activation
      }
    }
    set {
      switch self {
      case .dense(var d):
        d.activation = newValue
        self = .dense(d)
      case .batchNorm(var b):
        b.activation = newValue
        self = .batchNorm(b)
      }
    }
  }

  /// Its kind, width and activation, as a spec.
  public var spec: LayerSpec {
    switch self {
    case .dense(let d): LayerSpec(units: d.units, activation: d.activation, kind: d.hasBias ? .dense : .denseWithoutBias)
    case .batchNorm(let b): LayerSpec(units: b.units, activation: b.activation, kind: .batchNorm)
    }
  }

  /// The dense layer, when this is one.
  public var dense: DenseLayer? {
    if case .dense(let d) = self { return d }
    return nil
  }

  /// The batchnorm layer, when this is one.
  public var batchNorm: BatchNormLayer? {
    if case .batchNorm(let b) = self { return b }
    return nil
  }

  /// The weights-slot parameter as a matrix, for the W heat map: a dense layer's W
  /// `[units × inputs]`, batchnorm's γ as `[n × 1]`.
  public var weights: Matrix {
    switch self {
    case .dense(let d): d.weights
    case .batchNorm(let b): Matrix(rows: b.units, cols: 1, storage: b.gamma)
    }
  }

  /// The biases-slot values, for the b column: a dense layer's b (zeros without a bias), β.
  public var bias: [Double] {
    switch self {
    case .dense(let d): d.bias
    case .batchNorm(let b): b.beta
    }
  }

  /// The trainable tensors, in optimizer order (dense W, b; batchnorm γ, β).
  public var parameterNames: [ParameterName] {
    switch self {
    case .dense(let d): d.hasBias ? [.weights, .biases] : [.weights]
    case .batchNorm: [.gamma, .beta]
    }
  }

  /// What the optimizer and the formats need to know of each parameter of layer `l`.
  public func parameters(layer l: Int) -> [ParameterInfo] {
    parameterNames.map { name in
      let key = ParameterKey(layer: l, name: name)
      switch name {
      case .weights: return ParameterInfo(key: key, slot: .weights, penalty: .always, shape: [units, inputs])
      case .biases: return ParameterInfo(key: key, slot: .biases, penalty: .withBiases, shape: [units])
      case .gamma: return ParameterInfo(key: key, slot: .weights, penalty: .never, shape: [units])
      case .beta: return ParameterInfo(key: key, slot: .biases, penalty: .never, shape: [units])
      }
    }
  }

  /// The values of a parameter, flat in row-major order.
  public func values(of name: ParameterName) -> [Double] {
    switch (self, name) {
    case (.dense(let d), .weights): d.weights.storage
    case (.dense(let d), .biases): d.bias
    case (.batchNorm(let b), .gamma): b.gamma
    case (.batchNorm(let b), .beta): b.beta
    default: []
    }
  }

  /// Lets `body` change a parameter in place (its count must stay the same).
  public mutating func modify<R>(_ name: ParameterName, _ body: (inout [Double]) -> R) -> R {
    switch self {
    case .dense(var d):
      self = .dense(DenseLayer.empty)  // so that d holds the only reference to its storage
      defer { self = .dense(d) }
      return name == .weights ? body(&d.weights.storage) : body(&d.bias)
    case .batchNorm(var b):
      self = .dense(DenseLayer.empty)
      defer { self = .batchNorm(b) }
      return name == .gamma ? body(&b.gamma) : body(&b.beta)
    }
  }

  /// The number of trainable values.
  public var parameterCount: Int { parameterNames.reduce(0) { $0 + values(of: $1).count } }

  /// Whether every parameter and buffer is a finite number.
  public var isFinite: Bool {
    switch self {
    case .dense(let d): d.weights.isFinite && d.bias.allSatisfy(\.isFinite)
    case .batchNorm(let b): (b.gamma + b.beta + b.runningMean + b.runningVar).allSatisfy(\.isFinite)
    }
  }

  /// z from x for a batch, with the kind's own record filled in (batchnorm's statistics).
  public func preActivation(_ x: Matrix, mode: Mode, into record: inout LayerRecord) {
    switch self {
    case .dense(let d):
      d.affine(x, into: &record.z)
      record.batchNorm = nil
    case .batchNorm(let b):
      var stats = record.batchNorm ?? BatchNormRecord()
      b.normalize(x, training: mode == .training, into: &record.z, stats: &stats)
      record.batchNorm = stats
    }
  }

  /// From δ = dL/dz in `record`: the parameter gradients, and dL/dx when `passDown`.
  public func backward(
    x: Matrix, record: inout LayerRecord, regularization: Regularization, passDown: Bool
  ) {
    switch self {
    case .dense(let d):
      Kernels.weightGradient(record.delta, x, into: &record.dW)
      if d.hasBias { Kernels.columnSums(record.delta, into: &record.db) }
      d.addPenalty(regularization, to: &record)
      if passDown { Kernels.inputGradient(record.delta, d.weights, into: &record.dAPrev) }
    case .batchNorm(let b):
      guard var stats = record.batchNorm else { return }
      var gamma: [Double] = [], beta: [Double] = []
      var dX: Matrix? = passDown ? record.dAPrev : nil
      b.backward(delta: record.delta, stats: &stats, dGamma: &gamma, dBeta: &beta, dX: &dX)
      record.batchNorm = stats
      record.dW = Matrix(rows: b.units, cols: 1, storage: gamma)
      record.db = beta
      if let dX { record.dAPrev = dX }
    }
  }

  /// Takes in what a training forward moved besides the parameters: batchnorm's running
  /// statistics. Called once per step by the stepper, never by evaluation or the gradient check.
  public mutating func absorb(_ record: LayerRecord) {
    guard case .batchNorm(var b) = self, let stats = record.batchNorm, stats.runningMean.count == b.units else { return }
    b.runningMean = stats.runningMean
    b.runningVar = stats.runningVar
    self = .batchNorm(b)
  }

  /// Keeps in the record what the optimizer received for a parameter (after clipping) and the
  /// change it made, in the parameter's slot.
  public func keep(applied g: [Double], update: [Double], of name: ParameterName, in record: inout LayerRecord) {
    switch name {
    case .weights, .gamma:
      let cols = name == .weights ? inputs : 1
      record.appliedDW = Matrix(rows: units, cols: cols, storage: g)
      record.updateW = Matrix(rows: units, cols: cols, storage: update)
    case .biases, .beta:
      record.appliedDb = g
      record.updateB = update
    }
  }

  /// The gradient of a parameter as the record holds it, flat.
  public func gradient(of name: ParameterName, in record: LayerRecord) -> [Double] {
    switch name {
    case .weights, .gamma: record.dW.storage
    case .biases, .beta: record.db
    }
  }
}
