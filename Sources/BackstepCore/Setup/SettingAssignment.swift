import Foundation

/// One setting named with its value, as the `:` prompt and `--compare` take it: `lr 0.3`,
/// `act relu`, `opt adam`, `layers 8,8`. The one reader of "a setting by name" in text: it
/// checks the value by the setting's rule and knows what else the setting resets (a new
/// optimizer takes its own default learning rate; a new loss, its own output; new data, both).
///
///     let a = try SettingAssignment(name: "act", value: "relu")
///     a.name    // "activation"
///     a.label   // "relu"
///     a.apply(to: &config)   // config.activation = .relu
public struct SettingAssignment: Sendable {
  /// The canonical name: the settings-file key (`activation`, `lr`, `clip-norm`).
  public let name: String
  /// The value as given, spaces trimmed.
  public let value: String
  /// What a change of the setting rebuilds.
  public let part: Hyperparameter.Part
  let edit: @Sendable (inout RunConfiguration) -> Void

  /// The string-valued settings, by their short and long names; every other one is a ``Hyperparameter``.
  public static let textNames = ["opt", "act", "rnnact", "output", "loss", "init", "data"]

  /// The canonical name of each text setting's names.
  static let textKeys = [
    "opt": "optimizer", "optimizer": "optimizer", "act": "activation", "activation": "activation", "rnnact": "rnn-activation",
    "rnn-activation": "rnn-activation", "output": "output",
    "loss": "loss", "init": "init", "data": "dataset", "dataset": "dataset",
  ]

  /// The names a setting can be given by, one of each: the text settings' short names and the
  /// table's shortest name of each entry.
  public static var shortNames: [String] {
    textNames + Hyperparameter.all.map { $0.promptNames.min { $0.count < $1.count } ?? $0.key }
  }

  /// Whether `name` names a setting (in any case).
  public static func isName(_ name: String) -> Bool {
    let lower = name.lowercased()
    return textKeys[lower] != nil || Hyperparameter.named(lower) != nil
  }

  /// Reads `value` as the setting `name` (any of its names, in any case). Throws a
  /// ``ConfigurationError`` naming the setting when the name is unknown or the value breaks its rule.
  public init(name written: String, value writtenValue: String) throws {
    let name = written.trimmingCharacters(in: .whitespaces).lowercased()
    let value = writtenValue.trimmingCharacters(in: .whitespaces)
    self.value = value
    if let key = Self.textKeys[name] {
      self.name = key
      (part, edit) = try Self.text(key, value)
    } else if let entry = Hyperparameter.named(name) {
      self.name = entry.key
      part = entry.part
      edit = try Self.table(entry, name: name, value: value)
    } else {
      throw ConfigurationError("unknown setting '\(name)'; try \(Self.shortNames.joined(separator: ", "))", setting: name)
    }
  }

  /// Sets the value in `config`, with what the setting resets.
  public func apply(to config: inout RunConfiguration) { edit(&config) }

  /// Short text for a heading: "relu", "adam", "lr 0.001", "layers 8,8,8".
  public var label: String { Self.label(name: name, value: value) }

  /// A setting's value as a heading shows it: the values that say which setting they are
  /// (an activation, an optimizer, a loss, a data set) alone, the others after the name.
  static func label(name: String, value: String) -> String {
    ["activation", "optimizer", "loss", "dataset"].contains(name) ? value : "\(name) \(value)"
  }

  /// Whether this setting takes back another's value when set after it (a new optimizer
  /// resets the learning rate, a new loss the output, new data both): such settings apply first.
  var resetsOthers: Bool { ["optimizer", "loss", "dataset"].contains(name) }

  private static func text(_ key: String, _ value: String) throws -> (Hyperparameter.Part, @Sendable (inout RunConfiguration) -> Void) {
    func activation() throws -> Activation {
      guard let a = Activation(rawValue: value) else {
        throw ConfigurationError("unknown activation '\(value)'; use \(Activation.names())", setting: key)
      }
      return a
    }
    switch key {
    case "optimizer":
      _ = try OptimizerSettings(named: value)
      return (
        .training,
        {
          $0.optimizer = value
          $0.lr = nil
        }
      )
    case "activation":
      let a = try activation()
      return (.network, { $0.activation = a })
    case "rnn-activation":
      guard let a = Activation(rawValue: value), RecurrentLayer.activations.contains(a) else {
        throw ConfigurationError("unknown recurrent activation '\(value)'; use \(Activation.names(RecurrentLayer.activations))", setting: key)
      }
      return (.network, { $0.rnnActivation = a })
    case "output":
      let a = try activation()
      return (.network, { $0.output = a })
    case "loss":
      guard let l = Loss(rawValue: value) else {
        throw ConfigurationError("unknown loss '\(value)'; use \(Loss.allCases.map(\.rawValue).joined(separator: ", "))", setting: key)
      }
      return (
        .network,
        {
          $0.loss = l
          $0.output = nil
        }
      )
    case "init":
      _ = try Initializer(parsing: value)
      return (.network, { $0.initializer = value })
    default:
      return (
        .data,
        {
          $0.dataset = value
          $0.dataFile = nil
          $0.loss = nil
          $0.output = nil
        }
      )
    }
  }

  /// A setting of the table, checked by its rule as every other way in checks it.
  private static func table(_ entry: Hyperparameter, name: String, value: String) throws -> @Sendable (inout RunConfiguration) -> Void {
    func refuse(_ needs: String) -> ConfigurationError {
      ConfigurationError("\(name) \(needs), not \(Excerpt.quoted(value))", setting: entry.key)
    }
    switch entry.value {
    case .number(let setting, let field):
      if entry.zeroTurnsOff && value == "0" { return { $0[keyPath: field] = nil } }
      guard let x = Double(value), x.isFinite else { throw refuse("needs a number") }
      let checked = try setting.validate(x)
      return { $0[keyPath: field] = checked }
    case .count(let setting, let field):
      if entry.zeroTurnsOff && value == "0" { return { $0[keyPath: field] = nil } }
      guard let x = Int(value) else { throw refuse("needs a whole number") }
      let checked = try setting.validate(x)
      return { $0[keyPath: field] = checked }
    case .toggle(let field):
      guard let on = ["on": true, "off": false][value.lowercased()] else { throw refuse("takes on or off") }
      return { $0[keyPath: field] = on }
    case .widths:
      let widths = try Setting.widths(value)
      return { $0.layers = widths }
    case .rows:
      let n = try Setting.batchRows(value) ?? 0
      return { $0.batchSize = n }
    case .seed:
      guard let s = UInt64(value) else { throw refuse("needs a whole number ≥ 0") }
      return { $0.seed = s }
    case .breakpoints:
      let conditions = try BreakCondition.list(value)
      return { $0.breakOn = conditions }
    }
  }
}
