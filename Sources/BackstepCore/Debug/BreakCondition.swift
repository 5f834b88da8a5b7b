import Foundation

/// A condition that stops run mode (and `train --break-on`) right after the stage where it
/// first holds. Each is read from what the stage's readings already measured: nothing is
/// computed again to check it. Documented in docs/diagnostics.md.
public enum BreakCondition: Hashable, Sendable {
  /// The first NaN or ∞ in z, a, the loss, δ, dW or the weights after an update.
  case nan
  /// A layer's verdict turns vanishing (it was not last step).
  case vanishing
  /// A layer's verdict turns exploding (it was not last step).
  case exploding
  /// The batch loss has not improved by ``Plateau/improvement`` over `steps` steps.
  case plateau(steps: Int)
  /// A fraction ≥ F of a ReLU layer's units are dead (and were not last step).
  case dead(fraction: Double)
  /// A fraction ≥ F of a hidden sigmoid or tanh layer's outputs are saturated (and were not last step).
  case saturated(fraction: Double)
  /// The first stage of step N.
  case step(Int)
  /// That stage of every iteration.
  case stage(Stage)
  /// The batch loss falls below X (it was not below last step).
  case lossBelow(Double)
  /// The batch loss rises above X (it was not above last step).
  case lossAbove(Double)

  public static let defaultPlateauSteps = 200
  public static let defaultFraction = 0.5

  /// The forms the parser takes, for its messages and the help.
  public static let forms =
    "nan, vanishing, exploding, plateau[:N], dead[:F], saturated[:F], step:N, stage:S (F1, loss, B2, update; B1·t3 a time step), loss<X, loss>X"

  /// Reads one condition: `exploding`, `plateau:500`, `dead:0.8`, `stage:B2`, `loss<0.05`.
  public init(parsing text: String) throws {
    let word = text.trimmingCharacters(in: .whitespaces)
    if let cut = word.firstIndex(where: { $0 == "<" || $0 == ">" }), word[..<cut].lowercased() == "loss" {
      let x = try Self.number(word[word.index(after: cut)...], in: word)
      self = word[cut] == "<" ? .lossBelow(x) : .lossAbove(x)
      return
    }
    let parts = word.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let name = parts[0].lowercased()
    let argument = parts.count > 1 ? parts[1] : nil
    switch (name, argument) {
    case ("nan", nil): self = .nan
    case ("vanishing", nil): self = .vanishing
    case ("exploding", nil): self = .exploding
    case ("plateau", let n): self = .plateau(steps: try n.map { try Self.count($0, in: word) } ?? Self.defaultPlateauSteps)
    case ("dead", let f): self = .dead(fraction: try f.map { try Self.fraction($0, in: word) } ?? Self.defaultFraction)
    case ("saturated", let f): self = .saturated(fraction: try f.map { try Self.fraction($0, in: word) } ?? Self.defaultFraction)
    case ("step", let n?): self = .step(try Self.count(n, in: word))
    case ("stage", let s?):
      guard let stage = Stage(label: s) else {
        throw ConfigurationError(
          "breakpoint '\(Excerpt.escaped(word))' names no stage; write stage:F1, stage:loss, stage:B2 or stage:update", setting: "break-on")
      }
      self = .stage(stage)
    default:
      throw ConfigurationError("unknown breakpoint '\(Excerpt.escaped(word))' (expected one of \(Self.forms))", setting: "break-on")
    }
  }

