import Foundation

/// What the right network of a comparison changes from the left one: settings by name with
/// their values, as `--compare` and `compare:` give them: `activation=relu`,
/// `optimizer=adam,lr=0.001`, `layers=8,8,8,act=relu` (a piece without `=` continues the value
/// before it, so widths and breakpoint lists keep their commas).
///
/// The two networks share their data and their seed, so that what differs between them is what
/// the change names: a setting of the data part (`dataset`, `points`, `noise`, `train-ratio`,
/// `seed`) is refused, as is an empty change.
///
///     let c = try SettingsChange("optimizer=adam, lr=0.001")
///     c.label   // "adam, lr 0.001"
///     c.names   // ["optimizer", "lr"]
///     c.text    // "optimizer=adam,lr=0.001"
public struct SettingsChange: Equatable, Sendable, Codable, CustomStringConvertible {
  /// The settings, in the order given.
  public let assignments: [SettingAssignment]

  /// The words that mean no comparison, for `--compare off` and `compare: off`.
  public static let offWords = ["off", "none"]

  /// Reads a change; throws a ``ConfigurationError`` (setting `compare`) naming the piece at fault.
  public init(_ text: String) throws {
    guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw Self.refusal(Self.needsASetting) }
    var pieces: [(name: String, value: String)] = []
    for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
      let word = piece.trimmingCharacters(in: .whitespaces)
      guard let equals = word.firstIndex(of: "=") else {
        guard !pieces.isEmpty, !word.isEmpty else {
          throw Self.refusal(word.isEmpty ? "an empty setting" : "'\(word)' is not name=value")
        }
        pieces[pieces.count - 1].value += "," + word
        continue
      }
      pieces.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
    }
    var assignments: [SettingAssignment] = []
    for (name, value) in pieces {
      let assignment: SettingAssignment
      do {
        assignment = try SettingAssignment(name: name, value: value)
      } catch let error as ConfigurationError {
        throw Self.refusal("\(name.trimmingCharacters(in: .whitespaces))=\(value.trimmingCharacters(in: .whitespaces)): \(error.message)")
      }
      guard assignment.part != .data else {
        throw Self.refusal(
          "\(assignment.name) cannot differ: the two networks keep the same data and the same seed, so that only the named settings differ")
      }
      guard !assignments.contains(where: { $0.name == assignment.name }) else {
        throw Self.refusal("\(assignment.name) is named twice")
      }
      assignments.append(assignment)
    }
    self.assignments = assignments
  }

  /// A change, or nil for `off` or `none`.
  public static func reading(_ text: String) throws -> SettingsChange? {
    offWords.contains(text.trimmingCharacters(in: .whitespaces).lowercased()) ? nil : try SettingsChange(text)
  }

  /// The canonical names of the settings it changes, in order: `["optimizer", "lr"]`.
  public var names: [String] { assignments.map(\.name) }

  /// Short text for the right network's heading: "relu", "adam, lr 0.001".
  public var label: String { assignments.map(\.label).joined(separator: ", ") }

  /// The change as `--compare` and `compare:` take it, with canonical names: reads back as itself.
  public var text: String { assignments.map { "\($0.name)=\($0.value)" }.joined(separator: ",") }

  public var description: String { text }

  /// `config` with the change laid over it. A setting that resets another (an optimizer, its
  /// learning rate) applies before the rest, so `lr=0.001,optimizer=adam` keeps its 0.001.
  /// Throws when the change leaves the configuration as it was.
  public func applied(to config: RunConfiguration) throws -> RunConfiguration {
    var changed = config
    changed.compare = nil
    let ordered = assignments.filter(\.resetsOthers) + assignments.filter { !$0.resetsOthers }
    for assignment in ordered { assignment.apply(to: &changed) }
    var left = config
    left.compare = nil
    guard changed != left else { throw Self.unchanged(self) }
    return changed
  }

  static let needsASetting = "compare needs a setting that differs, e.g. activation=relu"

  /// The error of a change that changes nothing.
  static func unchanged(_ change: SettingsChange) -> ConfigurationError {
    refusal("\(change.text) changes nothing: the left network has it already; compare needs a setting that differs")
  }

  static func refusal(_ message: String) -> ConfigurationError {
    ConfigurationError(message, setting: "compare")
  }

  public static func == (a: SettingsChange, b: SettingsChange) -> Bool { a.text == b.text }

  public init(from decoder: any Decoder) throws {
    try self.init(decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}
