import BackstepCore
import Yams

/// The `compare:` of a settings file or a lesson's setup: what the second network changes, as
/// `--compare` takes it or as a mapping of the same names and values.
///
///     compare: activation=relu
///     compare: {optimizer: adam, lr: 0.001}
///     compare:
///       layers: [8, 8, 8]
///     compare: off
///
/// A mistake in a mapping is named at the line and column of the value at fault.
struct CompareValue {
  let node: Node
  let path: String

  /// The change, or nil for `off`.
  func change() throws -> SettingsChange? {
    if let text = node.scalar?.string { return try checked(node) { try SettingsChange.reading(text) } }
    guard let mapping = node.mapping, !mapping.isEmpty else {
      throw ConfigFile.bad(path, node, "compare: expected settings that differ, as `compare: activation=relu` or `compare: {optimizer: adam, lr: 0.001}`")
    }
    var pieces: [String] = []
    for (keyNode, value) in mapping {
      let piece = "\(keyNode.string ?? "")=\(try text(of: value))"
      // Each piece alone first, so that a mistake is placed at its own value.
      _ = try checked(value) { try SettingsChange(piece) }
      pieces.append(piece)
    }
    return try checked(node) { try SettingsChange(pieces.joined(separator: ",")) }
  }

  /// A value as the flag writes it: a list joined by commas (`[8, 8]` → `8,8`).
  func text(of value: Node) throws -> String {
    if let s = value.scalar?.string { return s }
    guard let seq = value.sequence else { throw ConfigFile.bad(path, value, "compare: expected a value or a list of values") }
    return try seq.map { n in
      guard let s = n.scalar?.string else { throw ConfigFile.bad(path, n, "compare: expected a value") }
      return s
    }.joined(separator: ",")
  }

  /// The value of `body`, with a core ``ConfigurationError`` placed at `at`'s line and column.
  func checked<T>(_ at: Node, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ConfigurationError { throw ConfigFile.bad(path, at, "compare: \(e.message)") }
  }
}
