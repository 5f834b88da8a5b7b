import ArgumentParser
import BackstepCore
import Foundation

@testable import backstep

/// Command lines parsed in this process, as swift-argument-parser's own tests parse them: no
/// binary is started, and a mapping is read from the RunConfiguration itself, not from output.
enum Parsed {
  /// The configuration `backstep train args…` describes, the settings file laid under it.
  static func configuration(_ args: [String]) throws -> RunConfiguration {
    try Train.parse(args).options.configuration()
  }

  /// The message and exit code `backstep` gives for `args` when parsing or validating them
  /// fails; nil when they parse.
  static func refusal(_ args: [String]) -> (message: String, code: ExitCode)? {
    do {
      _ = try Backstep.parseAsRoot(args)
      return nil
    } catch {
      return (Backstep.message(for: error), Backstep.exitCode(for: error))
    }
  }

  /// A file in a fresh folder holding `text`.
  static func file(_ name: String, _ text: String) throws -> String {
    let path = try Binary.temporaryDirectory() + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
