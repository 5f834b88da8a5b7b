import Foundation

/// The model file: a JSON document that holds everything needed to resume training.
///
/// Its core is fixed, so that other tools can write it:
///
///     {"format": "backstep.model", "version": 1, "inputs": 2, "loss": "bce",
///      "layers": [{"units": 4, "activation": "tanh",
///                  "weights": [[…inputs…] × units], "biases": [… units …]}, …]}
///
/// `weights` rows are outputs. Optional sections: `training` (the settings) and
/// `optimizer_state` (step, buffers and the batch position). Other fields are ignored.
/// docs/formats.md describes it in full.
public struct ModelFile: Sendable {
  public static let formatName = "backstep.model"
  public static let version = 1

  public var network: Network
  public var training: TrainingSettings?
  public var optimizerState: OptimizerState?
  public var schedulePosition: Int?
  /// The data the network was trained on; CSV paths as given, relative to the working folder.
  public var data: DataSource?

  public init(
    network: Network, training: TrainingSettings? = nil, optimizerState: OptimizerState? = nil,
    schedulePosition: Int? = nil, data: DataSource? = nil
  ) {
    self.network = network
    self.training = training
    self.optimizerState = optimizerState
    self.schedulePosition = schedulePosition
    self.data = data
  }

  // MARK: Reading

  /// The largest step count and batch position a model file may hold: 2^53, the last whole
  /// number every JSON reader keeps exactly. Far beyond any run, and far enough from Int.max
  /// that resuming and adding steps cannot overflow.
  public static let maxCount = 1 << 53

  /// Buffers that hold sums or averages of squares: a negative entry would make the update
  /// take the square root of a negative number.
  static let squareBuffers: Set<String> = ["exp_avg_sq", "max_exp_avg_sq", "sum", "square_avg", "acc_delta"]

  /// Reads and checks a model file (a pipe or FIFO too). Throws ``FileError`` naming the file,
  /// and the line, column and field of what is wrong.
  public static func load(path: String) throws -> ModelFile {
    try parse(FileContents.read(path: path), path: path)
  }

  /// Parses model JSON. `path` only names the source in messages.
  public static func parse(_ data: Data, path: String) throws -> ModelFile {
    try parse([UInt8](data), path: path)
  }

  /// Parses model JSON from bytes. `path` only names the source in messages.
  public static func parse(_ bytes: [UInt8], path: String) throws(FileError) -> ModelFile {
    let tree: JSONValue
    do {
      tree = try JSONParser.parse(bytes)
    } catch {
      throw FileError(path: path, message: "not valid JSON: \(error.message)", kind: .malformed, line: error.line, column: error.column)
    }
    let root = JSONField(value: tree, path: "", file: path)
    _ = try root.members()
    let network = try readNetwork(root)
    var file = ModelFile(network: network, data: try root.optionalMember("data").map { (d) throws(FileError) in try DataSource(d) })
    if let t = root.optionalMember("training") { file.training = try RawTraining(t).settings(t) }
    if let s = root.optionalMember("optimizer_state") {
      let (state, position) = try readState(s, network: network)
      file.optimizerState = state
      file.schedulePosition = position
    }
    return file
  }

