import BackstepCore
import Foundation
import Testing

/// What the right network of a comparison changes, read from `--compare` and `compare:`.
@Suite("A comparison's change")
struct SettingsChangeTests {
  @Test func oneSetting() throws {
    let c = try SettingsChange("activation=relu")
    #expect(c.names == ["activation"])
    #expect(c.label == "relu")
    #expect(c.text == "activation=relu")
  }

  /// Several settings, spaces trimmed, short names read as their keys; the text reads back as itself.
  @Test func severalSettingsReadBack() throws {
    let c = try SettingsChange(" opt = adam , lr=0.001 ")
    #expect(c.names == ["optimizer", "lr"])
    #expect(c.label == "adam, lr 0.001")
    #expect(try SettingsChange(c.text) == c)
    #expect(try SettingsChange(c.text).text == c.text)
  }

  /// A piece without `=` continues the value before it: widths and breakpoint lists keep their commas.
  @Test func commasInsideAValue() throws {
    let c = try SettingsChange("layers=8,8,8,act=relu")
    #expect(c.names == ["layers", "activation"])
    let applied = try c.applied(to: RunConfiguration())
    #expect(applied.layers == [8, 8, 8] && applied.activation == .relu)
    #expect(try SettingsChange("break-on=exploding,plateau:50").applied(to: RunConfiguration()).breakOn == [.exploding, .plateau(steps: 50)])
  }

  /// A setting that resets another applies first, whatever the order given.
  @Test func theOptimizerKeepsTheLearningRateGivenWithIt() throws {
    for text in ["optimizer=adam,lr=0.001", "lr=0.001,optimizer=adam"] {
      let c = try SettingsChange(text).applied(to: RunConfiguration())
      #expect(c.optimizer == "adam" && c.lr == 0.001, "\(text)")
    }
  }

  /// The data and the seed are the comparison's common ground: no change may name them.
  @Test(arguments: ["seed=2", "dataset=spiral", "data=xor", "points=100", "noise=5", "train-ratio=0.8"])
  func theDataAndSeedCannotDiffer(_ text: String) {
    #expect {
      try SettingsChange(text)
    } throws: { error in
      let e = error as? ConfigurationError
      return e?.setting == "compare" && e?.message.contains("same data and the same seed") == true
    }
  }

  /// Each mistake names the piece at fault.
  @Test(arguments: [
    ("", "compare needs a setting that differs"), (" , ", "an empty setting"), ("relu", "'relu' is not name=value"),
    ("lr=abc", "lr=abc: lr needs a number"), ("act=swish", "act=swish: unknown activation 'swish'"),
    ("bogus=1", "bogus=1: unknown setting 'bogus'"), ("lr=0.1,lr=0.2", "lr is named twice"),
    ("act=relu,,lr=1", "an empty setting"),
  ])
  func mistakesAreNamed(_ text: String, _ message: String) {
    #expect {
      try SettingsChange(text)
    } throws: { error in
      (error as? ConfigurationError)?.message.hasPrefix(message) == true
    }
  }

  /// `off` and `none` mean no comparison; any other text is a change.
  @Test func offIsNoChange() throws {
    #expect(try SettingsChange.reading("off") == nil)
    #expect(try SettingsChange.reading(" None ") == nil)
    #expect(try SettingsChange.reading("act=relu")?.names == ["activation"])
  }

  /// A change that leaves the configuration as it was is refused.
  @Test func aChangeToTheSameValueIsRefused() throws {
    var c = RunConfiguration()
    c.activation = .relu
    #expect {
      try SettingsChange("activation=relu").applied(to: c)
    } throws: { error in
      (error as? ConfigurationError)?.message.contains("changes nothing") == true
    }
  }

  /// A configuration keeps its change through JSON, as its text.
  @Test func aConfigurationEncodesItsChange() throws {
    var c = RunConfiguration()
    c.compare = try SettingsChange("optimizer=adam,lr=0.001")
    let decoded = try JSONDecoder().decode(RunConfiguration.self, from: JSONEncoder().encode(c))
    #expect(decoded == c && decoded.compare?.text == "optimizer=adam,lr=0.001")
  }

  /// A settings file's change gives way to the flag's.
  @Test func theFlagsChangeOverridesTheFiles() throws {
    var file = RunConfiguration()
    file.compare = try SettingsChange("act=relu")
    var flags = RunConfiguration()
    #expect(file.overridden(by: flags).compare == file.compare)
    flags.compare = try SettingsChange("lr=0.5")
    #expect(file.overridden(by: flags).compare == flags.compare)
  }
}
