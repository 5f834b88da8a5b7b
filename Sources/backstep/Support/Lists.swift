import BackstepCore
import Foundation

/// Parsers for the list-valued flags.
enum Lists {
  /// "8,8" → [8, 8]; "none" or "" → [] (no hidden layer).
  static func widths(_ text: String) throws -> [Int] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed == "none" || trimmed == "0" { return [] }
    return try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { part in
      guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= 1 else {
        throw ConfigurationError("--layers takes widths like 8,8; '\(part)' is not a width of at least 1")
      }
      guard n <= LayerSpec.maxUnits else { throw ConfigurationError("--layers: a width of \(n) is more than \(LayerSpec.maxUnits)") }
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
      throw ConfigurationError("--batch-size takes a number of rows of at least 1, or 'full'; not '\(text)'")
    }
    return n
  }
}
