import CKernels

/// One step's gradients of a small dense network in one call to the C kernels, the blocked
/// way (see `bk_dense_gradients`): eight examples across the vector lanes, forward and
/// backward for a block together, dW and db summed in example order: the bits of the
/// stage-by-stage step.
///
/// It writes only dW and db of each layer's record (with the penalty's gradient, as
/// backward(l) adds it): z, a and δ stay those of an earlier iteration. So only the headless
/// path uses it, and never for the iteration the record keeps for the screen. It covers what the
/// kernel computes: dense layers with identity, tanh, sigmoid or relu, the squared errors or
/// BCE, no dropout, on a vector path, and layers small enough (Σ units·inputs ≤
/// ``maximumWeights``) for W and dW to stay in L1 beside a block's values; anything else takes
/// the per-layer kernels, whose blocks of sums fill the registers on wide layers.
struct BlockedDenseStep {
  /// The most weights the blocked step takes: W and dW of 1,024 weights are 16 kB.
  static let maximumWeights = 1_024

  let path: KernelPath
  let loss: Int32
  let activations: [Int32]
  /// Where each layer's W and b start in ``parameters``, and its dW and db in ``gradients``.
  let offsets: [Int]
  /// Every layer's W then b, flat, copied in each step; the same shape for the gradients.
  var parameters: [Double]
  var gradients: [Double]
  var work: [Double]

  init?(network: Network, settings: TrainingSettings, path: KernelPath = KernelPath.current) {
    guard path != .portable, settings.dropout == 0, network.depth <= BK_MAX_DEPTH else { return nil }
    let dense = network.layers.compactMap(\.dense)
    guard dense.count == network.depth, dense.reduce(0, { $0 + $1.weights.count }) <= Self.maximumWeights else { return nil }
    guard let loss = Self.code(network.loss) else { return nil }
    let activations = dense.compactMap { Self.code($0.activation) }
    guard activations.count == dense.count else { return nil }
    self.path = path
    self.loss = loss
    self.activations = activations
    var offsets: [Int] = [], total = 0
    for layer in dense {
      offsets.append(total)
      total += layer.weights.count + layer.units
    }
    self.offsets = offsets
    parameters = Array(repeating: 0, count: total)
    gradients = Array(repeating: 0, count: total)
    work = []
  }

  static func code(_ loss: Loss) -> Int32? {
    switch loss {
    case .mse: Int32(BK_LOSS_MSE)
    case .mseMean: Int32(BK_LOSS_MSE_MEAN)
    case .bce: Int32(BK_LOSS_BCE)
    case .ce: nil
    }
  }

  static func code(_ activation: Activation) -> Int32? {
    switch activation {
    case .identity: Int32(BK_ACT_IDENTITY)
    case .tanh: Int32(BK_ACT_TANH)
    case .sigmoid: Int32(BK_ACT_SIGMOID)
    case .relu: Int32(BK_ACT_RELU)
    default: nil
    }
  }

  /// dW and db of every layer into `record`, from its input and target batch, penalty included.
  mutating func run(network: Network, regularization: Regularization, record: inout IterationRecord) {
    let dense = network.layers.compactMap(\.dense)
    for (layer, start) in zip(dense, offsets) {
      parameters.replaceSubrange(start..<(start + layer.weights.count), with: layer.weights.storage)
      parameters.replaceSubrange((start + layer.weights.count)..<(start + layer.weights.count + layer.units), with: layer.bias)
    }
    Self.compute(dense, self, input: record.input, target: record.target, gradients: &gradients, work: &work)
    for (l, (layer, start)) in zip(dense, offsets).enumerated() {
      var rec = record.takeLayer(l + 1)
      rec.dW = Matrix(rows: layer.units, cols: layer.inputs, storage: Array(gradients[start..<(start + layer.weights.count)]))
      rec.db = Array(gradients[(start + layer.weights.count)..<(start + layer.weights.count + layer.units)])
      layer.addPenalty(regularization, to: &rec)
      record.layers[l] = rec
    }
  }

  /// The C call, over the flat parameters and gradients.
  private static func compute(
    _ dense: [DenseLayer], _ plan: BlockedDenseStep, input: Matrix, target: Matrix, gradients: inout [Double], work: inout [Double]
  ) {
    plan.parameters.withUnsafeBufferPointer { pp in
      gradients.withUnsafeMutableBufferPointer { gp in
        let layers = zip(dense, zip(plan.offsets, plan.activations)).map { layer, placed in
          let (w, b) = (placed.0, placed.0 + layer.weights.count)
          return bk_dense_layer(
            inputs: layer.inputs, units: layer.units, w: pp.baseAddress.map { $0 + w }, b: pp.baseAddress.map { $0 + b },
            activation: placed.1, dW: gp.baseAddress.map { $0 + w }, db: gp.baseAddress.map { $0 + b })
        }
        layers.withUnsafeBufferPointer { lp in
          let size = bk_dense_work_size(lp.baseAddress, lp.count)
          if work.count < size { work = Array(repeating: 0, count: size) }
          input.storage.withUnsafeBufferPointer { xp in
            target.storage.withUnsafeBufferPointer { tp in
              work.withUnsafeMutableBufferPointer { wp in
                _ = bk_dense_gradients(plan.path.c, lp.baseAddress, lp.count, xp.baseAddress, tp.baseAddress, input.rows, plan.loss, wp.baseAddress)
              }
            }
          }
        }
      }
    }
  }
}
