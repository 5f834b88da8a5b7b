/// Every setting of a run, each optional: flags, a YAML file and a model file all fill one of
/// these, and ``resolve()`` turns it into a network, its data and its training settings.
///
/// Unset fields take, in order: the model file's saved value (for the network and training
/// settings), then the defaults documented on each field.
public struct RunConfiguration: Equatable, Sendable, Codable {
  // Data
  /// A built-in data set (default `circle`), used when `dataFile` is nil.
  public var dataset: String?
  /// Points generated for a built-in set (default 400).
  public var points: Int?
  /// Noise of a built-in set, 0–50 as in TF Playground (default 0).
  public var noise: Double?
  /// The share of rows that train, the rest test (default: 0.5 of a built-in set, every row
  /// of a CSV file).
  public var trainRatio: Double?
  /// A CSV file to use instead of a built-in set.
  public var dataFile: String?
  /// A CSV file of test rows, with the same columns as `dataFile`, which then trains whole.
  public var testDataFile: String?
  /// Time steps of a built-in sequence set (default 10).
  public var seqLen: Int?
  /// Feature and target columns of the CSV by name (default: `y…` columns are targets).
  public var features: [String]?
  public var targets: [String]?

  // Network
  /// Hidden layer widths (default [4, 4]).
  public var layers: [Int]?
  /// Hidden activation (default tanh).
  public var activation: Activation?
  /// Units of a recurrent first layer (default: none); `layers` are then dense layers after it.
  public var rnn: Int?
  /// The recurrent layer's activation, tanh or relu (default tanh).
  public var rnnActivation: Activation?
  /// A batchnorm layer after every hidden dense layer, which then loses its bias and its
  /// activation to it (default off).
  public var batchNorm: Bool?
  /// Output activation (default: what the loss needs, else sigmoid for two classes, softmax
  /// for more, identity for regression).
  public var output: Activation?
  /// Loss (default: bce for two classes, ce for more, mse for regression).
  public var loss: Loss?
  /// Initialiser, as on the command line (default xavier).
  public var initializer: String?
  /// Bias start value (default: the initialiser's, 0 or Playground's 0.1).
  public var biasInit: Double?
  /// A model file to start from.
  public var model: String?

  // Training
  public var optimizer: String?
  public var lr: Double?
  public var momentum: Double?
  public var dampening: Double?
  public var nesterov: Bool?
  public var weightDecay: Double?
  public var lrDecay: Double?
  public var initialAccumulatorValue: Double?
  public var alpha: Double?
  public var centered: Bool?
  public var beta1: Double?
  public var beta2: Double?
  public var amsgrad: Bool?
  public var rho: Double?
  public var eps: Double?
  public var l1: Double?
  public var l2: Double?
  public var regularizeBiases: Bool?
  public var clipNorm: Double?
  public var clipValue: Double?
  public var dropout: Double?
  /// Rows per step; 0 means the full batch (default 10, as TF Playground).
  public var batchSize: Int?
  public var shuffle: Bool?
  /// Seeds weights, data, shuffling and dropout (default 1).
  public var seed: UInt64?

  // Watch
  /// What run mode and `train` stop at (default: ``Breakpoints/standard``, the first NaN or ∞).
  public var breakOn: [BreakCondition]?
  /// The verdict's thresholds (default: ``VerdictThresholds``').
  public var vanishingNorm: Double?
  public var explodingNorm: Double?
  public var vanishingRatio: Double?
  public var explodingRatio: Double?

  // View
  /// How the visualizer colours its heat maps at the start (default: per map, linear); the
  /// headless commands ignore it.
  public var view: ViewSettings?

  // Comparison
  /// A second network beside this one, differing in these settings (default: none). See
  /// ``makeComparison(historyLimit:)``.
  public var compare: SettingsChange?

  public init() {}

  public static let defaultLayers = [4, 4]
  public static let defaultBatchSize = 10
  public static let defaultPoints = 400
  public static let defaultSeqLen = 10
  /// The longest sequence a built-in set draws.
  public static let maxSeqLen = 1000
  public static let defaultSeed: UInt64 = 1
  public static let defaultDataset = "circle"
  /// The share of a built-in set that trains; a CSV file trains on every row by default.
  public static let defaultBuiltinTrainRatio = 0.5

  /// Fields of `other` that are set replace this one's: flags over a config file.
  public func overridden(by other: RunConfiguration) -> RunConfiguration {
    var merged = self
    merged.dataset = other.dataset ?? dataset
    merged.points = other.points ?? points
    merged.seqLen = other.seqLen ?? seqLen
    merged.rnn = other.rnn ?? rnn
    merged.rnnActivation = other.rnnActivation ?? rnnActivation
    merged.noise = other.noise ?? noise
    merged.trainRatio = other.trainRatio ?? trainRatio
    merged.dataFile = other.dataFile ?? dataFile
    merged.testDataFile = other.testDataFile ?? testDataFile
    merged.features = other.features ?? features
    merged.targets = other.targets ?? targets
    merged.layers = other.layers ?? layers
    merged.activation = other.activation ?? activation
    merged.batchNorm = other.batchNorm ?? batchNorm
    merged.output = other.output ?? output
    merged.loss = other.loss ?? loss
    merged.initializer = other.initializer ?? initializer
    merged.biasInit = other.biasInit ?? biasInit
    merged.model = other.model ?? model
    merged.optimizer = other.optimizer ?? optimizer
    merged.lr = other.lr ?? lr
    merged.momentum = other.momentum ?? momentum
    merged.dampening = other.dampening ?? dampening
    merged.nesterov = other.nesterov ?? nesterov
    merged.weightDecay = other.weightDecay ?? weightDecay
    merged.lrDecay = other.lrDecay ?? lrDecay
    merged.initialAccumulatorValue = other.initialAccumulatorValue ?? initialAccumulatorValue
    merged.alpha = other.alpha ?? alpha
    merged.centered = other.centered ?? centered
    merged.beta1 = other.beta1 ?? beta1
    merged.beta2 = other.beta2 ?? beta2
    merged.amsgrad = other.amsgrad ?? amsgrad
    merged.rho = other.rho ?? rho
    merged.eps = other.eps ?? eps
    merged.l1 = other.l1 ?? l1
    merged.l2 = other.l2 ?? l2
    merged.regularizeBiases = other.regularizeBiases ?? regularizeBiases
    merged.clipNorm = other.clipNorm ?? clipNorm
    merged.clipValue = other.clipValue ?? clipValue
    merged.dropout = other.dropout ?? dropout
    merged.batchSize = other.batchSize ?? batchSize
    merged.shuffle = other.shuffle ?? shuffle
    merged.seed = other.seed ?? seed
    merged.breakOn = other.breakOn ?? breakOn
    merged.vanishingNorm = other.vanishingNorm ?? vanishingNorm
    merged.explodingNorm = other.explodingNorm ?? explodingNorm
    merged.vanishingRatio = other.vanishingRatio ?? vanishingRatio
    merged.explodingRatio = other.explodingRatio ?? explodingRatio
    merged.compare = other.compare ?? compare
    merged.view = other.view.map { (view ?? ViewSettings()).overridden(by: $0) } ?? view
    return merged
  }
}
