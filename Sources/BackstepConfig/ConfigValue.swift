import BackstepCore
import Foundation
import Yams

/// One `key: value` line of a settings file, read into a ``RunConfiguration`` and checked as it
/// is read, so that a value out of range is named at its own line and column with the core's
/// sentence: `run.yaml:4:11: momentum must lie in [0, 1], not 2`.
struct ConfigValue {
  let key: String
  let node: Node
  let keyNode: Node
  let path: String

  /// Every key a settings file may hold, in the order docs/config.md lists them.
  static let keys = [
    "dataset", "points", "noise", "train-ratio", "data", "test-data", "features", "targets", "layers", "activation", "output",
    "loss", "init", "bias-init", "model", "optimizer", "lr", "momentum", "dampening", "nesterov", "weight-decay",
    "lr-decay", "initial-accumulator-value", "alpha", "centered", "beta1", "beta2", "amsgrad", "rho", "eps", "l1",
    "l2", "regularize-biases", "clip-norm", "clip-value", "dropout", "batch-size", "shuffle", "seed",
  ]

  /// The keys whose value is one number, with the rule that checks it and where it goes.
  static func numbers() -> [String: (Setting, WritableKeyPath<RunConfiguration, Double?>)] {
    [
      "noise": (.noise, \.noise), "train-ratio": (.trainRatio, \.trainRatio), "bias-init": (.biasInit, \.biasInit),
      "lr": (.lr, \.lr), "momentum": (.momentum, \.momentum), "dampening": (.dampening, \.dampening),
      "weight-decay": (.weightDecay, \.weightDecay), "lr-decay": (.lrDecay, \.lrDecay),
      "initial-accumulator-value": (.initialAccumulatorValue, \.initialAccumulatorValue), "alpha": (.alpha, \.alpha),
      "beta1": (.beta1, \.beta1), "beta2": (.beta2, \.beta2), "rho": (.rho, \.rho), "eps": (.eps, \.eps),
      "l1": (.l1, \.l1), "l2": (.l2, \.l2), "clip-norm": (.clipNorm, \.clipNorm), "clip-value": (.clipValue, \.clipValue),
      "dropout": (.dropout, \.dropout),
    ]
  }

  /// The keys whose value is true or false.
  static func flags() -> [String: WritableKeyPath<RunConfiguration, Bool?>] {
    [
      "nesterov": \.nesterov, "centered": \.centered, "amsgrad": \.amsgrad, "regularize-biases": \.regularizeBiases,
      "shuffle": \.shuffle,
    ]
  }

  func assign(to c: inout RunConfiguration) throws {
    if let (setting, field) = Self.numbers()[key] {
      c[keyPath: field] = try checked { try setting.validate(number()) }
      return
    }
    if let field = Self.flags()[key] {
      c[keyPath: field] = try flag()
      return
    }
    switch key {
    case "dataset":
      let name = try text()
      guard BuiltinDataset(rawValue: name) != nil else {
        throw bad("unknown data set \(Excerpt.quoted(name)); use \(BuiltinDataset.allCases.map(\.rawValue).joined(separator: ", ")), or data: FILE.csv")
      }
      c.dataset = name
    case "points": c.points = try checked { try Setting.points.validate(integer()) }
    case "data": c.dataFile = try text()
    case "test-data": c.testDataFile = try text()
    case "features": c.features = try names()
    case "targets": c.targets = try names()
    case "layers": c.layers = try widths()
    case "activation", "output":
      let name = try text()
      guard let a = Activation(rawValue: name) else {
        throw bad("unknown activation \(Excerpt.quoted(name)); use \(Activation.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      if key == "activation" { c.activation = a } else { c.output = a }
    case "loss":
      let name = try text()
      guard let l = Loss(rawValue: name) else { throw bad("unknown loss \(Excerpt.quoted(name)); use mse, mse_mean, bce or ce") }
      c.loss = l
    case "init":
      let name = try text()
      _ = try checked { try Initializer(parsing: name) }
      c.initializer = name
    case "model": c.model = try text()
    case "optimizer":
      let name = try text()
      _ = try checked { try OptimizerSettings(named: name) }
      c.optimizer = name
    case "batch-size": c.batchSize = try checked { try Setting.batchRows(text()) } ?? 0
    case "seed":
      guard let s = node.scalar?.string, let x = UInt64(s) else { throw bad("seed: expected a whole number ≥ 0") }
      c.seed = x
    default:
      throw ConfigFile.bad(
        path, keyNode,
        "unknown setting \(Excerpt.quoted(keyNode.string ?? "")); settings are \(Self.keys.joined(separator: ", "))")
    }
  }

  func bad(_ message: String) -> FileError { ConfigFile.bad(path, node, message) }

  /// The value of `body`, with a core ``ConfigurationError`` placed at this value's line.
  func checked<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ConfigurationError { throw bad(e.message) }
  }

  /// A number in Swift's or YAML's spelling (`1e-3`, `.inf`, `.nan`); infinities and NaN are
  /// read so that the setting's rule refuses them with its own sentence.
  func number() throws -> Double {
    guard let s = node.scalar?.string.trimmingCharacters(in: .whitespaces) else { throw bad("\(key): expected a number") }
    let yaml: [String: Double] = [".inf": .infinity, "+.inf": .infinity, "-.inf": -.infinity, ".nan": .nan]
    guard let x = Double(s) ?? yaml[s.lowercased()] else { throw bad("\(key): expected a number") }
    return x
  }

  func integer() throws -> Int {
    guard let s = node.scalar?.string, let x = Int(s) else { throw bad("\(key): expected a whole number") }
    return x
  }

  func flag() throws -> Bool {
    guard let s = node.scalar?.string.lowercased(), ["true", "false", "yes", "no", "on", "off"].contains(s) else {
      throw bad("\(key): expected true or false")
    }
    return ["true", "yes", "on"].contains(s)
  }

  func text() throws -> String {
    guard let s = node.scalar?.string else { throw bad("\(key): expected a single value") }
    return s
  }

  func names() throws -> [String] {
    if let seq = node.sequence {
      return try seq.map { n in
        guard let s = n.scalar?.string else { throw ConfigFile.bad(path, n, "\(key): expected names") }
        return s
      }
    }
    return try text().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// `[8, 8]`, `8,8`, `[]`, `none` or `0`; each width checked by ``Setting/layers`` at its own place.
  func widths() throws -> [Int] {
    guard let seq = node.sequence else { return try checked { try Setting.widths(text()) } }
    return try seq.map { n in
      guard let w = n.scalar.flatMap({ Int($0.string) }) else {
        throw ConfigFile.bad(path, n, "layers: expected whole-number widths, or none")
      }
      do { return try Setting.layers.validate(w) } catch let e as ConfigurationError { throw ConfigFile.bad(path, n, e.message) }
    }
  }
}
