/// A configuration turned into the things training needs.
public struct ResolvedRun: Sendable {
  public var network: Network
  public var data: DataSplit
  public var settings: TrainingSettings
  /// The optimizer state and batch position saved in the model file, when resuming.
  public var resume: (OptimizerState, Int)?
  /// The initialiser used for fresh weights (nil when they came from a model file).
  public var initializer: Initializer?
  /// Where the rows came from, for a model file to remember.
  public var dataSource: DataSource
  /// The verdict's thresholds and the breakpoints the run watches for.
  public var thresholds = VerdictThresholds()
  public var breakpoints = Breakpoints.standard.conditions
  /// Whether the configuration names its breakpoints (`break-on`), which `train` then checks
  /// at every stage; without them it stops only at the end of a step that produced a NaN.
  public var watchesBreakpoints = false

  /// A stepper over this run, watching for its breakpoints.
  public func makeStepper(historyLimit: Int = 10_000) throws -> Stepper {
    var stepper = try Stepper(network: network, data: data, settings: settings, resuming: resume, historyLimit: historyLimit)
    stepper.thresholds = thresholds
    try stepper.watch(for: breakpoints)
    return stepper
  }
}

extension RunConfiguration {
  /// Loads the model file and the data, builds or checks the network, and settles every
  /// training setting. Throws ``ConfigurationError``, ``FileError`` or ``DataError``.
  public func resolve() throws -> ResolvedRun {
    let modelFile = try model.map { try ModelFile.load(path: $0) }
    guard let model, let source = modelFile?.data else { return try resolve(modelFile: modelFile) }
    // The model file's data, unless the configuration names other data.
    let remembered = source.paths(from: DataSource.folder(of: model), relative: false)
    let config = remembered.laid(under: self)
    do {
      return try config.resolve(modelFile: modelFile)
    } catch let error as DataError where error.isMissingFile && dataFile == nil && config.dataFile != nil {
      throw DataError(
        file: model,
        message:
          "the model's data file \(source.csv ?? "") is missing (looked for \(remembered.csv ?? "")); give the data with --data FILE or --dataset NAME",
        isMissingFile: true)
    }
  }

  /// ``resolve()`` with the model file already read and its data laid under this configuration.
  func resolve(modelFile: ModelFile?) throws -> ResolvedRun {
    if modelFile != nil {
      for (flag, isSet) in [
        ("layers", layers != nil), ("activation", activation != nil), ("output", output != nil),
        ("loss", loss != nil), ("init", initializer != nil), ("bias-init", biasInit != nil), ("batch-norm", batchNorm != nil),
        ("rnn", rnn != nil), ("rnn-activation", rnnActivation != nil),
      ] where isSet {
        throw ConfigurationError("\(flag) cannot be given with a model: the model file fixes the network", setting: flag)
      }
    }
    let seed = self.seed ?? modelFile?.training?.seed ?? Self.defaultSeed
    let modelClasses = modelFile.flatMap { $0.network.loss == .ce ? $0.network.outputCount : nil }
    let dataSeed = self.seed ?? modelFile?.data?.seed ?? seed
    let dataset = try loadData(seed: dataSeed, lossHint: modelFile?.network.loss ?? loss, classes: modelClasses)
    let shuffle = self.shuffle ?? modelFile?.training?.shuffle ?? TrainingSettings().shuffle
    let data = try split(dataset, lossHint: modelFile?.network.loss ?? loss, shuffle: shuffle, seed: dataSeed)

    var initializerUsed: Initializer?
    let network: Network
    if let modelFile {
      network = modelFile.network
    } else {
      let initializer = try Initializer(parsing: self.initializer ?? "xavier")
      initializerUsed = initializer
      network = try buildNetwork(for: dataset, initializer: initializer, seed: seed)
    }
    guard (dataset.steps != nil) == network.isRecurrent else {
      throw ConfigurationError(
        network.isRecurrent
          ? "the recurrent network reads sequences, but the data is a plain table; use a sequence set (\(BuiltinDataset.sequenceSets)) or a CSV file of x@t columns"
          : "the data holds sequences of \(dataset.steps ?? 0) time steps; give the network a recurrent first layer with rnn (--rnn H)",
        setting: network.isRecurrent ? "dataset" : "rnn")
    }
    guard dataset.featuresPerStep == network.inputCount else {
      throw ConfigurationError(
        "features do not match the model: the model takes \(network.inputCount) inputs, the data has \(dataset.featuresPerStep) feature columns\(dataset.steps == nil ? "" : " per time step") (\(dataset.featureNames.joined(separator: ", ")))"
      )
    }
    guard dataset.targetCount == network.outputCount else {
      throw ConfigurationError(
        "targets do not match the model: the model has \(network.outputCount) outputs, the data has \(dataset.targetCount) target columns"
      )
    }
    let settings = try trainingSettings(base: modelFile?.training, seed: seed)
    var resume: (OptimizerState, Int)?
    if let state = modelFile?.optimizerState, modelFile?.training?.optimizer.kind == settings.optimizer.kind {
      resume = (state, modelFile?.schedulePosition ?? 0)
    }
    return ResolvedRun(
      network: network, data: data, settings: settings, resume: resume, initializer: initializerUsed,
      dataSource: DataSource(self, seed: dataSeed), thresholds: try thresholds(), breakpoints: Breakpoints.watched(breakOn),
      watchesBreakpoints: breakOn != nil)
  }

