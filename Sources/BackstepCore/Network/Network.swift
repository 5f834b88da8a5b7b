/// A stack of layers of any kind (see ``Layer``) and the loss that judges their output.
///
/// Layer l (1-based in the maths, `layers[l-1]` here) maps a_{l−1} `[B × n_{l−1}]` to
/// a_l `[B × n_l]`, with a_0 the input batch. Construction checks every rule of docs/maths.md and
/// throws a ``ConfigurationError`` that names the broken one.
public struct Network: Equatable, Sendable {
  public let inputCount: Int
  public var layers: [Layer]
  public let loss: Loss

  /// The most weight layers a network may have.
  public static let maximumDepth = 64

  /// A network of dense layers (for tests and hand-made networks).
  public init(inputs: Int, layers: [DenseLayer], loss: Loss) throws {
    try self.init(inputs: inputs, layers: layers.map(Layer.dense), loss: loss)
  }

  /// A network from explicit layers of any kind (for model files and tests).
  public init(inputs: Int, layers: [Layer], loss: Loss) throws {
    try Network.validate(inputs: inputs, specs: layers.map(\.spec), loss: loss)
    var fanIn = inputs
    for (index, layer) in layers.enumerated() {
      switch layer {
      case .dense(let d):
        guard d.weights.cols == fanIn, d.weights.rows == d.bias.count else {
          throw ConfigurationError(
            "layer \(index + 1): weights are \(d.weights.rows)×\(d.weights.cols) and biases \(d.bias.count), but the layer takes \(fanIn) inputs"
          )
        }
      case .batchNorm(let b):
        guard b.units == fanIn, b.beta.count == fanIn, b.runningMean.count == fanIn, b.runningVar.count == fanIn else {
          throw ConfigurationError(
            "layer \(index + 1): a batchnorm layer normalises the \(fanIn) units below it, so gamma, beta, running_mean and running_var need \(fanIn) numbers each"
          )
        }
        guard b.momentum.isFinite, (0...1).contains(b.momentum), b.eps.isFinite, b.eps > 0 else {
          throw ConfigurationError("layer \(index + 1): a batchnorm layer needs momentum in [0, 1] and eps > 0")
        }
        guard b.runningVar.allSatisfy({ $0 >= 0 }) else {
          throw ConfigurationError("layer \(index + 1): running_var must not be negative")
        }
      case .recurrent(let r):
        guard r.inputs == fanIn, r.isWellFormed else {
          throw ConfigurationError(
            "layer \(index + 1): a recurrent layer of \(r.units) units taking \(fanIn) inputs needs weights_ih \(r.units)×\(fanIn), weights_hh \(r.units)×\(r.units) and \(r.units) numbers in each bias"
          )
        }
      }
      guard layer.isFinite else {
        throw ConfigurationError("layer \(index + 1): its parameters are not all finite numbers")
      }
      fanIn = layer.units
    }
    self.inputCount = inputs
    self.layers = layers
    self.loss = loss
  }

  /// A network with freshly drawn weights. `bias` overrides the initialiser's bias start value.
  public init(
    inputs: Int, specs: [LayerSpec], loss: Loss, initializer: Initializer, bias: Double? = nil,
    seed: UInt64
  ) throws {
    try Network.validate(inputs: inputs, specs: specs, loss: loss)
    var rng = Xoshiro256(seed: seed)
    var fanIn = inputs
    var built: [Layer] = []
    let biasValue = bias ?? initializer.defaultBias
    for spec in specs {
      if spec.kind == .batchNorm {
        built.append(.batchNorm(BatchNormLayer(units: spec.units, activation: spec.activation)))
        continue
      }
      if spec.kind == .recurrent {
        built.append(.recurrent(RecurrentLayer(units: spec.units, inputs: fanIn, activation: spec.activation, using: &rng)))
        fanIn = spec.units
        continue
      }
      var w = Matrix(rows: spec.units, cols: fanIn)
      for i in 0..<w.count {
        w.storage[i] = initializer.draw(fanIn: fanIn, fanOut: spec.units, using: &rng)
      }
      built.append(
        .dense(
          DenseLayer(
            weights: w, bias: Array(repeating: biasValue, count: spec.units), activation: spec.activation,
            hasBias: spec.kind == .dense)))
      fanIn = spec.units
    }
    try self.init(inputs: inputs, layers: built, loss: loss)
  }

