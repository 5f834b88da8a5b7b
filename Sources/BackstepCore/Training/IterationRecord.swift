/// Everything one iteration computed, stage by stage: the values the screen shows.
///
/// The stepper overwrites these buffers in place as it goes, so until a stage of the current
/// iteration has run, its fields still hold the previous iteration's values.
public struct IterationRecord: Equatable, Sendable {
  /// The 1-based optimizer step this iteration performs (0 before the first).
  public var step = 0
  /// The training rows of this batch, in order.
  public var batchIndices: [Int] = []
  /// a_0, the input batch `[B × inputs]`.
  public var input = Matrix(rows: 0, cols: 0)
  /// The targets of the batch `[B × outputs]`.
  public var target = Matrix(rows: 0, cols: 0)
  /// One record per layer, index l−1 for layer l.
  public var layers: [LayerRecord] = []
  /// The mean data loss of the batch.
  public var dataLoss = 0.0
  /// Each example's data loss ℓ_i `[B]`, set by the loss stage; their mean is ``dataLoss``
  /// (see ``Loss/value(z:a:target:examples:)``).
  public var exampleLoss: [Double] = []
  /// The regularisation penalty at the weights this step started from.
  public var regLoss = 0.0
  /// dL/da_L, `[B × outputs]`, as the loss stage shows it.
  public var dLdaOutput = Matrix(rows: 0, cols: 0)
  /// The global L2 norm of every dW and db before clipping.
  public var globalGradNorm = 0.0
  /// The factor norm clipping applied (1 when it did not clip).
  public var clipCoefficient = 1.0
  /// The optimizer's state as the update stage found it (step t − 1 and every buffer), kept so
  /// that one element's step can be replayed and explained; nil until this iteration's update.
  /// The optimizer replaces its buffers' arrays rather than mutating them, so this costs no copy.
  public var optimizerBefore: OptimizerState?
  /// Every parameter's values before this iteration's update (the ones the forward and backward
  /// stages used), by key; empty until the update, and after a fast run that keeps no updates.
  public var parametersBefore: [ParameterKey: [Double]] = [:]
  /// Per-layer measurements, filled in by the update stage.
  public var diagnostics: IterationDiagnostics?
  /// The settings this iteration runs with, set when it begins (nil before the first): a live
  /// change made since then waits for the next iteration, so these are what its stages used.
  public var settings: TrainingSettings?

  /// The loss whose gradient this step uses: data loss plus regularisation.
  public var loss: Double { dataLoss + regLoss }

  public init(layers: Int) {
    self.layers = Array(repeating: LayerRecord(), count: layers)
  }

  /// Moves layer l's record out, leaving an empty one behind, so that the caller holds the
  /// only reference to its buffers and can overwrite them without copying. Put it back after.
  mutating func takeLayer(_ l: Int) -> LayerRecord {
    let taken = layers[l - 1]
    layers[l - 1] = LayerRecord()
    return taken
  }
}
