import ArgumentParser
import BackstepCore
import Testing

@testable import backstep

/// Each setting of the table has exactly one flag on the command line, with the table's help,
/// so a setting added to the table cannot be left without a flag. The help is made in-process,
/// as `backstep help train` makes it.
@Suite("Setting flags")
struct SettingFlagTests {
  @Test func everySettingHasOneFlagWithItsHelp() throws {
    let text = Backstep.helpMessage(for: Train.self, columns: 80)
    // The first word of each option line: "--nesterov/--no-nesterov", "--seed <seed>".
    let flags = text.split(separator: "\n").compactMap { line -> String? in
      let word = line.drop { $0 == " " }.prefix { $0 != " " }
      return word.hasPrefix("--") ? String(word.split(separator: "/")[0]) : nil
    }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    let help = words.joined(separator: " ")
    for entry in Hyperparameter.all {
      let count = flags.filter { $0 == "--\(entry.flag)" }.count
      #expect(count == 1, "--\(entry.flag) is given \(count) times")
      let sentence = entry.help.split(separator: " ").joined(separator: " ")
      #expect(help.contains(sentence), "the help of --\(entry.flag) is not the table's: \(entry.help)")
    }
  }
}
