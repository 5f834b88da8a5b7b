import BackstepCore
import Testing

/// One way to write every setting of the table on a command line, and the value each must
/// become: the mapping tests give all of them at once, since the parser is slow in a debug build.
struct SettingSpelling: Sendable, CustomTestStringConvertible {
  var testDescription: String
  /// The number given to the setting at an index of the table: each its own, exact in binary.
  var number: @Sendable (Int) -> Double
  var count: @Sendable (Int) -> Int
  /// `--name` when true, `--no-name` when false.
  var toggle: Bool
  var seed: UInt64
  var widths: (text: String, value: [Int])
  var rows: (text: String, value: Int)
  var breakpoints: (text: String, value: [BreakCondition])

  /// Each number and count its own value, each toggle on, widths with spaces, a batch size.
  static let plain = SettingSpelling(
    testDescription: "plain", number: { Double($0 + 1) * 0.125 }, count: { $0 + 1 }, toggle: true, seed: 42,
    widths: (" 3 , 5 ", [3, 5]), rows: ("32", 32), breakpoints: ("exploding, plateau:50,loss<0.25", [.exploding, .plateau(steps: 50), .lossBelow(0.25)]))
  /// Negative numbers (read as numbers, refused later by each rule), `--no-` toggles, no hidden
  /// layer and the full batch.
  static let other = SettingSpelling(
    testDescription: "negative, --no-, none, full", number: { -Double($0 + 1) * 0.125 }, count: { -($0 + 1) }, toggle: false,
    seed: 0, widths: ("none", []), rows: ("full", 0), breakpoints: ("off", []))

  /// The words that give `entry`, the setting at `index` of the table.
  func words(_ entry: Hyperparameter, at index: Int) -> [String] {
    let flag = "--\(entry.flag)"
    switch entry.value {
    case .number: return [flag, String(number(index))]
    case .count: return [flag, String(count(index))]
    case .toggle: return [toggle ? flag : "--no-\(entry.flag)"]
    case .seed: return [flag, String(seed)]
    case .widths: return [flag, widths.text]
    case .rows: return [flag, rows.text]
    case .breakpoints: return [flag, breakpoints.text]
    }
  }

  /// Whether `c` holds the value ``words(_:at:)`` gave the setting.
  func holds(_ c: RunConfiguration, _ entry: Hyperparameter, at index: Int) -> Bool {
    switch entry.value {
    case .number(_, let path): c[keyPath: path] == number(index)
    case .count(_, let path): c[keyPath: path] == count(index)
    case .toggle(let path): c[keyPath: path] == toggle
    case .seed: c.seed == seed
    case .widths: c.layers == widths.value
    case .rows: c.batchSize == rows.value
    case .breakpoints: c.breakOn == breakpoints.value
    }
  }
}
