import BackstepConfig
import BackstepCore
import Testing

/// The settings file reads every key of the table, each into its own field.
@Suite("Settings file keys")
struct HyperparameterKeyTests {
  @Test(arguments: Hyperparameter.all.map(\.key))
  func everyTableKeyIsRead(_ key: String) throws {
    let entry = try #require(Hyperparameter.named(key))
    var expected = RunConfiguration()
    let value: String
    switch entry.value {
    case .number(_, let field):
      value = "0.5"
      expected[keyPath: field] = 0.5
    case .count(_, let field):
      value = "3"
      expected[keyPath: field] = 3
    case .toggle(let field):
      value = "true"
      expected[keyPath: field] = true
    case .widths:
      value = "[3]"
      expected.layers = [3]
    case .rows:
      value = "3"
      expected.batchSize = 3
    case .seed:
      value = "3"
      expected.seed = 3
    case .breakpoints:
      value = "[exploding, \"dead:0.25\", stage:B2]"
      expected.breakOn = [.exploding, .dead(fraction: 0.25), .stage(.backward(2))]
    }
    #expect(try ConfigFile.parse("\(key): \(value)\n", path: "c.yaml") == expected)
  }
}
