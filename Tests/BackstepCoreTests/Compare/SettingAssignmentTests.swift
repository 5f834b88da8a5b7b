import BackstepCore
import Testing

/// A setting by name and its value, read once for the prompt and for a comparison.
@Suite("A setting by name")
struct SettingAssignmentTests {
  /// Any of a setting's names reads as its canonical key, with the part of a run it changes.
  @Test(arguments: [
    ("act", "relu", "activation", "relu"), ("opt", "adam", "optimizer", "adam"), ("lr", "0.001", "lr", "lr 0.001"),
    ("layers", "8,8,8", "layers", "layers 8,8,8"), ("clip", "1", "clip-norm", "clip-norm 1"), ("bn", "on", "batch-norm", "batch-norm on"),
  ])
  func namesReadAsTheirKey(_ given: String, _ value: String, _ key: String, _ label: String) throws {
    let a = try SettingAssignment(name: given, value: value)
    #expect(a.name == key)
    #expect(a.label == label)
    #expect(a.part == (Hyperparameter.named(key)?.part ?? (key == "optimizer" ? .training : .network)))
  }

  /// A new optimizer takes its own default learning rate; a new loss, its own output.
  @Test func aSettingResetsWhatDependsOnIt() throws {
    var c = RunConfiguration()
    c.lr = 0.5
    c.output = .identity
    try SettingAssignment(name: "optimizer", value: "adam").apply(to: &c)
    #expect(c.optimizer == "adam" && c.lr == nil)
    try SettingAssignment(name: "loss", value: "mse").apply(to: &c)
    #expect(c.loss == .mse && c.output == nil)
  }

  /// A value is checked by the setting's own rule, and the error names the setting.
  @Test(arguments: [
    ("momentum", "2", "momentum"), ("lr", "abc", "lr"), ("act", "swish", "activation"), ("layers", "eight", "layers"), ("nesterov", "maybe", "nesterov"),
  ])
  func aBadValueNamesTheSetting(_ name: String, _ value: String, _ setting: String) {
    #expect {
      try SettingAssignment(name: name, value: value)
    } throws: { error in
      (error as? ConfigurationError)?.setting == setting && (error as? ConfigurationError)?.message.contains(value) == true
    }
  }

  @Test func anUnknownNameListsTheSettings() {
    #expect {
      try SettingAssignment(name: "bogus", value: "1")
    } throws: { error in
      let message = (error as? ConfigurationError)?.message ?? ""
      return message.hasPrefix("unknown setting 'bogus'") && SettingAssignment.shortNames.allSatisfy { message.contains($0) }
    }
    #expect(!SettingAssignment.isName("bogus") && SettingAssignment.isName("ACT"))
  }
}
