import ArgumentParser
import BackstepCore

extension ArgumentHelp {
  /// The help of a hyper-parameter's flag, as the table (``Hyperparameter``) declares it; a key
  /// missing from the table gets no help, which `SettingFlagTests` refuses.
  static func setting(_ key: String, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(settingHelp[key] ?? "", valueName: valueName)
  }

  /// Each setting's help by key, worked out once: the parser makes the options, and with them
  /// every help text, many times over in one parse.
  private static let settingHelp = Dictionary(uniqueKeysWithValues: Hyperparameter.all.map { ($0.key, $0.help) })
}

extension ParsableArguments {
  /// Lays the table's settings that are flags of these options over `c`, in one loop over the
  /// table: each setting's flag is the property named by its key in camelCase (`weight-decay`
  /// is `weightDecay`). A flag not given sets nil, so the settings file's value stands. Returns
  /// the keys these options hold, so that the caller can check that every setting was seen.
  @discardableResult
  func applyTableSettings(to c: inout RunConfiguration) throws -> Set<String> {
    var given: [String: Any] = [:]
    for child in Mirror(reflecting: self).children {
      if let label = child.label { given[label] = child.value }
    }
    var seen = Set<String>()
    for entry in Hyperparameter.all {
      guard let value = given["_" + Self.property(entry.key)] else { continue }
      seen.insert(entry.key)
      switch entry.value {
      case .number(_, let path): c[keyPath: path] = Self.given(value, entry)
      case .count(_, let path): c[keyPath: path] = Self.given(value, entry)
      case .toggle(let path): c[keyPath: path] = Self.given(value, entry)
      case .seed: c.seed = Self.given(value, entry)
      case .widths: if let text: String = Self.given(value, entry) { c.layers = try Lists.widths(text) }
      case .rows: if let text: String = Self.given(value, entry) { c.batchSize = try Lists.batchSize(text) }
      case .breakpoints: if let text: String = Self.given(value, entry) { c.breakOn = try BreakCondition.list(text) }
      }
    }
    return seen
  }

  /// The value of a flag's property, which must be of the kind the table declares.
  private static func given<T>(_ value: Any, _ entry: Hyperparameter) -> T? {
    switch value {
    case let o as Option<T?>: return o.wrappedValue
    case let f as Flag<T?>: return f.wrappedValue
    default: preconditionFailure("the property of --\(entry.flag) does not hold the kind of value the table declares")
    }
  }

  /// `weight-decay` → `weightDecay`.
  static func property(_ key: String) -> String {
    let words = key.split(separator: "-")
    return words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
  }
}
