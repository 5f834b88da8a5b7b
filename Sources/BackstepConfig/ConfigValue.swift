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

  /// The keys whose value is a name or a path, read here; every other key is a
  /// ``Hyperparameter`` of the table.
  static let textKeys = [
    "dataset", "data", "test-data", "features", "targets", "activation", "rnn-activation", "output", "loss", "init", "model", "optimizer", "compare",
  ]

  /// Every key a settings file may hold.
  static var keys: [String] { textKeys + Hyperparameter.all.map(\.key) + ["view"] }

  func assign(to c: inout RunConfiguration) throws {
    if let entry = Hyperparameter.all.first(where: { $0.key == key }) { return try assign(entry, to: &c) }
    switch key {
    case "dataset":
      let name = try text()
      guard BuiltinDataset(rawValue: name) != nil else {
        throw bad("unknown data set \(Excerpt.quoted(name)); use \(BuiltinDataset.allCases.map(\.rawValue).joined(separator: ", ")), or data: FILE.csv")
      }
      c.dataset = name
    case "data": c.dataFile = try text()
    case "test-data": c.testDataFile = try text()
    case "features": c.features = try names()
    case "targets": c.targets = try names()
    case "activation", "output":
      let name = try text()
      guard let a = Activation(rawValue: name) else {
        throw bad("unknown activation \(Excerpt.quoted(name)); use \(Activation.names())")
      }
      if key == "activation" { c.activation = a } else { c.output = a }
    case "rnn-activation":
      let name = try text()
      guard let a = Activation(rawValue: name), RecurrentLayer.activations.contains(a) else {
        throw bad("unknown recurrent activation \(Excerpt.quoted(name)); use \(Activation.names(RecurrentLayer.activations))")
      }
      c.rnnActivation = a
    case "loss":
      let name = try text()
      guard let l = Loss(rawValue: name) else {
        throw bad("unknown loss \(Excerpt.quoted(name)); use \(Loss.allCases.map(\.rawValue).joined(separator: ", "))")
      }
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
    case "view": c.view = try ViewValue(node: node, path: path).settings()
    case "compare": c.compare = try CompareValue(node: node, path: path).change()
    default:
      throw ConfigFile.bad(
        path, keyNode,
        "unknown setting \(Excerpt.quoted(keyNode.string ?? "")); settings are \(Self.keys.joined(separator: ", "))")
    }
  }

  /// A value of the table, checked by its rule.
  func assign(_ entry: Hyperparameter, to c: inout RunConfiguration) throws {
    switch entry.value {
    case .number(let setting, let field): c[keyPath: field] = try checked { try setting.validate(number()) }
    case .count(let setting, let field): c[keyPath: field] = try checked { try setting.validate(integer()) }
    case .toggle(let field): c[keyPath: field] = try flag()
    case .widths: c.layers = try widths()
    case .rows: c.batchSize = try checked { try Setting.batchRows(text()) } ?? 0
    case .seed:
      guard let s = node.scalar?.string, let x = UInt64(s) else { throw bad("seed: expected a whole number ≥ 0") }
      c.seed = x
    case .breakpoints: c.breakOn = try checked { try BreakCondition.list(names().joined(separator: ",")) }
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
