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
  /// An Elman recurrent layer over a sequence; only ever the first layer.
  case recurrent(RecurrentLayer)

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
    case .recurrent: "rnn"
    }
  }

  public var units: Int {
    switch self {
    case .dense(let d): d.units
    case .batchNorm(let b): b.units
    case .recurrent(let r): r.units
    }
  }

  public var inputs: Int {
    switch self {
    case .dense(let d): d.inputs
    case .batchNorm(let b): b.units
    case .recurrent(let r): r.inputs
    }
  }

  public var activation: Activation {
    get {
      switch self {
      case .dense(let d): d.activation
      case .batchNorm(let b): b.activation
      case .recurrent(let r): r.activation
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
      case .recurrent(var r):
        r.activation = newValue
        self = .recurrent(r)
      }
    }
  }

  /// Its kind, width and activation, as a spec.
  public var spec: LayerSpec {
    switch self {
    case .dense(let d): LayerSpec(units: d.units, activation: d.activation, kind: d.hasBias ? .dense : .denseWithoutBias)
    case .batchNorm(let b): LayerSpec(units: b.units, activation: b.activation, kind: .batchNorm)
    case .recurrent(let r): LayerSpec(units: r.units, activation: r.activation, kind: .recurrent)
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

  /// The recurrent layer, when this is one.
  public var recurrent: RecurrentLayer? {
    if case .recurrent(let r) = self { return r }
    return nil
  }

  /// The weights-slot parameters as a matrix, for the W heat map: a dense layer's W
  /// `[units × inputs]`, batchnorm's γ as `[n × 1]`, a recurrent layer's [W_ih | W_hh]
  /// `[H × (I+H)]`.
  public var weights: Matrix {
    switch self {
    case .dense(let d): d.weights
    case .batchNorm(let b): Matrix(rows: b.units, cols: 1, storage: b.gamma)
    case .recurrent(let r): r.weights
    }
  }

  /// The biases-slot values, one per unit, for the b column: a dense layer's b (zeros without
  /// a bias), β, a recurrent layer's b_ih + b_hh (the two only ever act as their sum).
  public var bias: [Double] {
    switch self {
    case .dense(let d): d.bias
    case .batchNorm(let b): b.beta
    case .recurrent(let r): zip(r.biasIH, r.biasHH).map { $0 + $1 }
    }
  }

  /// The trainable tensors, in optimizer order (dense W, b; batchnorm γ, β; recurrent W_ih,
  /// W_hh, b_ih, b_hh, as torch's `named_parameters` lists them).
  public var parameterNames: [ParameterName] {
    switch self {
    case .dense(let d): d.hasBias ? [.weights, .biases] : [.weights]
    case .batchNorm: [.gamma, .beta]
    case .recurrent: [.weightsIH, .weightsHH, .biasIH, .biasHH]
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
      case .weightsIH: return ParameterInfo(key: key, slot: .weights, penalty: .always, shape: [units, inputs])
      case .weightsHH: return ParameterInfo(key: key, slot: .weights, penalty: .always, shape: [units, units])
      case .biasIH, .biasHH: return ParameterInfo(key: key, slot: .biases, penalty: .withBiases, shape: [units])
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
    case (.recurrent(let r), .weightsIH): r.weightsIH.storage
    case (.recurrent(let r), .weightsHH): r.weightsHH.storage
    case (.recurrent(let r), .biasIH): r.biasIH
    case (.recurrent(let r), .biasHH): r.biasHH
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
    case .recurrent(var r):
      self = .dense(DenseLayer.empty)
      defer { self = .recurrent(r) }
      switch name {
      case .weightsIH: return body(&r.weightsIH.storage)
      case .weightsHH: return body(&r.weightsHH.storage)
      case .biasIH: return body(&r.biasIH)
      default: return body(&r.biasHH)
      }
    }
  }

  /// The number of trainable values.
  public var parameterCount: Int { parameterNames.reduce(0) { $0 + values(of: $1).count } }

  /// Whether every parameter and buffer is a finite number.
  public var isFinite: Bool {
    switch self {
    case .dense(let d): d.weights.isFinite && d.bias.allSatisfy(\.isFinite)
    case .batchNorm(let b): (b.gamma + b.beta + b.runningMean + b.runningVar).allSatisfy(\.isFinite)
    case .recurrent(let r): r.weightsIH.isFinite && r.weightsHH.isFinite && (r.biasIH + r.biasHH).allSatisfy(\.isFinite)
    }
  }

  /// z from x for a batch, with the kind's own record filled in (batchnorm's statistics; a
  /// recurrent layer's time steps, reading x `[B × T·I]` whole and leaving z_T in z).
  public func preActivation(_ x: Matrix, mode: Mode, into record: inout LayerRecord) {
    switch self {
    case .recurrent(let r):
      r.run(x, into: &record)
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
    case .recurrent:
      // Backpropagation through time runs one time step at a time (Backprop.backward).
      break
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
    if let r = recurrent {
      r.keep(applied: g, update: update, of: name, in: &record)
      return
    }
    switch name {
    case .weights, .gamma:
      let cols = name == .weights ? inputs : 1
      record.appliedDW = Matrix(rows: units, cols: cols, storage: g)
      record.updateW = Matrix(rows: units, cols: cols, storage: update)
    case .biases, .beta:
      record.appliedDb = g
      record.updateB = update
    case .weightsIH, .weightsHH, .biasIH, .biasHH: break
    }
  }

  /// The gradient of a parameter as the record holds it, flat.
  public func gradient(of name: ParameterName, in record: LayerRecord) -> [Double] {
    switch name {
    case .weights, .gamma: record.dW.storage
    case .biases, .beta: record.db
    case .weightsIH, .weightsHH, .biasIH, .biasHH: recurrent?.slice(of: name, weights: record.dW, biases: record.db) ?? []
    }
  }
}
