/// The running buffers of an optimizer, one set per parameter tensor, named as in `torch.optim`.
///
/// Tensors are ordered W_1, b_1, W_2, b_2, …; each buffer has the tensor's element count.
/// Names: `momentum_buffer` (SGD, RMSprop), `sum` (Adagrad), `square_avg` and `grad_avg`
/// (RMSprop), `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq` (Adam), `square_avg`, `acc_delta`
/// (Adadelta). `step` is the number of updates done (t of the last update).
public struct OptimizerState: Equatable, Sendable {
  public var step: Int
  /// `buffers[tensor][name]`
  public var buffers: [[String: [Double]]]

  public init(tensorCount: Int) {
    step = 0
    buffers = Array(repeating: [:], count: tensorCount)
  }

  /// The bytes held by every buffer, for memory accounting.
  public var byteCount: Int {
    buffers.reduce(0) { total, named in total + named.values.reduce(0) { $0 + $1.count * 8 } }
  }
}