  private static func readNetwork(_ root: JSONField) throws(FileError) -> Network {
    let format = try root.member("format")
    guard try format.string() == formatName else { throw format.fail("expected \"\(formatName)\", not \(format.value.shortDescription)") }
    let versionField = try root.member("version")
    let v = try versionField.int()
    guard v <= version else { throw versionField.fail("version \(v) is newer than this backstep reads (\(version)); upgrade backstep") }
    guard v >= 1 else { throw versionField.fail("version \(v) is not a version of this format") }
    let inputsField = try root.member("inputs")
    let inputs = try inputsField.int(in: 1...LayerSpec.maxUnits)
    let lossField = try root.member("loss")
    guard let loss = Loss(rawValue: try lossField.string()) else {
      throw lossField.fail("unknown loss \(lossField.value.shortDescription); use \(Loss.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let layersField = try root.member("layers")
    var layers: [Layer] = []
    var fanIn = inputs
    for layer in try layersField.elements() {
      let built = try readLayer(layer, fanIn: fanIn)
      layers.append(built)
      fanIn = built.units
    }
    do {
      return try Network(inputs: inputs, layers: layers, loss: loss)
    } catch let error as ConfigurationError {
      throw layersField.fail(error.message)
    } catch {
      throw layersField.fail("\(error)")
    }
  }

  /// One layer, by its `type` (`dense` when absent).
  private static func readLayer(_ layer: JSONField, fanIn: Int) throws(FileError) -> Layer {
    let activationField = try layer.member("activation")
    guard let activation = Activation(rawValue: try activationField.string()) else {
      throw activationField.fail("unknown activation \(activationField.value.shortDescription); use \(Activation.names())")
    }
    let typeField = layer.optionalMember("type")
    switch try typeField?.string() ?? "dense" {
    case "dense": return .dense(try readDense(layer, fanIn: fanIn, activation: activation))
    case "batchnorm": return .batchNorm(try readBatchNorm(layer, fanIn: fanIn, activation: activation))
    case "rnn": return .recurrent(try readRecurrent(layer, fanIn: fanIn, activation: activation))
    default:
      throw (typeField ?? layer).fail("unknown layer type \(typeField?.value.shortDescription ?? ""); use dense, batchnorm or rnn")
    }
  }

  /// A recurrent layer of H = `units` over I = `fanIn` features per time step: `weights_ih`
  /// [H][I], `weights_hh` [H][H], `bias_ih` and `bias_hh` [H].
  private static func readRecurrent(_ layer: JSONField, fanIn: Int, activation: Activation) throws(FileError) -> RecurrentLayer {
    let unitsField = try layer.member("units")
    let units = try unitsField.int(in: 1...LayerSpec.maxUnits)
    guard RecurrentLayer.activations.contains(activation) else {
      throw (try layer.member("activation")).fail("a recurrent layer uses \(Activation.names(RecurrentLayer.activations)), not \(activation.rawValue)")
    }
    func matrix(_ key: String, cols: Int, rowNeeds: String) throws(FileError) -> Matrix {
      try readMatrix(try layer.member(key), rows: units, cols: cols, rowNeeds: rowNeeds)
    }
    func vector(_ key: String) throws(FileError) -> [Double] {
      let field = try layer.member(key)
      let values = try field.doubles()
      guard values.count == units else { throw field.fail(predicate: "has \(values.count) numbers, but units is \(units)") }
      return values
    }
    return RecurrentLayer(
      weightsIH: try matrix("weights_ih", cols: fanIn, rowNeeds: "the layer takes \(fanIn) inputs"),
      weightsHH: try matrix("weights_hh", cols: units, rowNeeds: "the layer has \(units) units"), biasIH: try vector("bias_ih"),
      biasHH: try vector("bias_hh"), activation: activation)
  }

  /// A dense layer; without `biases` it has no bias parameter.
  private static func readDense(_ layer: JSONField, fanIn: Int, activation: Activation) throws(FileError) -> DenseLayer {
    let unitsField = try layer.member("units")
    let units = try unitsField.int()
    guard units >= 1 else { throw unitsField.fail("must be at least 1, not \(units)") }
    guard units <= LayerSpec.maxUnits else { throw unitsField.fail("\(units) is more than \(LayerSpec.maxUnits), the widest layer backstep builds") }
    let weights = try readMatrix(try layer.member("weights"), rows: units, cols: fanIn, rowNeeds: "the layer takes \(fanIn) inputs")
    guard let biasesField = layer.optionalMember("biases") else {
      return DenseLayer(weights: weights, bias: [], activation: activation, hasBias: false)
    }
    let biases = try biasesField.doubles()
    guard biases.count == units else { throw biasesField.fail(predicate: "has \(biases.count) numbers, but units is \(units)") }
    return DenseLayer(weights: weights, bias: biases, activation: activation)
  }

  /// A matrix `[rows][cols]` of a layer, rows as outputs. Every row is checked before the matrix
  /// is made: its size comes from the file. `rowNeeds` says why a row has `cols` numbers.
  private static func readMatrix(_ field: JSONField, rows: Int, cols: Int, rowNeeds: String) throws(FileError) -> Matrix {
    let elements = try field.elements()
    guard elements.count == rows else { throw field.fail(predicate: "has \(elements.count) rows, but units is \(rows)") }
    var storage: [Double] = []
    for row in elements {
      let numbers = try row.doubles()
      guard numbers.count == cols else { throw row.fail(predicate: "has \(numbers.count) numbers, but \(rowNeeds)") }
      storage += numbers
    }
    return Matrix(rows: rows, cols: cols, storage: storage)
  }

  /// A batchnorm layer over the n = `fanIn` units below it.
  private static func readBatchNorm(_ layer: JSONField, fanIn n: Int, activation: Activation) throws(FileError) -> BatchNormLayer {
    if let unitsField = layer.optionalMember("units") {
      let units = try unitsField.int()
      guard units == n else { throw unitsField.fail("is \(units), but a batchnorm layer has the width of the layer below, \(n)") }
    }
    func vector(_ key: String) throws(FileError) -> [Double] {
      let field = try layer.member(key)
      let values = try field.doubles()
      guard values.count == n else { throw field.fail(predicate: "has \(values.count) numbers, but the layer normalises \(n) units") }
      return values
    }
    let momentumField = layer.optionalMember("momentum")
    let momentum = try momentumField?.double() ?? BatchNormLayer.defaultMomentum
    guard (0...1).contains(momentum) else { throw (momentumField ?? layer).fail("must lie in [0, 1], not \(momentum)") }
    let epsField = layer.optionalMember("eps")
    let eps = try epsField?.double() ?? BatchNormLayer.defaultEps
    guard eps > 0 else { throw (epsField ?? layer).fail("must be > 0, not \(eps)") }
    let runningVar = try vector("running_var")
    if let k = runningVar.firstIndex(where: { $0 < 0 }) {
      throw (try layer.member("running_var")).fail(predicate: "holds variances, but entry \(k) is \(runningVar[k]), below 0")
    }
    return BatchNormLayer(
      gamma: try vector("gamma"), beta: try vector("beta"), runningMean: try vector("running_mean"), runningVar: runningVar,
      momentum: momentum, eps: eps, activation: activation)
  }

  /// The optimizer's state: one object of buffers per parameter, in the network's parameter order.
  private static func readState(_ s: JSONField, network: Network) throws(FileError) -> (OptimizerState, Int?) {
    var state = OptimizerState()
    state.step = try s.member("step").int(in: 0...maxCount)
    let position = try s.optionalMember("batch_position")?.int(in: 0...maxCount)
    let buffersField = try s.member("buffers")
    let buffers = try buffersField.elements()
    let parameters = network.parameters
    guard buffers.count == parameters.count else {
      throw buffersField.fail(
        predicate:
          "has \(buffers.count) entries; expected \(parameters.count), one per parameter (\(parameters.map(\.key.description).joined(separator: ", ")))")
    }
    for (p, named) in zip(parameters, buffers) {
      for (name, field) in try named.members() {
        let values = try field.doubles()
        guard values.count == p.count else { throw field.fail(predicate: "has \(values.count) numbers; expected \(p.count) for \(p.key)") }
        if squareBuffers.contains(name), let k = values.firstIndex(where: { $0 < 0 }) {
          throw field.fail(predicate: "holds squares, but entry \(k) is \(values[k]), below 0")
        }
        state.buffers[p.key, default: [:]][name] = values
      }
    }
    return (state, position)
  }

  // MARK: Writing

  /// The JSON text, with every number at full precision.
  /// `folder` is where the file goes: a CSV path is written relative to it.
  public func json(folder: String = ".") -> String {
    var top: [(String, String)] = [
      ("format", JSONText.string(Self.formatName)), ("version", String(Self.version)),
      ("inputs", String(network.inputCount)), ("loss", JSONText.string(network.loss.rawValue)),
    ]
    let layers = network.layers.map { "\n    " + Self.json($0) }
    top.append(("layers", "[" + layers.joined(separator: ",") + "\n  ]"))
    if let training { top.append(("training", RawTraining(training).json)) }
    if let data { top.append(("data", Self.json(data.paths(from: folder, relative: true)))) }
    if let optimizerState {
      let buffers = network.parameters.map { p in
        let named = optimizerState.buffers[p.key] ?? [:]
        return JSONText.object(named.keys.sorted().map { ($0, JSONText.array(named[$0] ?? [])) })
      }
      var pairs: [(String, String)] = [("step", String(optimizerState.step))]
      if let schedulePosition { pairs.append(("batch_position", String(schedulePosition))) }
      pairs.append(("buffers", "[" + buffers.joined(separator: ",") + "]"))
      top.append(("optimizer_state", JSONText.object(pairs)))
    }
    return "{\n  " + top.map { JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n  ") + "\n}\n"
  }

  /// Saves atomically. Refuses a network whose weights are not finite: such a file could not
  /// be read back.
  public func save(path: String) throws {
    for (i, layer) in network.layers.enumerated() where !layer.isFinite {
      throw FileError(path: path, message: "not saved: layer \(i + 1) has NaN or infinite weights")
    }
    try AtomicFile.write(json(folder: DataSource.folder(of: path)), to: path)
  }

  /// One layer: a dense layer as `{"units", "activation", "weights", "biases"}` (no `type`, so
  /// that files stay as the first format had them; no `biases` when it has none), a batchnorm
  /// layer with `"type": "batchnorm"` and its parameters and running statistics, a recurrent
  /// layer with `"type": "rnn"` and its four parameters.
  static func json(_ layer: Layer) -> String {
    switch layer {
    case .dense(let d):
      var pairs: [(String, String)] = [
        ("units", String(d.units)), ("activation", JSONText.string(d.activation.rawValue)), ("weights", JSONText.matrix(d.weights)),
      ]
      if d.hasBias { pairs.append(("biases", JSONText.array(d.bias))) }
      return JSONText.object(pairs)
    case .batchNorm(let b):
      return JSONText.object([
        ("type", JSONText.string("batchnorm")), ("units", String(b.units)), ("activation", JSONText.string(b.activation.rawValue)),
        ("momentum", JSONText.number(b.momentum)), ("eps", JSONText.number(b.eps)), ("gamma", JSONText.array(b.gamma)),
        ("beta", JSONText.array(b.beta)), ("running_mean", JSONText.array(b.runningMean)), ("running_var", JSONText.array(b.runningVar)),
      ])
    case .recurrent(let r):
      return JSONText.object([
        ("type", JSONText.string("rnn")), ("units", String(r.units)), ("activation", JSONText.string(r.activation.rawValue)),
        ("weights_ih", JSONText.matrix(r.weightsIH)), ("weights_hh", JSONText.matrix(r.weightsHH)), ("bias_ih", JSONText.array(r.biasIH)),
        ("bias_hh", JSONText.array(r.biasHH)),
      ])
    }
  }

  /// The `data` section: only the fields that are set, in a fixed order.
  static func json(_ d: DataSource) -> String {
    var pairs: [(String, String)] = []
    if let v = d.dataset { pairs.append(("dataset", JSONText.string(v))) }
    if let v = d.points { pairs.append(("points", String(v))) }
    if let v = d.noise { pairs.append(("noise", JSONText.number(v))) }
    if let v = d.seqLen { pairs.append(("seq_len", String(v))) }
    if let v = d.seed { pairs.append(("seed", String(v))) }
    if let v = d.csv { pairs.append(("csv", JSONText.string(v))) }
    if let v = d.testCSV { pairs.append(("test_csv", JSONText.string(v))) }
    if let v = d.features { pairs.append(("features", "[" + v.map(JSONText.string).joined(separator: ", ") + "]")) }
    if let v = d.targets { pairs.append(("targets", "[" + v.map(JSONText.string).joined(separator: ", ") + "]")) }
    if let v = d.trainRatio { pairs.append(("train_ratio", JSONText.number(v))) }
    return JSONText.object(pairs)
  }
}
