import Foundation

/// One hyper-parameter, declared once: its settings-file key (which is also its flag, `--key`),
/// the kind of value it takes and where that value lives in ``RunConfiguration``, the part of a
/// run it changes, its key in a model file's `training` section, its names at the `:` prompt
/// and its help sentence. The settings file, the model file and ``SettingAssignment`` (the
/// prompt's and `--compare`'s reader) read ``all``; the command line takes its flags' names and
/// help from it.
///
/// The string-valued settings (dataset, data, optimizer, activation, loss, init, …) are read by
/// each reader itself, with their names taken from their enums.
public struct Hyperparameter: Sendable {
  /// The kind of value and where it goes.
  public enum Value: Sendable {
    /// One number checked by the setting's rule.
    case number(Setting, WritableKeyPath<RunConfiguration, Double?> & Sendable)
    /// One whole number checked by the setting's rule.
    case count(Setting, WritableKeyPath<RunConfiguration, Int?> & Sendable)
    /// True or false.
    case toggle(WritableKeyPath<RunConfiguration, Bool?> & Sendable)
    /// Hidden widths, read by ``Setting/widths(_:)``.
    case widths
    /// Rows per step or `full`, read by ``Setting/batchRows(_:)``.
    case rows
    /// A whole number ≥ 0.
    case seed
    /// A list of breakpoints, read by ``BreakCondition/list(_:)``.
    case breakpoints
  }

  /// What a change of the setting rebuilds.
  public enum Part: Sendable {
    /// New data and new weights.
    case data
    /// New weights.
    case network
    /// Nothing: the weights stay.
    case training
    /// Nothing, and the training goes on as it was: what the run watches for (the verdict's
    /// thresholds, the breakpoints). A model file does not keep these.
    case watch
  }

  /// The settings-file key: `weight-decay`.
  public let key: String
  public let value: Value
  public let part: Part
  /// Shorter names the prompt also takes (`clip` for clip-norm).
  public let aliases: [String]
  /// The help sentence of the flag, without the default (see ``help``).
  let sentence: String
  /// Whether `:name 0` at the prompt turns the setting off (clipping, the recurrent layer) rather than being refused.
  public let zeroTurnsOff: Bool

  init(_ key: String, _ value: Value, _ part: Part, aliases: [String] = [], zeroTurnsOff: Bool = false, _ sentence: String) {
    self.key = key
    self.value = value
    self.part = part
    self.aliases = aliases
    self.zeroTurnsOff = zeroTurnsOff
    self.sentence = sentence
  }

  /// The long flag, without its dashes: the same as the key.
  public var flag: String { key }

  /// The rule of a numeric setting.
  public var setting: Setting? {
    switch value {
    case .number(let s, _), .count(let s, _): s
    case .widths: .layers
    case .rows: .batchSize
    case .toggle, .seed, .breakpoints: nil
    }
  }

  /// The flag's help: the sentence, with the rule's bounds where it says `{bounds}` and the
  /// code's default where it says `{default}`.
  public var help: String {
    sentence.replacingOccurrences(of: "{bounds}", with: setting?.boundsText ?? "")
      .replacingOccurrences(of: "{default}", with: defaultText ?? "")
  }

  /// The key in a model file's `training` section (`weight_decay`), or nil when a model file does
  /// not keep the setting (the data and the network's shape are kept elsewhere in it).
  public var modelKey: String? {
    part == .training || key == "seed" ? key.replacingOccurrences(of: "-", with: "_") : nil
  }

  /// The names the prompt takes: the key and its aliases.
  public var promptNames: [String] { [key] + aliases }

  /// The entry whose key, flag or prompt alias is `name`.
  public static func named(_ name: String) -> Hyperparameter? {
    all.first { $0.promptNames.contains(name) }
  }

  /// The entry of a model-file key.
  public static func modelKeyed(_ key: String) -> Hyperparameter? {
    all.first { $0.modelKey == key }
  }
}
