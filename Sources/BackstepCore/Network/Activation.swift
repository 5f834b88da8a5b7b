import CKernels

/// The function f in a = f(z), applied after a layer's affine map.
///
/// Derivatives follow PyTorch: relu′(0) = 0, leaky_relu′(0) = 0.01 (slope 0.01), elu with α = 1
/// and elu′(0) = 1; gelu is the exact erf form (PyTorch's default), silu is x·σ(x). Softmax
/// acts on a whole row and is allowed only at the output.
///
/// This enum is the one list of activations: the flags, the settings file, the model file, the
/// prompt and every message take their names from it.
public enum Activation: String, CaseIterable, Codable, Sendable {
  case identity
  case sigmoid
  case tanh
  case relu
  case leakyRelu = "leaky_relu"
  case elu
  case softplus
  case gelu
  case silu
  case softmax

  /// The slope of leaky_relu for negative inputs.
  public static let leakySlope = 0.01

  /// The activations a hidden layer may have: all but softmax, in the order `a` cycles them.
  public static var hidden: [Activation] { allCases.filter { $0 != .softmax } }

  /// The names, for help and messages: "identity, sigmoid, tanh, …".
  public static func names(_ list: [Activation] = allCases) -> String { list.map(\.rawValue).joined(separator: ", ") }

  /// A short formula, for captions and help.
  public var formula: String {
    switch self {
    case .identity: "f(z) = z"
    case .sigmoid: "f(z) = 1/(1+e^-z)"
    case .tanh: "f(z) = tanh(z)"
    case .relu: "f(z) = max(0, z)"
    case .leakyRelu: "f(z) = z>0 ? z : 0.01z"
    case .elu: "f(z) = z>0 ? z : e^z-1"
    case .softplus: "f(z) = log(1+e^z)"
    case .gelu: "f(z) = z·Φ(z) = z/2·(1+erf(z/√2))"
    case .silu: "f(z) = z·σ(z) = z/(1+e^-z)"
    case .softmax: "f(z)_k = e^z_k / sum_j e^z_j"
    }
  }

  /// The values f(z) can take, ±∞ where f is unbounded; gelu's and silu's minima (about
  /// −0.170 and −0.278) are rounded outward. A heat map of a = f(z) reads it: from zero when
  /// f cannot be negative, over the range itself when f is bounded (so that sigmoid's 0.5 is
  /// half way, not the top).
  public var range: ClosedRange<Double> {
    switch self {
    case .identity, .leakyRelu: -Double.infinity...Double.infinity
    case .sigmoid, .softmax: 0...1
    case .tanh: -1...1
    case .relu, .softplus: 0...Double.infinity
    case .elu: -1...Double.infinity
    case .gelu: -0.17...Double.infinity
    case .silu: -0.28...Double.infinity
    }
  }

  /// The values f′(z) can take: a sigmoid's at most ¼, tanh's, relu's, elu's and softplus's in
  /// [0, 1], leaky_relu's 0.01 or 1; gelu′ (about −0.129 … 1.129) and silu′ (about −0.0998 …
  /// 1.0998) are rounded outward. A heat map of f′(z) reads it, so that a saturated unit's
  /// f′ ≈ 0 is the dark end of the scale. Softmax has no f′ per entry (its derivative is a
  /// Jacobian); its [0, ¼] is that of the Jacobian's diagonal a(1 − a).
  public var derivativeRange: ClosedRange<Double> {
    switch self {
    case .identity: 1...1
    case .sigmoid, .softmax: 0...0.25
    case .tanh, .relu, .elu, .softplus: 0...1
    case .leakyRelu: Activation.leakySlope...1
    case .gelu: -0.13...1.13
    case .silu: -0.1...1.1
    }
  }

  /// Whether f(z) ≥ 0 for every z: sigmoid, relu, softplus, softmax.
  public var cannotBeNegative: Bool { range.lowerBound >= 0 }

  /// Whether f′ jumps at z = 0 (relu, leaky_relu), where a finite difference does not hold.
  public var hasKink: Bool { self == .relu || self == .leakyRelu }

  /// f(z) for one element. Softmax is not elementwise; callers use ``apply(_:into:)``.
  @inline(__always)
  public func value(_ z: Double) -> Double {
    switch self {
    case .identity: z
    case .sigmoid: Elementary.sigmoid(z)
    case .tanh: Elementary.tanh(z)
    // Written so that NaN passes through, as in PyTorch: relu(NaN) is NaN, not 0.
    case .relu: z <= 0 ? 0 : z
    case .leakyRelu: z > 0 ? z : Activation.leakySlope * z
    case .elu: z > 0 ? z : Elementary.exp(z) - 1
    // PyTorch's Softplus returns z itself above its threshold of 20.
    case .softplus: z > 20 ? z : Elementary.softplus(z)
    // Both as PyTorch computes them, so that the bits agree.
    case .gelu: Elementary.gelu(z)
    case .silu: Elementary.silu(z)
    case .softmax: z
    }
  }

  /// f′(z), given z and a = f(z) (whichever is cheaper to use).
  @inline(__always)
  public func derivative(z: Double, a: Double) -> Double {
    switch self {
    case .identity: 1
    case .sigmoid: a * (1 - a)
    case .tanh: 1 - a * a
    case .relu: z > 0 ? 1 : 0
    case .leakyRelu: z > 0 ? 1 : Activation.leakySlope
    case .elu: z > 0 ? 1 : Elementary.exp(z)
    case .softplus: z > 20 ? 1 : Elementary.sigmoid(z)
    case .gelu: Elementary.geluDerivative(z)
    case .silu: Elementary.siluDerivative(z)
    case .softmax: 1
    }
  }