  /// The verdict's thresholds, each set one checked by its rule, the vanishing ones below the exploding ones.
  public func thresholds() throws -> VerdictThresholds {
    var t = VerdictThresholds()
    t.vanishingNorm = try vanishingNorm.map { try Setting.vanishingNorm.validate($0) } ?? t.vanishingNorm
    t.explodingNorm = try explodingNorm.map { try Setting.explodingNorm.validate($0) } ?? t.explodingNorm
    t.vanishingRatio = try vanishingRatio.map { try Setting.vanishingRatio.validate($0) } ?? t.vanishingRatio
    t.explodingRatio = try explodingRatio.map { try Setting.explodingRatio.validate($0) } ?? t.explodingRatio
    guard t.vanishingNorm < t.explodingNorm else {
      throw ConfigurationError(
        "vanishing-norm (\(Setting.show(t.vanishingNorm))) must lie below exploding-norm (\(Setting.show(t.explodingNorm)))", setting: .vanishingNorm)
    }
    guard t.vanishingRatio < t.explodingRatio else {
      throw ConfigurationError(
        "vanishing-ratio (\(Setting.show(t.vanishingRatio))) must lie below exploding-ratio (\(Setting.show(t.explodingRatio)))", setting: .vanishingRatio)
    }
    return t
  }

  /// The rows that train and the rows that test.
  ///
  /// A CSV file trains on all its rows, in the file's order, unless `trainRatio` or
  /// `testDataFile` says otherwise; a built-in set keeps half for testing. With a ratio the
  /// first rows train and the rest test, after a seeded shuffle when `shuffle` is on.
  func split(_ dataset: Dataset, lossHint: Loss?, shuffle: Bool, seed: UInt64) throws -> DataSplit {
    if let testDataFile {
      guard dataFile != nil else {
        throw ConfigurationError("test-data holds the test rows of a CSV file; give the training rows as data too", setting: "test-data")
      }
      guard trainRatio == nil else {
        throw ConfigurationError("test-data and train-ratio both choose the test rows; give one of them", setting: "test-data")
      }
      // Labels read as classes take the training set's class count, so one-hot rows line up.
      let test = try CSVDataLoader.load(
        path: testDataFile, features: features ?? dataset.featureNames, targets: targets, classLabels: lossHint == .ce,
        classes: lossHint == .ce ? dataset.targetCount : nil)
      guard test.featureNames == dataset.featureNames, test.targetCount == dataset.targetCount, test.problem == dataset.problem else {
        throw ConfigurationError(
          "test-data \(testDataFile) does not match the training data: its features are \(test.featureNames.joined(separator: ", ")) with \(test.targetCount) \(test.problem.rawValue) targets, the training data's \(dataset.featureNames.joined(separator: ", ")) with \(dataset.targetCount) \(dataset.problem.rawValue) targets",
          setting: "test-data")
      }
      return DataSplit(train: dataset, test: test)
    }
    let ratio = trainRatio ?? (dataFile == nil ? Self.defaultBuiltinTrainRatio : 1)
    guard ratio.isFinite, ratio > 0, ratio <= 1 else {
      throw ConfigurationError("train-ratio must lie in (0, 1], not \(ratio)", setting: "train-ratio")
    }
    return DataSplit(splitting: dataset, trainRatio: ratio, shuffle: shuffle, seed: seed)
  }

