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

  /// Reads and checks a model file. Throws ``FileError`` naming the file and what is wrong.
  public static func load(path: String) throws -> ModelFile {
    guard let data = FileManager.default.contents(atPath: path) else {
      let exists = FileManager.default.fileExists(atPath: path)
      throw FileError(path: path, message: exists ? "cannot read the file" : "no such file", kind: .missing)
    }
    return try parse(data, path: path)
  }

  /// Parses model JSON. `path` only names the source in messages.
  public static func parse(_ data: Data, path: String) throws -> ModelFile {
    func bad(_ message: String) -> FileError { FileError(path: path, message: message, kind: .malformed) }
    let raw: RawModel
    do {
      raw = try JSONDecoder().decode(RawModel.self, from: data)
    } catch let error as DecodingError {
      throw bad(describe(error))
    } catch {
      throw bad("not valid JSON: \(error.localizedDescription)")
    }
    guard raw.format == formatName else {
      throw bad("\"format\" is \"\(raw.format)\", expected \"\(formatName)\"")
    }
    guard raw.version <= version else {
      throw bad("version \(raw.version) is newer than this backstep reads (\(version)); upgrade backstep")
    }
    guard raw.version >= 1 else { throw bad("version \(raw.version) is not a version of this format") }
    guard let loss = Loss(rawValue: raw.loss) else {
      throw bad("unknown loss \"\(raw.loss)\"; use mse, mse_mean, bce or ce")
    }
    var layers: [Layer] = []
    var fanIn = raw.inputs
    for (i, layer) in raw.layers.enumerated() {
      let built = try layer.layer(fanIn: fanIn, here: "layers[\(i)]", bad: bad)
      layers.append(built)
      fanIn = built.units
    }
    let network: Network
    do {
      network = try Network(inputs: raw.inputs, layers: layers, loss: loss)
    } catch let error as ConfigurationError {
      throw bad(error.message)
    }
    var file = ModelFile(network: network, data: raw.data)
    if let t = raw.training { file.training = try t.settings(path: path) }
    if let s = raw.optimizer_state {
      let parameters = network.parameters
      guard s.buffers.count == parameters.count else {
        throw bad(
          "optimizer_state.buffers has \(s.buffers.count) entries; expected \(parameters.count), one per parameter (\(parameters.map(\.key.description).joined(separator: ", ")))"
        )
      }
      var state = OptimizerState()
      state.step = s.step
      for (i, (p, named)) in zip(parameters, s.buffers).enumerated() {
        for (name, values) in named where values.count != p.count {
          throw bad("optimizer_state.buffers[\(i)].\(name) has \(values.count) numbers; expected \(p.count) for \(p.key)")
        }
        if !named.isEmpty { state.buffers[p.key] = named }
      }
      file.optimizerState = state
      file.schedulePosition = s.batch_position
    }
    return file
  }

  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [CodingKey]) -> String {
      var out = ""
      for key in keys {
        if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
      }
      return out.isEmpty ? "the document" : out
    }
    switch error {
    case .dataCorrupted(let context):
      let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
      return context.codingPath.isEmpty
        ? "not valid JSON" + (detail.map { ": \($0)" } ?? "")
        : "\(path(context.codingPath)): \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])) is missing"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)): expected \(typeName(type))"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)): expected \(typeName(type)), found null"
    @unknown default:
      return "cannot read: \(error)"
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Int.Type: "a number"
    case is String.Type: "a string"
    case is Bool.Type: "true or false"
    default: "\(type)".contains("Array") ? "a list" : "an object"
    }
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
  /// layer with `"type": "batchnorm"` and its parameters and running statistics.
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
    }
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

/// The JSON shape of a model file, as decoded.
struct RawModel: Decodable {
  var format: String
  var version: Int
  var inputs: Int
  var loss: String
  var layers: [RawLayer]
  var training: RawTraining?
  var data: DataSource?
  // swiftlint:disable:next identifier_name
  var optimizer_state: RawOptimizerState?
}

/// A layer as decoded: the fields of every kind, each optional; ``layer(fanIn:here:bad:)``
/// checks that the kind's own are there.
struct RawLayer: Decodable {
  var type: String?
  var units: Int?
  var activation: String
  var weights: [[Double]]?
  var biases: [Double]?
  var momentum: Double?
  var eps: Double?
  var gamma: [Double]?
  var beta: [Double]?
  // swiftlint:disable identifier_name
  var running_mean: [Double]?
  var running_var: [Double]?
  // swiftlint:enable identifier_name

  func layer(fanIn: Int, here: String, bad: (String) -> FileError) throws -> Layer {
    guard let activation = Activation(rawValue: activation) else {
      throw bad("\(here).activation: unknown activation \"\(self.activation)\"; use \(Activation.names())")
    }
    func vector(_ v: [Double]?, _ name: String, _ n: Int) throws -> [Double] {
      guard let v else { throw bad("\(here).\(name) is missing") }
      guard v.count == n else { throw bad("\(here).\(name) has \(v.count) numbers, but the layer has \(n) units") }
      return v
    }
    switch type ?? "dense" {
    case "dense":
      guard let units else { throw bad("\(here).units is missing") }
      guard units >= 1 else { throw bad("\(here).units must be at least 1") }
      guard units <= LayerSpec.maxUnits else { throw bad("\(here).units is \(units); at most \(LayerSpec.maxUnits) are allowed") }
      guard let weights else { throw bad("\(here).weights is missing") }
      guard weights.count == units else {
        throw bad("\(here).weights has \(weights.count) rows, but units is \(units)")
      }
      for (r, row) in weights.enumerated() where row.count != fanIn {
        throw bad("\(here).weights[\(r)] has \(row.count) numbers, but the layer takes \(fanIn) inputs")
      }
      guard let w = Matrix(weights) else { throw bad("\(here).weights is ragged") }
      if biases == nil { return .dense(DenseLayer(weights: w, bias: [], activation: activation, hasBias: false)) }
      return .dense(DenseLayer(weights: w, bias: try vector(biases, "biases", units), activation: activation))
    case "batchnorm":
      if let units, units != fanIn {
        throw bad("\(here).units is \(units), but a batchnorm layer has the width of the layer below, \(fanIn)")
      }
      return .batchNorm(
        BatchNormLayer(
          gamma: try vector(gamma, "gamma", fanIn), beta: try vector(beta, "beta", fanIn),
          runningMean: try vector(running_mean, "running_mean", fanIn), runningVar: try vector(running_var, "running_var", fanIn),
          momentum: momentum ?? BatchNormLayer.defaultMomentum, eps: eps ?? BatchNormLayer.defaultEps, activation: activation))
    case let other:
      throw bad("\(here).type: unknown layer type \"\(other)\"; use dense or batchnorm")
    }
  }
}

struct RawOptimizerState: Decodable {
  var step: Int
  var batch_position: Int?
  /// One object per parameter, in the network's parameter order.
  var buffers: [[String: [Double]]]
}
