/// A stack of dense layers and the loss that judges their output.
///
/// Layer l (1-based in the maths, `layers[l-1]` here) maps a_{l−1} `[B × n_{l−1}]` to
/// a_l `[B × n_l]`, with a_0 the input batch. Construction checks every rule of docs/maths.md and
/// throws a ``ConfigurationError`` that names the broken one.
public struct Network: Equatable, Sendable {
  public let inputCount: Int
  public var layers: [DenseLayer]
  public let loss: Loss

  /// The most weight layers a network may have.
  public static let maximumDepth = 64

  /// A network from explicit layers (for model files and tests).
  public init(inputs: Int, layers: [DenseLayer], loss: Loss) throws {
    try Network.validate(inputs: inputs, specs: layers.map { LayerSpec(units: $0.units, activation: $0.activation) }, loss: loss)
    var fanIn = inputs
    for (index, layer) in layers.enumerated() {
      guard layer.weights.cols == fanIn, layer.weights.rows == layer.bias.count else {
        throw ConfigurationError(
          "layer \(index + 1): weights are \(layer.weights.rows)×\(layer.weights.cols) and biases \(layer.bias.count), but the layer takes \(fanIn) inputs"
        )
      }
      guard layer.weights.isFinite, layer.bias.allSatisfy(\.isFinite) else {
        throw ConfigurationError("layer \(index + 1): weights or biases are not finite numbers")
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
    var built: [DenseLayer] = []
    let biasValue = bias ?? initializer.defaultBias
    for spec in specs {
      var w = Matrix(rows: spec.units, cols: fanIn)
      for i in 0..<w.count {
        w.storage[i] = initializer.draw(fanIn: fanIn, fanOut: spec.units, using: &rng)
      }
      built.append(
        DenseLayer(weights: w, bias: Array(repeating: biasValue, count: spec.units), activation: spec.activation))
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
    for (index, spec) in specs.enumerated() {
      guard spec.units >= 1 else {
        throw ConfigurationError("layer \(index + 1) has \(spec.units) units; every layer needs at least 1")
      }
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
  /// Widths from input to output, e.g. [2, 4, 4, 1].
  public var widths: [Int] { [inputCount] + layers.map(\.units) }
  public var specs: [LayerSpec] { layers.map { LayerSpec(units: $0.units, activation: $0.activation) } }

  /// "2-4-4-1 tanh/sigmoid": widths and the distinct activations, for headers.
  public var architecture: String {
    let acts = layers.map(\.activation.rawValue)
    var distinct: [String] = []
    for a in acts where distinct.last != a { distinct.append(a) }
    return widths.map(String.init).joined(separator: "-") + " " + distinct.joined(separator: "/")
  }

  /// The output activations for a batch `[B × inputs]`, with no dropout: `[B × outputs]`.
  public func predict(_ x: Matrix) -> Matrix {
    forwardLogits(x).a
  }

  /// Output logits z_L and activations a_L for a batch, evaluation mode.
  public func forwardLogits(_ x: Matrix) -> (z: Matrix, a: Matrix) {
    var a = x
    var z = Matrix(rows: 0, cols: 0)
    for layer in layers {
      layer.affine(a, into: &z)
      layer.activation.apply(z, into: &a)
    }
    return (z, a)
  }
}
