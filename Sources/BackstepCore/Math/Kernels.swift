/// The four matrix products of a dense layer, written as plain loops over flat storage.
///
/// Shapes: B examples, n_in inputs, n units. Each loop runs over contiguous memory in its
/// innermost index, which keeps small layers fast without a BLAS. These loops are the portable
/// path; on any other ``KernelPath`` the same products run in the C build for that vector width
/// (Kernels+Vector.swift). Any layer kind may call them.
public enum Kernels {
  /// z = a_prev · Wᵀ + b.  a_prev `[B × n_in]`, W `[n × n_in]`, b `[n]`, z `[B × n]`.
  ///
  /// Every z[i, o] is summed in the same order, b[o] + a[i,0]·W[o,0] + a[i,1]·W[o,1] + …, so
  /// both loop shapes below give identical bits. With four or more units the loop runs over
  /// the units of a row of z against Wᵀ, whose rows are contiguous; that loop vectorises. A
  /// layer of one to three units keeps the dot product over the inputs.
  public static func affine(_ aPrev: Matrix, _ w: Matrix, _ b: [Double], into z: inout Matrix) {
    let rows = aPrev.rows, nIn = w.cols, n = w.rows
    precondition(aPrev.cols == nIn && b.count == n, "affine: shapes do not fit")
    z.reshape(rows: rows, cols: n)
    let path = KernelPath.current
    if path != .portable { return vectorAffine(path, aPrev, w, b, into: &z) }
    if n >= 4 {
      withStorage(aPrev.storage, w.transposed.storage, b, &z.storage) { ap, wp, bp, zp in  // wp: Wᵀ [n_in × n]
        for i in 0..<rows {
          let zrow = zp.baseAddress! + i * n
          for o in 0..<n { zrow[o] = bp[o] }
          for k in 0..<nIn {
            let a = ap[i * nIn + k]
            let wrow = wp.baseAddress! + k * n
            for o in 0..<n { zrow[o] += a * wrow[o] }
          }
        }
      }
    } else {
      withStorage(aPrev.storage, w.storage, b, &z.storage) { ap, wp, bp, zp in
        for i in 0..<rows {
          let arow = ap.baseAddress! + i * nIn
          for o in 0..<n {
            let wrow = wp.baseAddress! + o * nIn
            var s = bp[o]
            for k in 0..<nIn { s += arow[k] * wrow[k] }
            zp[i * n + o] = s
          }
        }
      }
    }
  }

  /// Runs `body` over the storage of three read-only arrays and one written one, so that the
  /// loops above index memory without bounds checks.
  @inline(__always)
  static func withStorage(
    _ x: [Double], _ y: [Double], _ b: [Double], _ out: inout [Double],
    _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
  ) {
    x.withUnsafeBufferPointer { xp in
      y.withUnsafeBufferPointer { yp in
        b.withUnsafeBufferPointer { bp in
          out.withUnsafeMutableBufferPointer { op in body(xp, yp, bp, op) }
        }
      }
    }
  }

  /// dW = δᵀ · a_prev.  δ `[B × n]`, a_prev `[B × n_in]`, dW `[n × n_in]`.
  ///
  /// Each dW[o, k] sums its B terms in example order, whichever loop shape runs, so the bits
  /// are the same. When the layer has fewer inputs than units (the first layer of a 2-D
  /// problem), the sums collect in dWᵀ, whose rows run over the units, and are transposed
  /// at the end; the longer inner loop vectorises.
  public static func weightGradient(_ delta: Matrix, _ aPrev: Matrix, into dW: inout Matrix) {
    let rows = delta.rows, n = delta.cols, nIn = aPrev.cols
    precondition(aPrev.rows == rows, "weightGradient: batch sizes differ")
    let path = KernelPath.current
    if path != .portable { return vectorWeightGradient(path, delta, aPrev, into: &dW) }
    if nIn < n {
      var dWT = Matrix(rows: nIn, cols: n)
      delta.storage.withUnsafeBufferPointer { dp in
        aPrev.storage.withUnsafeBufferPointer { ap in
          dWT.storage.withUnsafeMutableBufferPointer { gp in
            for i in 0..<rows {
              let drow = dp.baseAddress! + i * n
              for k in 0..<nIn {
                let a = ap[i * nIn + k]
                let grow = gp.baseAddress! + k * n
                for o in 0..<n { grow[o] += drow[o] * a }
              }
            }
          }
        }
      }
      dW = dWT.transposed
      return
    }
    dW.reshape(rows: n, cols: nIn)
    delta.storage.withUnsafeBufferPointer { dp in
      aPrev.storage.withUnsafeBufferPointer { ap in
        dW.storage.withUnsafeMutableBufferPointer { gp in
          for j in 0..<(n * nIn) { gp[j] = 0 }
          for i in 0..<rows {
            let arow = ap.baseAddress! + i * nIn
            for o in 0..<n {
              let d = dp[i * n + o]
              let grow = gp.baseAddress! + o * nIn
              for k in 0..<nIn { grow[k] += d * arow[k] }
            }
          }
        }
      }
    }
  }

  /// db = Σ_i δ_i, the column sums of δ `[B × n]`.
  public static func columnSums(_ delta: Matrix, into db: inout [Double]) {
    let rows = delta.rows, n = delta.cols
    if db.count != n { db = Array(repeating: 0, count: n) }
    let path = KernelPath.current
    if path != .portable { return vectorColumnSums(path, delta, into: &db) }
    delta.storage.withUnsafeBufferPointer { dp in
      db.withUnsafeMutableBufferPointer { bp in
        for o in 0..<n { bp[o] = 0 }
        for i in 0..<rows {
          for o in 0..<n { bp[o] += dp[i * n + o] }
        }
      }
    }
  }

  /// dL/da_prev = δ · W.  δ `[B × n]`, W `[n × n_in]`, result `[B × n_in]`.
  public static func inputGradient(_ delta: Matrix, _ w: Matrix, into dAPrev: inout Matrix) {
    let rows = delta.rows, n = w.rows, nIn = w.cols
    precondition(delta.cols == n, "inputGradient: shapes do not fit")
    dAPrev.reshape(rows: rows, cols: nIn)
    let path = KernelPath.current
    if path != .portable { return vectorInputGradient(path, delta, w, into: &dAPrev) }
    delta.storage.withUnsafeBufferPointer { dp in
      w.storage.withUnsafeBufferPointer { wp in
        dAPrev.storage.withUnsafeMutableBufferPointer { gp in
          for i in 0..<rows {
            let grow = gp.baseAddress! + i * nIn
            for k in 0..<nIn { grow[k] = 0 }
            for o in 0..<n {
              let d = dp[i * n + o]
              let wrow = wp.baseAddress! + o * nIn
              for k in 0..<nIn { grow[k] += d * wrow[k] }
            }
          }
        }
      }
    }
  }
}
