import BackstepCore
import Foundation

/// Parsers for the list-valued flags.
enum Lists {
  /// "8,8" → [8, 8]; "none" → [] (no hidden layer). A width of 0 is refused with a pointer to
  /// `none`, so that `--layers 0` does not silently mean something else.
  static func widths(_ text: String) throws -> [Int] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.lowercased() == "none" { return [] }
    guard !trimmed.isEmpty else {
      throw ConfigurationError("layers takes widths like 8,8, or none for no hidden layer", setting: "layers")
    }
    return try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let word = part.trimmingCharacters(in: .whitespaces)
      guard let n = Int(word) else {
        throw ConfigurationError("layers takes widths like 8,8; '\(word)' is not a whole number", setting: "layers")
      }
      guard n != 0 || trimmed != "0" else {
        throw ConfigurationError("a layer needs at least 1 unit; say none for no hidden layer", setting: "layers")
      }
      guard (1...LayerSpec.maxUnits).contains(n) else {
        throw ConfigurationError("each width in layers must lie in [1, \(LayerSpec.maxUnits)], not \(n)", setting: "layers")
      }
      return n
    }
  }

  /// "a,b" → ["a", "b"].
  static func names(_ text: String) -> [String] {
    text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// "full" → 0 (the whole training set), "32" → 32.
  static func batchSize(_ text: String) throws -> Int {
    if text.lowercased() == "full" { return 0 }
    guard let n = Int(text), n >= 1 else {
      throw ConfigurationError("batch-size takes a number of rows of at least 1, or full; not '\(text)'", setting: "batch-size")
    }
    return n
  }
}
