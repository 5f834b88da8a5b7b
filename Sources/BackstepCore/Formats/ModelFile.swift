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
    let inputs = try inputsField.int(in: 1...Int.max)
    let lossField = try root.member("loss")
    guard let loss = Loss(rawValue: try lossField.string()) else {
      throw lossField.fail("unknown loss \(lossField.value.shortDescription); use mse, mse_mean, bce or ce")
    }
    let layersField = try root.member("layers")
    var layers: [DenseLayer] = []
    var fanIn = inputs
    for layer in try layersField.elements() {
      let dense = try readLayer(layer, fanIn: fanIn)
      layers.append(dense)
      fanIn = dense.units
    }
    do {
      return try Network(inputs: inputs, layers: layers, loss: loss)
    } catch let error as ConfigurationError {
      throw layersField.fail(error.message)
    } catch {
      throw layersField.fail("\(error)")
    }
  }

  private static func readLayer(_ layer: JSONField, fanIn: Int) throws(FileError) -> DenseLayer {
    let activationField = try layer.member("activation")
    guard let activation = Activation(rawValue: try activationField.string()) else {
      throw activationField.fail("unknown activation \(activationField.value.shortDescription)")
    }
    let unitsField = try layer.member("units")
    let units = try unitsField.int()
    guard units >= 1 else { throw unitsField.fail("must be at least 1, not \(units)") }
    guard units <= LayerSpec.maxUnits else { throw unitsField.fail("\(units) is more than \(LayerSpec.maxUnits), the widest layer backstep builds") }
    let weightsField = try layer.member("weights")
    let rows = try weightsField.elements()
    guard rows.count == units else { throw weightsField.fail(predicate: "has \(rows.count) rows, but units is \(units)") }
    var weights = Matrix(rows: units, cols: fanIn)
    for (r, row) in rows.enumerated() {
      let numbers = try row.doubles()
      guard numbers.count == fanIn else { throw row.fail(predicate: "has \(numbers.count) numbers, but the layer takes \(fanIn) inputs") }
      for (c, x) in numbers.enumerated() { weights[r, c] = x }
    }
    let biasesField = try layer.member("biases")
    let biases = try biasesField.doubles()
    guard biases.count == units else { throw biasesField.fail(predicate: "has \(biases.count) numbers, but units is \(units)") }
    return DenseLayer(weights: weights, bias: biases, activation: activation)
  }

  private static func readState(_ s: JSONField, network: Network) throws(FileError) -> (OptimizerState, Int?) {
    var state = OptimizerState(tensorCount: 2 * network.depth)
    state.step = try s.member("step").int(in: 0...maxCount)
    let position = try s.optionalMember("batch_position")?.int(in: 0...maxCount)
    let buffersField = try s.member("buffers")
    let buffers = try buffersField.elements()
    guard buffers.count == 2 * network.depth else {
      throw buffersField.fail(predicate: "has \(buffers.count) entries; expected \(2 * network.depth) (W and b per layer)")
    }
    for (i, named) in buffers.enumerated() {
      let expected = i % 2 == 0 ? network.layers[i / 2].weights.count : network.layers[i / 2].units
      for (name, field) in try named.members() {
        let values = try field.doubles()
        guard values.count == expected else { throw field.fail(predicate: "has \(values.count) numbers; expected \(expected)") }
        if squareBuffers.contains(name), let k = values.firstIndex(where: { $0 < 0 }) {
          throw field.fail(predicate: "holds squares, but entry \(k) is \(values[k]), below 0")
        }
        state.buffers[i][name] = values
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
    let layers = network.layers.map { layer in
      "\n    "
        + JSONText.object([
          ("units", String(layer.units)), ("activation", JSONText.string(layer.activation.rawValue)),
          ("weights", JSONText.matrix(layer.weights)), ("biases", JSONText.array(layer.bias)),
        ])
    }
    top.append(("layers", "[" + layers.joined(separator: ",") + "\n  ]"))
    if let training { top.append(("training", RawTraining(training).json)) }
    if let data { top.append(("data", Self.json(data.paths(from: folder, relative: true)))) }
    if let optimizerState {
      let buffers = optimizerState.buffers.map { named in
        JSONText.object(named.keys.sorted().map { ($0, JSONText.array(named[$0] ?? [])) })
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
    for (i, layer) in network.layers.enumerated() where !(layer.weights.isFinite && layer.bias.allSatisfy(\.isFinite)) {
      throw FileError(path: path, message: "not saved: layer \(i + 1) has NaN or infinite weights")
    }
    try AtomicFile.write(json(folder: DataSource.folder(of: path)), to: path)
  }

  /// The `data` section: only the fields that are set, in a fixed order.
  static func json(_ d: DataSource) -> String {
    var pairs: [(String, String)] = []
    if let v = d.dataset { pairs.append(("dataset", JSONText.string(v))) }
    if let v = d.points { pairs.append(("points", String(v))) }
    if let v = d.noise { pairs.append(("noise", JSONText.number(v))) }
    if let v = d.seed { pairs.append(("seed", String(v))) }
    if let v = d.csv { pairs.append(("csv", JSONText.string(v))) }
    if let v = d.testCSV { pairs.append(("test_csv", JSONText.string(v))) }
    if let v = d.features { pairs.append(("features", "[" + v.map(JSONText.string).joined(separator: ", ") + "]")) }
    if let v = d.targets { pairs.append(("targets", "[" + v.map(JSONText.string).joined(separator: ", ") + "]")) }
    if let v = d.trainRatio { pairs.append(("train_ratio", JSONText.number(v))) }
    return JSONText.object(pairs)
  }
}
