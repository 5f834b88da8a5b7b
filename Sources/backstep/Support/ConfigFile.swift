import BackstepCore
import Foundation
import Yams

/// Reads a YAML file of run settings: the same names as the flags, without the dashes
/// (`batch-size` or `batch_size`), e.g.
///
///     dataset: spiral
///     layers: [8, 8, 8]
///     activation: relu
///     optimizer: adam
///     lr: 0.01
///     batch-size: full
///
/// Every mistake is reported with the file, line and column.
enum ConfigFile {
  static func load(path: String) throws -> RunConfiguration {
    // read(2), not FileManager: a FIFO or `<(…)` is a file to read too.
    let data = Data(try FileContents.read(path: path))
    guard let text = String(data: data, encoding: .utf8) else {
      throw FileError(path: path, message: "is not UTF-8 text", kind: .malformed)
    }
    return try parse(text, path: path)
  }

  static func parse(_ text: String, path: String) throws -> RunConfiguration {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw FileError(path: path, message: "not valid YAML: \(describe(error))", kind: .malformed)
    }
    var config = RunConfiguration()
    guard let node else { return config }
    guard let mapping = node.mapping else {
      throw bad(path, node, "expected settings as `name: value` lines")
    }
    for (keyNode, value) in mapping {
      let key = (keyNode.string ?? "").lowercased().replacingOccurrences(of: "_", with: "-")
      try assign(key, value, to: &config, path: path, keyNode: keyNode)
    }
    return config
  }

  static let keys = [
    "dataset", "points", "noise", "train-ratio", "data", "features", "targets", "layers", "activation", "output",
    "loss", "init", "bias-init", "model", "optimizer", "lr", "momentum", "dampening", "nesterov", "weight-decay",
    "lr-decay", "initial-accumulator-value", "alpha", "centered", "beta1", "beta2", "amsgrad", "rho", "eps", "l1",
    "l2", "regularize-biases", "clip-norm", "clip-value", "dropout", "batch-size", "shuffle", "seed",
  ]

  // swiftlint:disable:next cyclomatic_complexity function_body_length
  static func assign(_ key: String, _ v: Node, to c: inout RunConfiguration, path: String, keyNode: Node) throws {
    func number() throws -> Double {
      guard let s = v.scalar?.string, let x = Double(s), x.isFinite else { throw bad(path, v, "\(key): expected a number") }
      return x
    }
    func integer() throws -> Int {
      guard let s = v.scalar?.string, let x = Int(s) else { throw bad(path, v, "\(key): expected a whole number") }
      return x
    }
    func flag() throws -> Bool {
      guard let s = v.scalar?.string.lowercased(), ["true", "false", "yes", "no", "on", "off"].contains(s) else {
        throw bad(path, v, "\(key): expected true or false")
      }
      return ["true", "yes", "on"].contains(s)
    }
    func text() throws -> String {
      guard let s = v.scalar?.string else { throw bad(path, v, "\(key): expected a single value") }
      return s
    }
    func names() throws -> [String] {
      if let seq = v.sequence { return try seq.map { n in try n.scalar?.string ?? { throw bad(path, n, "\(key): expected names") }() } }
      return Lists.names(try text())
    }
    func wrap<T>(_ body: () throws -> T) throws -> T {
      do { return try body() } catch let e as ConfigurationError { throw bad(path, v, e.message) }
    }
    switch key {
    case "dataset": c.dataset = try text()
    case "points": c.points = try integer()
    case "noise": c.noise = try number()
    case "train-ratio": c.trainRatio = try number()
    case "data": c.dataFile = try text()
    case "features": c.features = try names()
    case "targets": c.targets = try names()
    case "layers":
      if let seq = v.sequence {
        c.layers = try seq.map { n in
          guard let w = n.scalar.flatMap({ Int($0.string) }), w >= 1 else { throw bad(path, n, "layers: expected widths of at least 1") }
          return w
        }
      } else {
        c.layers = try wrap { try Lists.widths(try text()) }
      }
    case "activation", "output":
      guard let a = Activation(rawValue: try text()) else {
        throw bad(path, v, "\(key): unknown activation '\(try text())'; use \(Activation.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      if key == "activation" { c.activation = a } else { c.output = a }
    case "loss":
      guard let l = Loss(rawValue: try text()) else { throw bad(path, v, "loss: unknown loss '\(try text())'; use mse, mse_mean, bce or ce") }
      c.loss = l
    case "init": c.initializer = try text()
    case "bias-init": c.biasInit = try number()
    case "model": c.model = try text()
    case "optimizer": c.optimizer = try text()
    case "lr": c.lr = try number()
    case "momentum": c.momentum = try number()
    case "dampening": c.dampening = try number()
    case "nesterov": c.nesterov = try flag()
    case "weight-decay": c.weightDecay = try number()
    case "lr-decay": c.lrDecay = try number()
    case "initial-accumulator-value": c.initialAccumulatorValue = try number()
    case "alpha": c.alpha = try number()
    case "centered": c.centered = try flag()
    case "beta1": c.beta1 = try number()
    case "beta2": c.beta2 = try number()
    case "amsgrad": c.amsgrad = try flag()
    case "rho": c.rho = try number()
    case "eps": c.eps = try number()
    case "l1": c.l1 = try number()
    case "l2": c.l2 = try number()
    case "regularize-biases": c.regularizeBiases = try flag()
    case "clip-norm": c.clipNorm = try number()
    case "clip-value": c.clipValue = try number()
    case "dropout": c.dropout = try number()
    case "batch-size": c.batchSize = try wrap { try Lists.batchSize(try text()) }
    case "shuffle": c.shuffle = try flag()
    case "seed":
      guard let s = v.scalar?.string, let x = UInt64(s) else { throw bad(path, v, "seed: expected a whole number ≥ 0") }
      c.seed = x
    default:
      throw bad(path, keyNode, "unknown setting '\(keyNode.string ?? "")'; settings are \(keys.joined(separator: ", "))")
    }
  }

  static func bad(_ path: String, _ node: Node, _ message: String) -> FileError {
    let place = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
    return FileError(path: "\(path):\(place)", message: message, kind: .malformed)
  }

  static func describe(_ error: YamlError) -> String {
    "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
  }
}
