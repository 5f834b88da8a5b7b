import BackstepCore
import Testing

@testable import backstep

/// Where a setting comes from, in-process: a flag over the settings file, the settings file
/// over the model file, the model file over the defaults; the model file alone fixes the network.
@Suite("Flags, settings file and model file")
struct SettingSourceTests {
  @Test func flagsOverTheSettingsFile() throws {
    let yaml = try Parsed.file("run.yaml", "dataset: xor\nlayers: [5]\noptimizer: adam\nlr: 0.01\nbatch-size: full\n")
    let fromFile = try Parsed.configuration(["--config", yaml])
    #expect(fromFile.dataset == "xor")
    #expect(fromFile.layers == [5])
    #expect(fromFile.optimizer == "adam")
    #expect(fromFile.lr == 0.01)
    #expect(fromFile.batchSize == 0)
    let stepper = try fromFile.resolve().makeStepper(historyLimit: 1)
    let summary = Summary.text(for: stepper, stoppedBecause: "ran 0 steps")
    #expect(summary.hasPrefix("xor: 2-5-1"), "\(summary)")
    #expect(summary.contains("adam lr=0.01"), "\(summary)")
    #expect(stepper.settings.batchSize == nil, "full batch")

    let overridden = try Parsed.configuration(["--config", yaml, "--lr", "0.2", "--layers", "3,3", "--dataset", "circle"])
    #expect(overridden.lr == 0.2)
    #expect(overridden.layers == [3, 3])
    #expect(overridden.dataset == "circle")
    #expect(overridden.optimizer == "adam", "what no flag names stays the file's")
    #expect(overridden.batchSize == 0)
  }

  /// A model saved after two steps of adam, with its data and settings.
  static func savedModel() throws -> (path: String, stepper: Stepper) {
    let run = try Parsed.configuration(["--dataset", "xor", "--layers", "3", "--optimizer", "adam", "--lr", "0.01", "--batch-size", "7", "--seed", "5"])
      .resolve()
    var stepper = try run.makeStepper(historyLimit: 1)
    stepper.run(iterations: 2)
    let path = try Binary.temporaryDirectory() + "/m.json"
    try ModelFile(
      network: stepper.network, training: stepper.settings, optimizerState: stepper.optimizerState,
      schedulePosition: stepper.schedule.position, data: run.dataSource
    ).save(path: path)
    return (path, stepper)
  }

  @Test func aModelFileResumesWithItsOwnSettings() throws {
    let (path, saved) = try Self.savedModel()
    let run = try Parsed.configuration(["--model", path]).resolve()
    #expect(run.network == saved.network)
    #expect(run.settings == (try ModelFile.load(path: path).training))
    #expect(run.settings.optimizer.kind == saved.settings.optimizer.kind)
    #expect(run.settings.optimizer.lr == saved.settings.optimizer.lr)
    #expect(run.settings.batchSize == saved.settings.batchSize)
    #expect(run.settings.seed == saved.settings.seed)
    #expect(run.resume?.1 == saved.schedule.position)
    #expect(run.data.train.name == saved.data.train.name)
    #expect(run.data.train.count == saved.data.train.count)
  }

  @Test func flagsAndTheSettingsFileOverTheModelFile() throws {
    let (path, saved) = try Self.savedModel()
    let flagged = try Parsed.configuration(["--model", path, "--lr", "0.5", "--batch-size", "full"]).resolve()
    #expect(flagged.settings.optimizer.kind == .adam)
    #expect(flagged.settings.optimizer.lr == 0.5)
    #expect(flagged.settings.batchSize == nil)
    #expect(flagged.settings.seed == saved.settings.seed)
    #expect(flagged.resume != nil, "the same optimizer keeps its state")

    let yaml = try Parsed.file("run.yaml", "lr: 0.2\nl2: 0.001\n")
    let filed = try Parsed.configuration(["--model", path, "--config", yaml, "--lr", "0.3"]).resolve()
    #expect(filed.settings.optimizer.lr == 0.3)
    #expect(filed.settings.regularization.l2 == 0.001)
    #expect(filed.settings.batchSize == saved.settings.batchSize)

    let other = try Parsed.configuration(["--model", path, "--optimizer", "sgd"]).resolve()
    #expect(other.settings.optimizer.kind == .sgd)
    #expect(other.resume == nil, "another optimizer starts with no state")
  }

  @Test(arguments: [
    (["--layers", "4"], "layers"), (["--activation", "relu"], "activation"), (["--output", "identity"], "output"),
    (["--loss", "mse"], "loss"), (["--init", "he"], "init"), (["--bias-init", "0.1"], "bias-init"), (["--no-batch-norm"], "batch-norm"),
  ])
  func theModelFileFixesTheNetwork(_ args: [String], _ setting: String) throws {
    let (path, _) = try Self.savedModel()
    let error = #expect(throws: ConfigurationError.self) { try Parsed.configuration(["--model", path] + args).resolve() }
    #expect(error?.setting == setting)
    #expect(error?.message.contains("the model file fixes the network") == true, "\(String(describing: error))")
  }
}