  /// a = f(z) over a batch. z and a are `[B × units]`; softmax normalises each row.
  public func apply(_ z: Matrix, into a: inout Matrix) {
    a.reshape(rows: z.rows, cols: z.cols)
    let n = z.count
    let path = KernelPath.current
    z.storage.withUnsafeBufferPointer { zp in
      a.storage.withUnsafeMutableBufferPointer { ap in
        if path != .portable, let kernel = vectorValue(on: path) {
          kernel(path.c, zp.baseAddress, ap.baseAddress, n)
        } else if self == .softmax {
          Activation.softmaxRows(zp, ap, rows: z.rows, cols: z.cols)
        } else if self == .tanh {
          // Its own loop, so that the compiler sees one branch-free body and vectorises it.
          for i in 0..<n { ap[i] = Elementary.tanh(zp[i]) }
        } else {
          for i in 0..<n { ap[i] = value(zp[i]) }
        }
      }
    }
  }

  /// δ = dL/dz from g = dL/da over a batch, all `[B × units]`, and f′(z) into `fPrime` in the
  /// same pass, so that showing f′ costs no second walk over z.
  ///
  /// For softmax δ is the Jacobian–vector product δ_j = a_j (g_j − Σ_k g_k a_k), row by row, and
  /// `fPrime` is left empty: no single f′ per entry exists.
  public func backward(z: Matrix, a: Matrix, dA: Matrix, into delta: inout Matrix, fPrime: inout Matrix) {
    delta.reshape(rows: z.rows, cols: z.cols)
    let rows = z.rows, cols = z.cols
    if self == .softmax {
      fPrime.reshape(rows: 0, cols: 0)
      a.storage.withUnsafeBufferPointer { ap in
        dA.storage.withUnsafeBufferPointer { gp in
          delta.storage.withUnsafeMutableBufferPointer { dp in
            for i in 0..<rows {
              var dot = 0.0
              for k in 0..<cols { dot += gp[i * cols + k] * ap[i * cols + k] }
              for k in 0..<cols { dp[i * cols + k] = ap[i * cols + k] * (gp[i * cols + k] - dot) }
            }
          }
        }
      }
      return
    }
    fPrime.reshape(rows: rows, cols: cols)
    let path = KernelPath.current
    if path != .portable, self == .tanh {
      withBuffers(a, dA, &fPrime, &delta) { ap, gp, fp, dp in bk_tanh_backward(path.c, ap, gp, fp, dp, rows * cols) }
      return
    }
    z.storage.withUnsafeBufferPointer { zp in
      a.storage.withUnsafeBufferPointer { ap in
        dA.storage.withUnsafeBufferPointer { gp in
          delta.storage.withUnsafeMutableBufferPointer { dp in
            fPrime.storage.withUnsafeMutableBufferPointer { fp in
              if self == .tanh {
                for i in 0..<(rows * cols) {
                  fp[i] = 1 - ap[i] * ap[i]
                  dp[i] = gp[i] * fp[i]
                }
              } else {
                for i in 0..<(rows * cols) {
                  fp[i] = derivative(z: zp[i], a: ap[i])
                  dp[i] = gp[i] * fp[i]
                }
              }
            }
          }
        }
      }
    }
  }

  /// The C kernel of f over an array on a vector path, where one exists: tanh on every path
  /// (bit for bit the portable one; its backward pass from a = f(z), f′ = 1 − a², is a kernel
  /// too), the sigmoid through the vector exp on a fused path only (the portable sigmoid to a
  /// few ulps; the baselines keep the portable one, which calls the C library's exp). Nil for
  /// the others, which keep the portable loops on every path.
  private func vectorValue(on path: KernelPath) -> ((bk_path, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void)? {
    switch self {
    case .tanh: bk_tanh
    case .sigmoid where path.isFused: bk_sigmoid
    default: nil
    }
  }

  /// Runs `body` over a and g `[B × units]` (read) and f′ and δ `[B × units]` (written).
  private func withBuffers(
    _ a: Matrix, _ g: Matrix, _ fPrime: inout Matrix, _ delta: inout Matrix,
    _ body: (UnsafePointer<Double>?, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> Void
  ) {
    a.storage.withUnsafeBufferPointer { ap in
      g.storage.withUnsafeBufferPointer { gp in
        fPrime.storage.withUnsafeMutableBufferPointer { fp in
          delta.storage.withUnsafeMutableBufferPointer { dp in body(ap.baseAddress, gp.baseAddress, fp.baseAddress, dp.baseAddress) }
        }
      }
    }
  }

  /// Row-wise softmax with the maximum subtracted first, so that no exponential overflows.
  static func softmaxRows(
    _ z: UnsafeBufferPointer<Double>, _ a: UnsafeMutableBufferPointer<Double>, rows: Int, cols: Int
  ) {
    for i in 0..<rows {
      var m = -Double.infinity
      for k in 0..<cols { m = max(m, z[i * cols + k]) }
      var sum = 0.0
      for k in 0..<cols {
        let e = Elementary.exp(z[i * cols + k] - m)
        a[i * cols + k] = e
        sum += e
      }
      for k in 0..<cols { a[i * cols + k] /= sum }
    }
  }
}
