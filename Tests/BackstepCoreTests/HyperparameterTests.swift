import BackstepCore
import Foundation
import Testing

/// The table of hyper-parameters is the one declaration every reader takes its names from, so
/// it must name each setting once, give each rule a home, and be what the docs list.
@Suite("Hyper-parameter table")
struct HyperparameterTests {
  @Test func keysAndPromptNamesAreUnique() {
    let keys = Hyperparameter.all.map(\.key)
    #expect(Set(keys).count == keys.count, "\(keys)")
    let names = Hyperparameter.all.flatMap(\.promptNames)
    #expect(Set(names).count == names.count, "\(names)")
  }

  /// A rule with no entry could not be set by any reader.
  @Test(arguments: Setting.allCases)
  func everyRuleHasOneEntry(_ s: Setting) {
    #expect(Hyperparameter.all.filter { $0.setting == s }.count == 1)
    #expect(Hyperparameter.all.first { $0.setting == s }?.key == s.rawValue)
  }

  @Test(arguments: Hyperparameter.all.map(\.key))
  func eachEntryIsFoundByItsNames(_ key: String) throws {
    let entry = try #require(Hyperparameter.named(key))
    #expect(entry.flag == key)
    for alias in entry.promptNames { #expect(Hyperparameter.named(alias)?.key == key) }
    if let modelKey = entry.modelKey {
      #expect(modelKey == key.replacingOccurrences(of: "-", with: "_"))
      #expect(Hyperparameter.modelKeyed(modelKey)?.key == key)
    }
  }

  @Test func helpStatesTheRule() {
    for entry in Hyperparameter.all {
      #expect(!entry.help.contains("{bounds}"), "\(entry.key)")
      #expect(!entry.help.isEmpty)
    }
    #expect(Hyperparameter.named("momentum")?.help == "Momentum (sgd, rmsprop), \(Setting.momentum.boundsText).")
    #expect(Hyperparameter.named("layers")?.help.contains("each in [1, \(LayerSpec.maxUnits)]") == true)
  }

  /// The model file keeps the training settings and the seed, not the data or the network's shape.
  /// A default in help is the one the code uses, per optimizer where the kinds differ, so a
  /// changed default cannot leave its help behind.
  @Test func helpStatesTheCodesDefaults() throws {
    func help(_ key: String) throws -> String { try #require(Hyperparameter.named(key)).help }
    #expect(try help("lr").contains("0.03 for sgd") && help("lr").contains("0.001 for adam and adamw"))
    #expect(try help("weight-decay").contains("0.01 for adamw"))
    #expect(try help("alpha").contains("(default \(OptimizerSettings(kind: .rmsprop).alpha))"))
    #expect(try help("batch-size").contains("(default \(RunConfiguration.defaultBatchSize))"))
    #expect(try help("seed").contains("(default \(RunConfiguration.defaultSeed))"))
    #expect(try help("eps").contains("1e-08 for rmsprop, adam and adamw"))
    for entry in Hyperparameter.all {
      #expect(!entry.help.contains("{"), "\(entry.key): a placeholder is left in \(entry.help)")
    }
  }

  @Test func theModelFileKeepsTheTrainingSettings() {
    let kept = Hyperparameter.all.compactMap(\.modelKey)
    #expect(kept.contains("weight_decay") && kept.contains("batch_size") && kept.contains("seed"))
    #expect(!kept.contains("points") && !kept.contains("layers") && !kept.contains("batch_norm"))
  }

  /// docs/config.md lists every key of the table, so the docs cannot fall behind it.
  @Test func docsListEveryKey() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/config.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    let table = text.split(separator: "\n").filter { $0.hasPrefix("| `") }.joined(separator: "\n")
    for entry in Hyperparameter.all { #expect(table.contains("`\(entry.key)`"), "docs/config.md does not list \(entry.key)") }
  }
}