  /// The data set: a CSV file, or a built-in set.
  func loadData(seed: UInt64, lossHint: Loss?, classes: Int? = nil) throws -> Dataset {
    if let dataFile {
      return try CSVDataLoader.load(
        path: dataFile, features: features, targets: targets, classLabels: lossHint == .ce, classes: classes)
    }
    if features != nil || targets != nil {
      throw ConfigurationError("features and targets choose columns of a CSV file, but no data file is given", setting: "data")
    }
    let name = dataset ?? Self.defaultDataset
    guard let builtin = BuiltinDataset(rawValue: name) else {
      throw ConfigurationError(
        "unknown data set '\(name)'; use one of \(BuiltinDataset.allCases.map(\.rawValue).joined(separator: ", ")), or a CSV file as data",
        setting: "dataset")
    }
    if builtin.isSequence {
      return try builtin.generate(points: points ?? Self.defaultPoints, noise: noise ?? 0, steps: seqLen ?? Self.defaultSeqLen, seed: seed)
    }
    return try builtin.generate(points: points ?? Self.defaultPoints, noise: noise ?? 0, seed: seed)
  }

  /// A fresh network shaped for the data: inputs from its features, outputs from its targets.
  func buildNetwork(for data: Dataset, initializer: Initializer, seed: UInt64) throws -> Network {
    let classes = data.classCount
    let loss = self.loss ?? (classes == nil ? .mse : (data.targetCount > 1 ? .ce : .bce))
    let output = self.output ?? loss.requiredOutput ?? (classes == nil ? .identity : (data.targetCount > 1 ? .softmax : .sigmoid))
    let hidden = layers ?? Self.defaultLayers
    let act = activation ?? .tanh
    if act == .softmax { throw ConfigurationError("activation cannot be softmax: softmax is allowed only at the output", setting: "activation") }
    let plain = hidden.map { LayerSpec(units: $0, activation: act) }
    let recurrent = rnn.map { [LayerSpec(units: $0, activation: rnnActivation ?? .tanh, kind: .recurrent)] } ?? []
    if rnn == nil, rnnActivation != nil {
      throw ConfigurationError("rnn-activation is the recurrent layer's; add one with rnn (--rnn H)", setting: "rnn-activation")
    }
    // A recurrent network's hidden dense layers follow the recurrent one (default: none).
    let dense = rnn != nil && layers == nil ? [] : plain
    let specs = recurrent + (batchNorm == true ? LayerSpec.withBatchNorm(dense) : dense) + [LayerSpec(units: data.targetCount, activation: output)]
    return try Network(inputs: data.featuresPerStep, specs: specs, loss: loss, initializer: initializer, bias: biasInit, seed: seed)
  }

  /// Training settings: `base` (a model file's, or the settings of a run being changed live),
  /// with every set field laid over them.
  public func trainingSettings(base: TrainingSettings?, seed: UInt64) throws -> TrainingSettings {
    var s = base ?? TrainingSettings(batchSize: Self.defaultBatchSize)
    if let optimizer {
      let named = try OptimizerSettings(named: optimizer)
      if named.kind != s.optimizer.kind || base == nil {
        s.optimizer = named
      } else {
        s.optimizer.momentum = named.momentum == 0 ? s.optimizer.momentum : named.momentum
        s.optimizer.nesterov = named.nesterov || s.optimizer.nesterov
      }
    }
    s.optimizer = s.optimizer.overriding(
      lr: lr, momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: weightDecay, lrDecay: lrDecay,
      initialAccumulatorValue: initialAccumulatorValue, alpha: alpha, centered: centered, beta1: beta1, beta2: beta2,
      amsgrad: amsgrad, rho: rho, eps: eps)
    s.regularization.l1 = l1 ?? s.regularization.l1
    s.regularization.l2 = l2 ?? s.regularization.l2
    s.regularization.includeBiases = regularizeBiases ?? s.regularization.includeBiases
    s.clipping.maxNorm = clipNorm ?? s.clipping.maxNorm
    s.clipping.maxValue = clipValue ?? s.clipping.maxValue
    s.dropout = dropout ?? s.dropout
    if let batchSize {
      guard batchSize >= 0 else { throw ConfigurationError("batch-size must be a whole number ≥ 1 or full", setting: "batch-size") }
      s.batchSize = batchSize == 0 ? nil : batchSize
    }
    s.shuffle = shuffle ?? s.shuffle
    s.seed = seed
    try s.validate()
    return s
  }
}
