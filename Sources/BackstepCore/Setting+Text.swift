import Foundation

/// The text forms of the settings that are not plain numbers, read the same way by every
/// way in (a flag, a settings file, the prompt).
extension Setting {
  /// Hidden-layer widths: "8,8" → [8, 8]; "none", "" or "0" → [] (no hidden layer). Each width
  /// obeys ``Setting/layers`` (1…``LayerSpec/maxUnits``), so "8,0" and "100000" are refused.
  public static func widths(_ text: String) throws -> [Int] {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed.lowercased() == "none" || trimmed == "0" { return [] }
    return try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { part in
      let word = part.trimmingCharacters(in: .whitespaces)
      guard let n = Int(word) else {
        throw ConfigurationError(
          "layers takes widths like 8,8 or none; \(Excerpt.quoted(word)) is not a whole number", setting: .layers)
      }
      return try layers.validate(n)
    }
  }

  /// Rows per step: "full" → nil (the whole training set), "32" → 32.
  public static func batchRows(_ text: String) throws -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.lowercased() == "full" { return nil }
    guard let n = Int(trimmed) else {
      throw ConfigurationError(
        "batch-size takes a whole number of rows or full, not \(Excerpt.quoted(trimmed))", setting: .batchSize)
    }
    return try batchSize.validate(n)
  }
}
