import BackstepCore
import Testing

@testable import backstep

/// Refused command lines, in-process: what the parser refuses is a usage error with a message
/// that names the flag and the value; what the core refuses names the setting, and exits 2.
@Suite("Flag errors")
struct OptionErrorTests {
  @Test(arguments: [
    (["train", "--activation", "softmaxx"], ["--activation", "'softmaxx'", "relu"]),
    (["train", "--lr", "abc"], ["--lr", "'abc'"]),
    (["train", "--bogus"], ["--bogus"]),
    (["train", "--steps", "3", "--epochs", "2"], ["give --steps or --epochs, not both"]),
    (["bench", "--only", "banana"], ["--only takes train, run-mode", "not 'banana'"]),
    (["frobnicate"], ["frobnicate"]),
  ])
  func theParserRefusesWithAUsageError(_ args: [String], _ mentions: [String]) throws {
    let refusal = try #require(Parsed.refusal(args), "\(args) parsed")
    #expect(refusal.code == .validationFailure, "\(args)")
    for mention in mentions {
      #expect(refusal.message.contains(mention), "\(args): \(refusal.message)")
    }
  }

  /// Lists are read when the configuration is made: the error names the setting, which the
  /// program shows as the flag.
  @Test(arguments: [
    (["--layers", "8,x"], "layers", "'x' is not a whole number"),
    (["--layers", "0"], "layers", "say none for no hidden layer"),
    (["--layers", "8,5000"], "layers", "must lie in [1, 4096], not 5000"),
    (["--batch-size", "many"], "batch-size", "not 'many'"),
    (["--batch-size", "0"], "batch-size", "not '0'"),
  ])
  func aBadListNamesItsSetting(_ args: [String], _ setting: String, _ mention: String) throws {
    let error = #expect(throws: ConfigurationError.self) { try Parsed.configuration(args) }
    #expect(error?.setting == setting, "\(args)")
    #expect(error?.message.contains(mention) == true, "\(args): \(String(describing: error))")
    #expect(error.map(Failure.status) == ExitStatus.usage)
  }

  /// Names and values the core checks are refused when the run is resolved.
  @Test(arguments: [
    (["--optimizer", "lbfgs"], "unknown optimizer 'lbfgs'"),
    (["--dataset", "banana"], "unknown data set 'banana'"),
    (["--init", "gaussian"], "unknown initialiser"),
    (["--activation", "softmax"], "softmax is allowed only at the output"),
    (["--loss", "bce", "--output", "tanh"], "bce loss needs a sigmoid output"),
    (["--lr", "0"], "learning rate"),
    (["--momentum", "2"], "momentum must lie in [0, 1], not 2"),
    (["--train-ratio", "1.5"], "train-ratio must lie in (0, 1]"),
    (["--features", "a"], "no data file is given"),
  ])
  func aBadValueIsRefusedWhenResolved(_ args: [String], _ mention: String) throws {
    let c = try Parsed.configuration(args)
    let error = #expect(throws: ConfigurationError.self) { try c.resolve() }
    #expect(error?.message.contains(mention) == true, "\(args): \(String(describing: error))")
    #expect(error.map(Failure.status) == ExitStatus.usage)
  }
}
