import BackstepCore
import Foundation

/// A line typed at the `:` prompt: a setting by name (`lr 0.3`, `act relu`, `layers 8,8,8`,
/// `opt adam`, `data spiral`) or a command (`check`, `reset`, `metrics FILE.csv`, `help`, `quit`).
enum PromptCommand {
  /// What a setting changes, which decides how much is rebuilt: the table's part of a run.
  typealias Scope = Hyperparameter.Part

  case set((inout RunConfiguration) -> Void, Scope)
  case check, reset, quit, help
  /// Write the history's steps to a metrics file (CSV) at this path.
  case metrics(String)
  /// `:break` alone: the list of breakpoints.
  case breakpoints

  struct Refusal: Error, CustomStringConvertible {
    let description: String
  }

  /// The settings read here by name, with their short names; every other one is a ``Hyperparameter``.
  static let textNames = ["opt", "act", "output", "loss", "init", "data"]

  /// The names the prompt takes, for its help: the table's shortest name of each setting.
  static var names: String {
    let table = Hyperparameter.all.map { $0.promptNames.min { $0.count < $1.count } ?? $0.key }
    return (textNames + table).joined(separator: ", ") + "; or check, reset, metrics FILE.csv, help, quit"
  }

  /// Whether a line sets the optimizer, whose learning rate then goes back to its default.
  static func namesOptimizer(_ line: String) -> Bool {
    ["opt", "optimizer"].contains(line.split(separator: " ").first?.lowercased() ?? "")
  }

  static func parse(_ line: String) throws -> PromptCommand {
    let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let name = words.first?.lowercased() else { throw Refusal(description: "type a setting, e.g. lr 0.3") }
    let value = words.dropFirst().joined(separator: " ")
    func activation() throws -> Activation {
      guard let a = Activation(rawValue: value) else {
        throw Refusal(description: "unknown activation '\(value)'; use \(Activation.names())")
      }
      return a
    }
    switch name {
    case "check": return .check
    case "reset": return .reset
    case "q", "quit": return .quit
    case "help", "?": return .help
    case "metrics":
      guard !value.isEmpty else { throw Refusal(description: "metrics needs a file to write, e.g. :metrics run.csv") }
      return .metrics(NSString(string: value).expandingTildeInPath)
    case "break" where value.isEmpty, "break-on" where value.isEmpty: return .breakpoints
    case "opt", "optimizer":
      _ = try wrap { try OptimizerSettings(named: value) }
      return .set(
        {
          $0.optimizer = value
          $0.lr = nil
        }, .training)
    case "act", "activation":
      let a = try activation()
      return .set({ $0.activation = a }, .network)
    case "output":
      let a = try activation()
      return .set({ $0.output = a }, .network)
    case "loss":
      guard let l = Loss(rawValue: value) else {
        throw Refusal(description: "unknown loss '\(value)'; use \(Loss.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      return .set(
        {
          $0.loss = l
          $0.output = nil
        }, .network)
    case "init":
      _ = try wrap { try Initializer(parsing: value) }
      return .set({ $0.initializer = value }, .network)
    case "data", "dataset":
      return .set(
        {
          $0.dataset = value
          $0.dataFile = nil
          $0.loss = nil
          $0.output = nil
        }, .data)
    default:
      guard let entry = Hyperparameter.named(name) else { break }
      return try assign(entry, name: name, value: value)
    }
    throw Refusal(description: "unknown setting '\(name)'; try \(names)")
  }

  /// A setting of the table, checked by its rule as every other way in checks it.
  private static func assign(_ entry: Hyperparameter, name: String, value: String) throws -> PromptCommand {
    let scope = entry.part
    switch entry.value {
    case .number(let setting, let field):
      if entry.zeroTurnsOff && value == "0" { return .set({ $0[keyPath: field] = nil }, scope) }
      guard let x = Double(value), x.isFinite else { throw Refusal(description: "\(name) needs a number, e.g. :\(name) 0.1") }
      let checked = try wrap { try setting.validate(x) }
      return .set({ $0[keyPath: field] = checked }, scope)
    case .count(let setting, let field):
      if entry.zeroTurnsOff && value == "0" { return .set({ $0[keyPath: field] = nil }, scope) }
      guard let x = Int(value) else { throw Refusal(description: "\(name) needs a whole number") }
      let checked = try wrap { try setting.validate(x) }
      return .set({ $0[keyPath: field] = checked }, scope)
    case .toggle(let field):
      guard let on = ["on": true, "off": false][value.lowercased()] else { throw Refusal(description: "\(name) takes on or off") }
      return .set({ $0[keyPath: field] = on }, scope)
    case .widths:
      let widths = try wrap { try Setting.widths(value) }
      return .set({ $0.layers = widths }, scope)
    case .rows:
      let n = try wrap { try Setting.batchRows(value) } ?? 0
      return .set({ $0.batchSize = n }, scope)
    case .seed:
      guard let s = UInt64(value) else { throw Refusal(description: "seed needs a whole number ≥ 0") }
      return .set({ $0.seed = s }, scope)
    case .breakpoints:
      let conditions = try wrap { try BreakCondition.list(value) }
      return .set({ $0.breakOn = conditions }, scope)
    }
  }

  private static func wrap<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ConfigurationError { throw Refusal(description: e.message) }
  }
}
