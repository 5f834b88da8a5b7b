import ArgumentParser
import BackstepCore
import Testing

@testable import backstep

/// Each flag family read into the RunConfiguration it describes, in-process.
@Suite("Flags to settings")
struct OptionMappingTests {
  /// With no flag every field is unset, so that a settings file, a model file or the documented
  /// default decides it; the defaults then come from RunConfiguration's own constants.
  @Test func noFlagsLeaveEverySettingToTheDefaults() throws {
    let c = try Parsed.configuration([])
    #expect(c == RunConfiguration())
    let run = try c.resolve()
    #expect(run.network.layers.dropLast().map(\.units) == RunConfiguration.defaultLayers)
    #expect(run.data.train.count + run.data.test.count == RunConfiguration.defaultPoints)
    #expect(run.settings.batchSize == RunConfiguration.defaultBatchSize)
    #expect(run.settings.seed == RunConfiguration.defaultSeed)
    #expect(run.settings.optimizer.kind == TrainingSettings().optimizer.kind)
  }

  /// Every setting of the table reaches its field, in each spelling: numbers (negative ones
  /// read as numbers, not flags), counts, both forms of each toggle, the seed, widths and rows.
  @Test(arguments: [SettingSpelling.plain, .other])
  func everyTableSettingReachesItsField(_ spelling: SettingSpelling) throws {
    let table = Array(Hyperparameter.all.enumerated())
    let c = try Parsed.configuration(table.flatMap { spelling.words($1, at: $0) })
    for (i, entry) in table {
      #expect(spelling.holds(c, entry, at: i), "--\(entry.flag), \(spelling.testDescription)")
    }
  }

  @Test func networkFlags() throws {
    let c = try Parsed.configuration([
      "--layers", "8,6", "--activation", "relu", "--output", "sigmoid", "--loss", "bce", "--init", "he_normal", "--bias-init", "-0.5",
      "--batch-norm",
    ])
    #expect(c.layers == [8, 6])
    #expect(c.activation == .relu)
    #expect(c.output == .sigmoid)
    #expect(c.loss == .bce)
    #expect(c.initializer == "he_normal")
    #expect(c.biasInit == -0.5)
    #expect(c.batchNorm == true)
    let run = try c.resolve()
    #expect(run.network.loss == .bce)
    #expect(run.network.layers.last?.activation == .sigmoid)
    #expect(run.network.hasBatchNorm)
  }

  /// `--layers none` is a network with no hidden layer: inputs straight to the output.
  @Test func noHiddenLayer() throws {
    let run = try Parsed.configuration(["--layers", "none", "--bias-init", "-0.5"]).resolve()
    #expect(run.network.layers.count == 1)
    #expect(run.network.layers[0].bias.allSatisfy { $0 == -0.5 })
  }

  @Test func builtinDataFlags() throws {
    let c = try Parsed.configuration(["--dataset", "xor", "--points", "60", "--noise", "5", "--train-ratio", "0.75"])
    #expect(c.dataset == "xor")
    #expect(c.points == 60)
    #expect(c.noise == 5)
    #expect(c.trainRatio == 0.75)
    #expect(c.dataFile == nil)
    let run = try c.resolve()
    #expect(run.data.train.count == 45)
    #expect(run.data.test.count == 15)
  }

  /// Column lists take commas, several words, or both.
  @Test func csvDataFlags() throws {
    let c = try Parsed.configuration([
      "--data", "train.csv", "--test-data", "test.csv", "--features", "a,b", "c", "--targets", "label",
    ])
    #expect(c.dataFile == "train.csv")
    #expect(c.testDataFile == "test.csv")
    #expect(c.features == ["a", "b", "c"])
    #expect(c.targets == ["label"])
    #expect(try Parsed.configuration([]).features == nil)
  }

  @Test func optimizerFlags() throws {
    let c = try Parsed.configuration(["--optimizer", "adam", "--lr", "0.01", "--beta2", "0.99", "--amsgrad", "--batch-size", "full", "--no-shuffle"])
    #expect(c.optimizer == "adam")
    let settings = try c.resolve().settings
    #expect(settings.optimizer.kind == .adam)
    #expect(settings.optimizer.lr == 0.01)
    #expect(settings.optimizer.beta2 == 0.99)
    #expect(settings.optimizer.amsgrad)
    #expect(settings.batchSize == nil, "full batch")
    #expect(!settings.shuffle)
  }

  /// How long a headless run lasts: steps, or epochs of the schedule's steps, and a target loss.
  @Test func stoppingFlags() throws {
    let stepper = try Parsed.configuration(["--batch-size", "8"]).resolve().makeStepper(historyLimit: 1)
    let byEpochs = try TrainingPlan(stepper: stepper, stopping: Train.parse(["--epochs", "3"]).stopping)
    #expect(byEpochs.totalSteps == 3 * stepper.schedule.stepsPerEpoch)
    #expect(byEpochs.targetLoss == nil)
    let bySteps = try TrainingPlan(stepper: stepper, stopping: Train.parse(["--steps", "7", "--target-loss", "0.05"]).stopping)
    #expect(bySteps.totalSteps == 7)
    #expect(bySteps.targetLoss == 0.05)
    let unset = try TrainingPlan(stepper: stepper, stopping: Train.parse([]).stopping, defaultSteps: 12)
    #expect(unset.totalSteps == 12, "no flag: the command's own default")
  }

  /// Every command that trains takes the same flags, and `backstep` alone is the visualizer.
  @Test func everyTrainingCommandTakesTheRunFlags() throws {
    let args = ["--layers", "5", "--lr", "0.2"]
    let expected = try Parsed.configuration(args)
    #expect(expected.layers == [5])
    let view = try #require(try Backstep.parseAsRoot(args) as? View)
    #expect(try view.options.configuration() == expected)
    for name in ["view", "train", "trace", "check", "render"] {
      let command = try Backstep.parseAsRoot([name] + args)
      let options = try #require(Self.runOptions(of: command), "\(name) takes no run flags")
      #expect(try options.configuration() == expected, "\(name)")
    }
  }

  /// The run flags of a command that trains; nil for one that does not.
  static func runOptions(of command: any ParsableCommand) -> RunOptions? {
    switch command {
    case let c as View: c.options
    case let c as Train: c.options
    case let c as Trace: c.options
    case let c as Check: c.options
    case let c as Render: c.options
    default: nil
    }
  }
}
