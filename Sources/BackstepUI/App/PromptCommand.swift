import BackstepCore
import Foundation

/// A line typed at the `:` prompt: a setting by name (`lr 0.3`, `act relu`, `layers 8,8,8`,
/// `opt adam`, `data spiral`) or a command (`check`, `reset`, `help`, `quit`).
enum PromptCommand {
  /// What a setting changes, which decides how much is rebuilt.
  enum Scope {
    /// The network's shape or initial weights: new weights.
    case network
    /// The data: new data and new weights.
    case data
    /// Training settings only: the weights stay.
    case training
  }

  case set((inout RunConfiguration) -> Void, Scope)
  case check, reset, quit, help

  struct Refusal: Error, CustomStringConvertible {
    let description: String
  }

  static let names =
    "lr, momentum, opt, act, bn, output, loss, layers, init, data, points, noise, batch, l1, l2, clip, clipv, dropout, seed; or check, reset, help, quit"

  static func parse(_ line: String) throws -> PromptCommand {
    let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let name = words.first?.lowercased() else { throw Refusal(description: "type a setting, e.g. lr 0.3") }
    let value = words.dropFirst().joined(separator: " ")
    /// A number checked against the setting's one rule, as every other way in checks it.
    func number(_ setting: Setting) throws -> Double {
      guard let x = Double(value), x.isFinite else { throw Refusal(description: "\(name) needs a number, e.g. :\(name) 0.1") }
      return try wrap { try setting.validate(x) }
    }
    func integer(_ setting: Setting) throws -> Int {
      guard let x = Int(value) else { throw Refusal(description: "\(name) needs a whole number") }
      return try wrap { try setting.validate(x) }
    }
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
    case "lr":
      let x = try number(.lr)
      return .set({ $0.lr = x }, .training)
    case "momentum":
      let x = try number(.momentum)
      return .set({ $0.momentum = x }, .training)
    case "opt", "optimizer":
      _ = try wrap { try OptimizerSettings(named: value) }
      return .set(
        {
          $0.optimizer = value
          $0.lr = nil
        }, .training)
    case "bn", "batch-norm":
      guard let on = ["on": true, "off": false][value.lowercased()] else { throw Refusal(description: "bn takes on or off") }
      return .set({ $0.batchNorm = on }, .network)
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
    case "layers":
      let widths = try wrap { try Setting.widths(value) }
      return .set({ $0.layers = widths }, .network)
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
    case "points":
      let n = try integer(.points)
      return .set({ $0.points = n }, .data)
    case "noise":
      let x = try number(.noise)
      return .set({ $0.noise = x }, .data)
    case "seed":
      guard let s = UInt64(value) else { throw Refusal(description: "seed needs a whole number ≥ 0") }
      return .set({ $0.seed = s }, .data)
    case "batch":
      let n = try wrap { try Setting.batchRows(value) } ?? 0
      return .set({ $0.batchSize = n }, .training)
    case "l1":
      let x = try number(.l1)
      return .set({ $0.l1 = x }, .training)
    case "l2":
      let x = try number(.l2)
      return .set({ $0.l2 = x }, .training)
    case "clip":
      // 0 turns clipping off.
      let x = value == "0" ? 0 : try number(.clipNorm)
      return .set({ $0.clipNorm = x > 0 ? x : nil }, .training)
    case "clipv":
      let x = value == "0" ? 0 : try number(.clipValue)
      return .set({ $0.clipValue = x > 0 ? x : nil }, .training)
    case "dropout":
      let x = try number(.dropout)
      return .set({ $0.dropout = x }, .training)
    default:
      throw Refusal(description: "unknown setting '\(name)'; try \(names)")
    }
  }

  private static func wrap<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ConfigurationError { throw Refusal(description: e.message) }
  }
}
