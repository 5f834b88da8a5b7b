/// The running buffers of an optimizer, one set per parameter, named as in `torch.optim`.
///
/// Each parameter's buffers are found by its key (layer and name); each buffer has the
/// parameter's element count. A parameter with no entry has fresh (zero) state.
/// Names: `momentum_buffer` (SGD, RMSprop), `sum` (Adagrad), `square_avg` and `grad_avg`
/// (RMSprop), `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq` (Adam), `square_avg`, `acc_delta`
/// (Adadelta). `step` is the number of updates done (t of the last update).
public struct OptimizerState: Equatable, Sendable {
  public var step: Int
  /// `buffers[parameter][name]`
  public var buffers: [ParameterKey: [String: [Double]]]

  public init() {
    step = 0
    buffers = [:]
  }

  /// The bytes held by every buffer, for memory accounting.
  public var byteCount: Int {
    buffers.values.reduce(0) { total, named in total + named.values.reduce(0) { $0 + $1.count * 8 } }
  }
}
