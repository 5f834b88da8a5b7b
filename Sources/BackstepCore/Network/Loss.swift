/// The data loss, averaged over the batch, as docs/maths.md and PyTorch define it.
///
/// For a batch of B rows and K outputs, with a the output activations, z the output logits and
/// t the targets:
/// - `mse`      L = (1/B) Σ_i Σ_k ½(a − t)²       (TF Playground's loss)
/// - `mse_mean` L = (1/(B·K)) Σ_i Σ_k (a − t)²    (PyTorch's `MSELoss`)
/// - `bce`      L = (1/B) Σ_i Σ_k [softplus(z) − t·z]   (needs a sigmoid output; from the logit)
/// - `ce`       L = −(1/B) Σ_i Σ_k t·log_softmax(z)      (needs a softmax output)
public enum Loss: String, CaseIterable, Codable, Sendable {
  case mse
  case mseMean = "mse_mean"
  case bce
  case ce

  /// A short formula, for captions and help.
  public var formula: String {
    switch self {
    case .mse: "L = 1/B sum 1/2 (a-t)^2"
    case .mseMean: "L = 1/(BK) sum (a-t)^2"
    case .bce: "L = 1/B sum softplus(z) - t z"
    case .ce: "L = -1/B sum t log softmax(z)"
    }
  }

  /// The output activation this loss insists on, if any.
  public var requiredOutput: Activation? {
    switch self {
    case .bce: .sigmoid
    case .ce: .softmax
    case .mse, .mseMean: nil
    }
  }

  /// Whether the gradient at the output is taken straight from the logit (δ = dL/dz),
  /// which is exact and stable where the chain dL/da · f′(z) would lose digits.
  public var isFusedWithOutput: Bool { requiredOutput != nil }

  /// The mean data loss over a batch. z, a, t are `[B × K]`.
  public func value(z: Matrix, a: Matrix, target t: Matrix) -> Double {
    mean(z: z, a: a, target: t, examples: nil)
  }

  /// The mean data loss over a batch, and each example's own loss ℓ_i into `examples` `[B]`
  /// (reused when it already has B entries), in one pass over the same terms. Every loss here
  /// is the mean of these over the batch, L = (1/B) Σ_i ℓ_i, with
  /// - `mse`      ℓ_i = Σ_k ½(a − t)²
  /// - `mse_mean` ℓ_i = (1/K) Σ_k (a − t)²
  /// - `bce`      ℓ_i = Σ_k softplus(z) − t·z
  /// - `ce`       ℓ_i = −Σ_k t·log_softmax(z)
  ///
  /// The returned mean is one running sum over the entries in storage order, not a sum of the
  /// ℓ_i, so that it keeps the bits it always had; the two agree to rounding.
  public func value(z: Matrix, a: Matrix, target t: Matrix, examples: inout [Double]) -> Double {
    if examples.count != a.rows { examples = Array(repeating: 0, count: a.rows) }
    return examples.withUnsafeMutableBufferPointer { mean(z: z, a: a, target: t, examples: $0) }
  }

  /// The batch's mean loss, writing each example's ℓ_i into `examples` when given: the whole-set
  /// evaluation, which wants only the mean, stores nothing.
  private func mean(z: Matrix, a: Matrix, target t: Matrix, examples: UnsafeMutableBufferPointer<Double>?) -> Double {
    let rows = a.rows, cols = a.cols
    guard rows > 0 else { return 0 }
    var sum = 0.0
    for i in 0..<rows {
      var row = 0.0
      if self == .ce {
        let logSum = logSumExp(z, row: i)
        for k in 0..<cols where t[i, k] != 0 {
          let share = t[i, k] * (z[i, k] - logSum)
          sum -= share
          row -= share
        }
      } else {
        for k in (i * cols)..<((i + 1) * cols) {
          let share = term(z: z.storage[k], a: a.storage[k], target: t.storage[k])
          sum += share
          row += share
        }
      }
      examples?[i] = self == .mseMean ? row / Double(cols) : row
    }
    return self == .mseMean ? sum / Double(rows * cols) : sum / Double(rows)
  }

  /// One entry's share of an example's loss, before the mean: ½(a − t)², (a − t)² or
  /// softplus(z) − t·z. Cross-entropy is not entrywise: it needs its row's ``logSumExp(_:row:)``.
  @inline(__always)
  func term(z: Double, a: Double, target t: Double) -> Double {
    switch self {
    case .mse:
      let d = a - t
      return 0.5 * d * d
    case .mseMean:
      let d = a - t
      return d * d
    case .bce: return Elementary.softplus(z) - t * z
    case .ce: return 0
    }
  }

  /// log Σ_k e^(z_k) over one row, with the row's maximum taken out before the exponentials so
  /// that none overflows: log_softmax(z)_k = z_k − this.
  func logSumExp(_ z: Matrix, row i: Int) -> Double {
    var m = -Double.infinity
    for k in 0..<z.cols { m = max(m, z[i, k]) }
    var s = 0.0
    for k in 0..<z.cols { s += Elementary.exp(z[i, k] - m) }
    return m + Elementary.log(s)
  }

  /// dL/da at the output, `[B × K]`: what the loss stage shows.
  ///
  /// For `bce` and `ce` it is computed for display only; ``outputDelta(z:a:target:into:)``
  /// gives the stable δ that backward(L) uses.
  public func gradient(z: Matrix, a: Matrix, target t: Matrix, into g: inout Matrix) {
    g.reshape(rows: a.rows, cols: a.cols)
    let b = Double(max(a.rows, 1))
    let k = Double(max(a.cols, 1))
    for i in 0..<a.count {
      let ai = a.storage[i], ti = t.storage[i]
      switch self {
      case .mse: g.storage[i] = (ai - ti) / b
      case .mseMean: g.storage[i] = 2 * (ai - ti) / (b * k)
      case .bce: g.storage[i] = (ai - ti) / (ai * (1 - ai) * b)
      case .ce: g.storage[i] = -ti / (ai * b)
      }
    }
  }

  /// δ_L = dL/dz_L straight from the logit, for the losses fused with their output.
  ///
  /// - `bce`: δ = (σ(z) − t) / B
  /// - `ce`:  δ_j = (softmax(z)_j · Σ_k t_k − t_j) / B, which is (p − t)/B for one-hot rows.
  /// Returns false for losses that are not fused; the caller then chains dL/da through f′.
  public func outputDelta(z: Matrix, a: Matrix, target t: Matrix, into delta: inout Matrix) -> Bool {
    let b = Double(max(a.rows, 1))
    switch self {
    case .bce:
      delta.reshape(rows: a.rows, cols: a.cols)
      for i in 0..<a.count { delta.storage[i] = (a.storage[i] - t.storage[i]) / b }
      return true
    case .ce:
      delta.reshape(rows: a.rows, cols: a.cols)
      for i in 0..<a.rows {
        var mass = 0.0
        for j in 0..<a.cols { mass += t[i, j] }
        for j in 0..<a.cols { delta[i, j] = (a[i, j] * mass - t[i, j]) / b }
      }
      return true
    case .mse, .mseMean:
      return false
    }
  }
}