  /// A comma-separated list; `off`, `none` or nothing at all is the empty list. Repeats are kept once.
  public static func list(_ text: String) throws -> [BreakCondition] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if ["", "off", "none"].contains(trimmed.lowercased()) { return [] }
    var conditions: [BreakCondition] = []
    for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
      let condition = try BreakCondition(parsing: String(part))
      if !conditions.contains(condition) { conditions.append(condition) }
    }
    return conditions
  }

  /// The layer a stage condition names, which must exist in a network of `depth` layers, and
  /// the time step of a recurrent layer's stage, which must be one of the `timeSteps` (T) its
  /// sequences have: `stage:F1·t50` on T = 10 would never stop.
  public func check(depth: Int, timeSteps: Int? = nil) throws {
    guard case .stage(let s) = self else { return }
    switch s {
    case .forward(let l), .backward(let l), .forwardStep(let l, _), .backwardStep(let l, _):
      guard l <= depth else {
        throw ConfigurationError("breakpoint \(self) names layer \(l), but the network has \(depth) layers", setting: "break-on")
      }
    case .loss, .update: break
    }
    guard let t = s.timeStep, let l = s.layer else { return }
    guard let T = timeSteps, l == 1 else {
      throw ConfigurationError("breakpoint \(self) names time step \(t) of layer \(l), which is not recurrent", setting: "break-on")
    }
    guard t <= T else {
      throw ConfigurationError("breakpoint \(self) names time step \(t), but the sequences have T = \(T) time steps", setting: "break-on")
    }
  }

  private static func number(_ text: Substring, in word: String) throws -> Double {
    guard let x = Double(text.trimmingCharacters(in: .whitespaces)), x.isFinite else {
      throw ConfigurationError("breakpoint '\(Excerpt.escaped(word))' needs a number after the comparison, e.g. loss<0.05", setting: "break-on")
    }
    return x
  }

  private static func count(_ text: String, in word: String) throws -> Int {
    guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n >= 1 else {
      throw ConfigurationError("breakpoint '\(Excerpt.escaped(word))' needs a whole number ≥ 1 after the colon", setting: "break-on")
    }
    return n
  }

  private static func fraction(_ text: String, in word: String) throws -> Double {
    guard let f = Double(text.trimmingCharacters(in: .whitespaces)), f > 0, f <= 1 else {
      throw ConfigurationError("breakpoint '\(Excerpt.escaped(word))' needs a fraction in (0, 1] after the colon", setting: "break-on")
    }
    return f
  }
}

extension BreakCondition: CustomStringConvertible, Codable {
  /// The form the parser reads back: `plateau:200`, `dead:0.5`, `stage:B2`, `loss<0.05`.
  public var description: String {
    switch self {
    case .nan: "nan"
    case .vanishing: "vanishing"
    case .exploding: "exploding"
    case .plateau(let n): "plateau:\(n)"
    case .dead(let f): "dead:\(Setting.show(f))"
    case .saturated(let f): "saturated:\(Setting.show(f))"
    case .step(let n): "step:\(n)"
    case .stage(let s): "stage:\(s.label)"
    case .lossBelow(let x): "loss<\(Setting.show(x))"
    case .lossAbove(let x): "loss>\(Setting.show(x))"
    }
  }

  public init(from decoder: any Decoder) throws {
    self = try BreakCondition(parsing: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }
}

extension Stage {
  /// The stage a label of the stage strip names: F1, loss, B2, update (any case).
  public init?(label: String) {
    let text = label.trimmingCharacters(in: .whitespaces).lowercased()
    switch text {
    case "loss": self = .loss
    case "update": self = .update
    default:
      // F1·t3 (or F1.t3): a time step of a recurrent layer.
      let parts = text.split(whereSeparator: { $0 == "·" || $0 == "." }).map(String.init)
      guard let kind = text.first, let l = Int(parts[0].dropFirst()), l >= 1, parts.count <= 2 else { return nil }
      var t: Int?
      if parts.count == 2 {
        guard parts[1].first == "t", let step = Int(parts[1].dropFirst()), step >= 1 else { return nil }
        t = step
      }
      switch (kind, t) {
      case ("f", nil): self = .forward(l)
      case ("b", nil): self = .backward(l)
      case ("f", let t?): self = .forwardStep(l, t: t)
      case ("b", let t?): self = .backwardStep(l, t: t)
      default: return nil
      }
    }
  }
}
