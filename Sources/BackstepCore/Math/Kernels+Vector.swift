import CKernels

/// The matrix kernels on a vector path: the same products as the portable loops of ``Kernels``,
/// run by the C build for the path's instruction set, summed as the path sums (``Summation``):
/// the portable numbers bit for bit on a baseline, to about 1e-15 relative on a fused path.
extension Kernels {
  /// z = a_prev · Wᵀ + b: a_prev `[B × n_in]`, W `[n × n_in]`, b `[n]`, z already `[B × n]`.
  static func vectorAffine(_ path: KernelPath, _ aPrev: Matrix, _ w: Matrix, _ b: [Double], into z: inout Matrix) {
    let rows = aPrev.rows, nIn = w.cols, n = w.rows
    withStorage(aPrev.storage, w.storage, b, &z.storage) { ap, wp, bp, zp in
      bk_affine(path.c, ap.baseAddress, wp.baseAddress, bp.baseAddress, zp.baseAddress, rows, nIn, n)
    }
  }

  /// dW = δᵀ · a_prev: δ `[B × n]`, a_prev `[B × n_in]`, dW `[n × n_in]`.
  static func vectorWeightGradient(_ path: KernelPath, _ delta: Matrix, _ aPrev: Matrix, into dW: inout Matrix) {
    let rows = delta.rows, n = delta.cols, nIn = aPrev.cols
    dW.reshape(rows: n, cols: nIn)
    withStorage(delta.storage, aPrev.storage, [], &dW.storage) { dp, ap, _, gp in
      bk_weight_gradient(path.c, dp.baseAddress, ap.baseAddress, gp.baseAddress, rows, n, nIn)
    }
  }

  /// dL/da_prev = δ · W: δ `[B × n]`, W `[n × n_in]`, result already `[B × n_in]`.
  static func vectorInputGradient(_ path: KernelPath, _ delta: Matrix, _ w: Matrix, into dAPrev: inout Matrix) {
    withStorage(delta.storage, w.storage, [], &dAPrev.storage) { dp, wp, _, gp in
      bk_input_gradient(path.c, dp.baseAddress, wp.baseAddress, gp.baseAddress, delta.rows, w.rows, w.cols)
    }
  }

  /// db = Σ_i δ_i: δ `[B × n]`, db already `[n]`.
  static func vectorColumnSums(_ path: KernelPath, _ delta: Matrix, into db: inout [Double]) {
    withStorage(delta.storage, [], [], &db) { dp, _, _, bp in
      bk_column_sums(path.c, dp.baseAddress, bp.baseAddress, delta.rows, delta.cols)
    }
  }
}
