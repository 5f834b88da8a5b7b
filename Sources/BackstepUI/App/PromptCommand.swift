import BackstepCore
import Foundation

/// A line typed at the `:` prompt: a setting by name (`lr 0.3`, `act relu`, `layers 8,8,8`,
/// `opt adam`, `data spiral`), read by the core's ``SettingAssignment``, or a command (`check`,
/// `reset`, `compare SETTINGS`, `compare off`, `metrics FILE.csv`, `help`, `quit`).
enum PromptCommand {
  /// What a setting changes, which decides how much is rebuilt: the table's part of a run.
  typealias Scope = Hyperparameter.Part

  case set((inout RunConfiguration) -> Void, Scope)
  case check, reset, quit, help
  /// Write the history's steps to a metrics file (CSV) at this path.
  case metrics(String)
  /// `:break` alone: the list of breakpoints.
  case breakpoints
  /// `:compare SETTINGS` (a second network with these settings changed), `:compare off` (nil).
  case compare(SettingsChange?)

  struct Refusal: Error, CustomStringConvertible {
    let description: String
  }

  /// The string-valued settings' names at the prompt (the core's ``SettingAssignment/textNames``).
  static let textNames = SettingAssignment.textNames

  /// The names the prompt takes, for its help: the shortest name of each setting, then the commands.
  static var names: String {
    SettingAssignment.shortNames.joined(separator: ", ") + "; or check, reset, compare SETTINGS, metrics FILE.csv, help, quit"
  }

  /// Whether a line sets the optimizer, whose learning rate then goes back to its default.
  static func namesOptimizer(_ line: String) -> Bool {
    ["opt", "optimizer"].contains(line.split(separator: " ").first?.lowercased() ?? "")
  }

  static func parse(_ line: String) throws -> PromptCommand {
    let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let name = words.first?.lowercased() else { throw Refusal(description: "type a setting, e.g. lr 0.3") }
    let value = words.dropFirst().joined(separator: " ")
    switch name {
    case "check": return .check
    case "reset": return .reset
    case "q", "quit": return .quit
    case "help", "?": return .help
    case "metrics":
      guard !value.isEmpty else { throw Refusal(description: "metrics needs a file to write, e.g. :metrics run.csv") }
      return .metrics(NSString(string: value).expandingTildeInPath)
    case "break" where value.isEmpty, "break-on" where value.isEmpty: return .breakpoints
    case "compare":
      guard !value.isEmpty else { throw Refusal(description: "compare needs settings, e.g. :compare act=relu, or :compare off") }
      return .compare(try wrap { try SettingsChange.reading(value) })
    default:
      guard SettingAssignment.isName(name) else { throw Refusal(description: "unknown setting '\(name)'; try \(names)") }
      let assignment = try wrap { try SettingAssignment(name: name, value: value) }
      return .set({ assignment.apply(to: &$0) }, assignment.part)
    }
  }

  private static func wrap<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ConfigurationError { throw Refusal(description: e.message) }
  }
}