  /// Checks widths, depth, where softmax sits and which output each loss needs.
  public static func validate(inputs: Int, specs: [LayerSpec], loss: Loss) throws {
    guard inputs >= 1 else { throw ConfigurationError("the network needs at least 1 input, not \(inputs)") }
    guard !specs.isEmpty else { throw ConfigurationError("the network needs at least one layer") }
    guard specs.count <= maximumDepth else {
      throw ConfigurationError("the network has \(specs.count) layers; at most \(maximumDepth) are allowed")
    }
    var fanIn = inputs
    for (index, spec) in specs.enumerated() {
      guard spec.units >= 1 else {
        throw ConfigurationError("layer \(index + 1) has \(spec.units) units; every layer needs at least 1")
      }
      guard spec.units <= LayerSpec.maxUnits else {
        throw ConfigurationError("layer \(index + 1) has \(spec.units) units; at most \(LayerSpec.maxUnits) are allowed")
      }
      if spec.kind == .recurrent && index != 0 {
        throw ConfigurationError("layer \(index + 1): a recurrent layer can only be the first layer, which reads the sequence")
      }
      if spec.kind == .recurrent && index == specs.count - 1 {
        throw ConfigurationError("layer \(index + 1): a recurrent layer needs a layer after it to read its last hidden state h_T")
      }
      if spec.kind == .recurrent && !RecurrentLayer.activations.contains(spec.activation) {
        throw ConfigurationError(
          "layer \(index + 1): a recurrent layer uses \(Activation.names(RecurrentLayer.activations)), not \(spec.activation.rawValue)")
      }
      if spec.kind == .batchNorm && spec.units != fanIn {
        throw ConfigurationError("layer \(index + 1): a batchnorm layer has the width of the layer below, \(fanIn), not \(spec.units)")
      }
      fanIn = spec.units
      if spec.activation == .softmax && index != specs.count - 1 {
        throw ConfigurationError("softmax is allowed only at the output, but layer \(index + 1) is hidden")
      }
    }
    let output = specs[specs.count - 1].activation
    if let required = loss.requiredOutput, output != required {
      throw ConfigurationError(
        "the \(loss.rawValue) loss needs a \(required.rawValue) output, but the output layer uses \(output.rawValue)")
    }
    if output == .softmax && specs[specs.count - 1].units < 2 {
      throw ConfigurationError("a softmax output needs at least 2 units")
    }
  }

  public var depth: Int { layers.count }
  public var outputCount: Int { layers[layers.count - 1].units }
  public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }
  /// Whether any layer is a batchnorm layer (which needs batches of two rows or more).
  public var hasBatchNorm: Bool { layers.contains { $0.batchNorm != nil } }
  /// Whether the first layer is recurrent: the network reads sequences, `inputCount` features
  /// per time step.
  public var isRecurrent: Bool { layers.first?.recurrent != nil }
  /// Widths from input to output, e.g. [2, 4, 4, 1].
  public var widths: [Int] { [inputCount] + layers.map(\.units) }
  public var specs: [LayerSpec] { layers.map(\.spec) }

  /// Every trainable tensor, layer by layer in optimizer order: what the optimizer, clipping,
  /// regularisation, the gradient check, the model file and the trace walk.
  public var parameters: [ParameterInfo] {
    layers.enumerated().flatMap { $0.element.parameters(layer: $0.offset + 1) }
  }

  /// The values of one parameter.
  public func values(of key: ParameterKey) -> [Double] { layers[key.layer - 1].values(of: key.name) }

  /// Lets `body` change one parameter in place.
  public mutating func modify<R>(_ key: ParameterKey, _ body: (inout [Double]) -> R) -> R {
    layers[key.layer - 1].modify(key.name, body)
  }

  /// "2-4-4-1 tanh/sigmoid": widths and the distinct activations, for headers. A recurrent
  /// layer is named so: "1-rnn16-1 tanh/identity".
  /// A batchnorm layer joins the width below it: "2-8+bn-8+bn-1 tanh/sigmoid".
  public var architecture: String {
    var blocks: [(width: String, activation: Activation)] = []
    for layer in layers {
      if layer.recurrent != nil {
        blocks.append(("rnn\(layer.units)", layer.activation))
      } else if layer.batchNorm != nil, let last = blocks.popLast() {
        blocks.append((last.width + "+bn", layer.activation))
      } else {
        blocks.append(("\(layer.units)", layer.activation))
      }
    }
    var distinct: [String] = []
    for a in blocks.map(\.activation.rawValue) where distinct.last != a { distinct.append(a) }
    return ([String(inputCount)] + blocks.map(\.width)).joined(separator: "-") + " " + distinct.joined(separator: "/")
  }

  /// The output activations for a batch `[B × inputs]` (a recurrent network's `[B × T·inputs]`),
  /// evaluation mode: `[B × outputs]`.
  public func predict(_ x: Matrix) -> Matrix {
    forwardLogits(x, mode: .evaluation).a
  }

  /// Output logits z_L and activations a_L for a batch, with no dropout. Evaluation mode
  /// (test loss, predictions, the decision surface) normalises batchnorm layers by their
  /// running statistics; training mode (the gradient check) by the batch's, and moves nothing.
  public func forwardLogits(_ x: Matrix, mode: Layer.Mode) -> (z: Matrix, a: Matrix) {
    var a = x
    var record = LayerRecord()
    for layer in layers {
      layer.preActivation(a, mode: mode, into: &record)
      layer.activation.apply(record.z, into: &a)
    }
    return (record.z, a)
  }
}
