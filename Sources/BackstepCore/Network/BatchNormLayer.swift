/// Batch normalisation, exactly PyTorch's `BatchNorm1d`, followed by an activation:
///
///     x̂ = (x − μ) / √(σ² + ε),   z = γ·x̂ + β,   a = f(z)
///
/// x is the layer below's output `[B × n]`. In training mode μ and σ² are the batch's mean and
/// biased variance per unit (dividing by B), and gradients flow through them; in evaluation
/// mode they are the running statistics. The running statistics move once per optimizer step,
/// from that step's batch: μ_run ← (1 − m)·μ_run + m·μ, σ²_run ← (1 − m)·σ²_run + m·σ²·B/(B − 1).
public struct BatchNormLayer: Equatable, Sendable {
  /// γ `[n]`, trained.
  public var gamma: [Double]
  /// β `[n]`, trained.
  public var beta: [Double]
  /// The running mean and (unbiased) variance `[n]`: buffers, not trained.
  public var runningMean: [Double]
  public var runningVar: [Double]
  /// m in the running update (PyTorch's default 0.1).
  public var momentum: Double
  /// ε under the square root (PyTorch's default 1e−5).
  public var eps: Double
  public var activation: Activation

  public static let defaultMomentum = 0.1
  public static let defaultEps = 1e-5

  /// A fresh layer over n units: γ = 1, β = 0, running mean 0 and variance 1.
  public init(units n: Int, activation: Activation, momentum: Double = defaultMomentum, eps: Double = defaultEps) {
    self.init(
      gamma: Array(repeating: 1, count: n), beta: Array(repeating: 0, count: n), runningMean: Array(repeating: 0, count: n),
      runningVar: Array(repeating: 1, count: n), momentum: momentum, eps: eps, activation: activation)
  }

  public init(
    gamma: [Double], beta: [Double], runningMean: [Double], runningVar: [Double], momentum: Double, eps: Double,
    activation: Activation
  ) {
    self.gamma = gamma
    self.beta = beta
    self.runningMean = runningMean
    self.runningVar = runningVar
    self.momentum = momentum
    self.eps = eps
    self.activation = activation
  }

  public var units: Int { gamma.count }

  /// z from x `[B × n]`. In training mode the batch statistics and x̂ go into `stats`.
  func normalize(_ x: Matrix, training: Bool, into z: inout Matrix, stats: inout BatchNormRecord) {
    let rows = x.rows, n = units
    z.reshape(rows: rows, cols: n)
    var mean = runningMean, variance = runningVar
    if training {
      mean = Array(repeating: 0, count: n)
      variance = Array(repeating: 0, count: n)
      for i in 0..<rows { for j in 0..<n { mean[j] += x.storage[i * n + j] } }
      for j in 0..<n { mean[j] /= Double(rows) }
      for i in 0..<rows {
        for j in 0..<n {
          let d = x.storage[i * n + j] - mean[j]
          variance[j] += d * d
        }
      }
      for j in 0..<n { variance[j] /= Double(rows) }
    }
    let invStd = (0..<n).map { 1 / (variance[$0] + eps).squareRoot() }
    var xhat = Matrix(rows: rows, cols: n)
    for i in 0..<rows {
      for j in 0..<n {
        let h = (x.storage[i * n + j] - mean[j]) * invStd[j]
        xhat.storage[i * n + j] = h
        z.storage[i * n + j] = gamma[j] * h + beta[j]
      }
    }
    stats.mean = mean
    stats.variance = variance
    stats.invStd = invStd
    stats.xhat = xhat
    if training {
      let unbias = rows > 1 ? Double(rows) / Double(rows - 1) : .nan
      stats.runningMean = (0..<n).map { (1 - momentum) * runningMean[$0] + momentum * mean[$0] }
      stats.runningVar = (0..<n).map { (1 - momentum) * runningVar[$0] + momentum * variance[$0] * unbias }
    } else {
      stats.runningMean = runningMean
      stats.runningVar = runningVar
    }
  }

  /// From δ = dL/dz `[B × n]`: dγ = Σ_i δ⊙x̂, dβ = Σ_i δ, and dL/dx through μ and σ²:
  ///
  ///     dL/dx = (γ/√(σ² + ε)) / B · (B·δ − Σ_i δ − x̂·Σ_i δ⊙x̂)
  ///
  /// (the three terms: the direct path, the path through μ, the path through σ²).
  func backward(
    delta: Matrix, stats: inout BatchNormRecord, dGamma: inout [Double], dBeta: inout [Double], dX: inout Matrix?
  ) {
    let rows = delta.rows, n = units
    dGamma = Array(repeating: 0, count: n)
    dBeta = Array(repeating: 0, count: n)
    for i in 0..<rows {
      for j in 0..<n {
        let d = delta.storage[i * n + j]
        dGamma[j] += d * stats.xhat.storage[i * n + j]
        dBeta[j] += d
      }
    }
    guard dX != nil else { return }
    var out = Matrix(rows: rows, cols: n)
    var direct = out, throughMean = out, throughVariance = out
    let b = Double(rows)
    for j in 0..<n {
      let scale = gamma[j] * stats.invStd[j] / b
      for i in 0..<rows {
        let d = delta.storage[i * n + j], h = stats.xhat.storage[i * n + j]
        out.storage[i * n + j] = scale * (b * d - dBeta[j] - h * dGamma[j])
        direct.storage[i * n + j] = scale * b * d
        throughMean.storage[i * n + j] = -scale * dBeta[j]
        throughVariance.storage[i * n + j] = -scale * h * dGamma[j]
      }
    }
    dX = out
    stats.dxDirect = direct
    stats.dxThroughMean = throughMean
    stats.dxThroughVariance = throughVariance
  }
}

/// What a batchnorm layer's forward stage computed besides z and a.
public struct BatchNormRecord: Equatable, Sendable {
  /// μ and σ² (biased) of the batch in training mode, the running values in evaluation, `[n]`.
  public var mean: [Double] = []
  public var variance: [Double] = []
  /// 1/√(σ² + ε) `[n]`.
  public var invStd: [Double] = []
  /// x̂ `[B × n]`.
  public var xhat = Matrix(rows: 0, cols: 0)
  /// The running statistics after this step's forward (the training forward moves them).
  public var runningMean: [Double] = []
  public var runningVar: [Double] = []
  /// The three terms of dL/dx `[B × n]`, for the caption: γ·δ/σ directly, through μ
  /// (−γ·mean(δ)/σ) and through σ² (−γ·x̂·mean(δ⊙x̂)/σ), with σ = √(σ² + ε).
  public var dxDirect = Matrix(rows: 0, cols: 0)
  public var dxThroughMean = Matrix(rows: 0, cols: 0)
  public var dxThroughVariance = Matrix(rows: 0, cols: 0)

  public init() {}
}
