import CKernels

/// One step's gradients of a small dense network in one call to the C kernels, the blocked
/// way (see `bk_dense_gradients`): eight examples across the vector lanes, forward and
/// backward for a block together, dW and db summed as the path's stage-by-stage kernels sum
/// them (in example order on a baseline, in lanes on a fused path, ``Summation``): the bits of
/// the stage-by-stage step on the same path.
///
/// It writes only dW and db of each layer's record (with the penalty's gradient, as
/// backward(l) adds it): z, a and δ stay those of an earlier iteration. So only the headless
/// path uses it, and never for the iteration the record keeps for the screen. It covers what the
/// kernel computes: dense layers with identity, tanh, sigmoid or relu, the squared errors or
/// BCE, no dropout, on a vector path, and layers small enough (Σ units·inputs ≤
/// ``maximumWeights``) for W and dW to stay in L1 beside a block's values; anything else takes
/// the per-layer kernels, whose blocks of sums fill the registers on wide layers.
///
/// The kernel reads W and b where the network keeps them and writes into buffers the plan
/// owns, so a step allocates nothing once the records hold their gradients.
struct BlockedDenseStep {
  /// The most weights the blocked step takes: W and dW of 1,024 weights are 16 kB.
  static let maximumWeights = 1_024

  let path: KernelPath
  let loss: Int32
  /// The kernel's view of each layer: shapes and activation; W, b, dW and db are pointed at
  /// for the length of one call only.
  var layers: [bk_dense_layer]
  /// Where each layer's dW and db start in ``gradients``.
  let offsets: [Int]
  /// Every layer's dW then db, flat.
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
    layers = zip(dense, activations).map { layer, activation in
      bk_dense_layer(inputs: layer.inputs, units: layer.units, w: nil, b: nil, activation: activation, dW: nil, db: nil)
    }
    var offsets: [Int] = [], total = 0
    for layer in dense {
      offsets.append(total)
      total += layer.weights.count + layer.units
    }
    self.offsets = offsets
    gradients = Array(repeating: 0, count: total)
    work = layers.withUnsafeBufferPointer { Array(repeating: 0, count: bk_dense_work_size($0.baseAddress, $0.count)) }
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
    // The buffers leave self for the call, so that pointing into them overlaps no access to self.
    var (layers, gradients, work) = (self.layers, self.gradients, self.work)
    (self.layers, self.gradients, self.work) = ([], [], [])
    let (path, loss, offsets) = (path.c, self.loss, offsets)
    gradients.withUnsafeMutableBufferPointer { gp in
      for (l, start) in offsets.enumerated() {
        layers[l].dW = gp.baseAddress.map { $0 + start }
        layers[l].db = gp.baseAddress.map { $0 + start + layers[l].units * layers[l].inputs }
      }
      work.withUnsafeMutableBufferPointer { wp in
        record.input.storage.withUnsafeBufferPointer { xp in
          record.target.storage.withUnsafeBufferPointer { tp in
            Self.pinning(network, from: 0, &layers) { lp in
              _ = bk_dense_gradients(path, lp.baseAddress, lp.count, xp.baseAddress, tp.baseAddress, record.input.rows, loss, wp.baseAddress)
            }
          }
        }
      }
    }
    for (l, start) in offsets.enumerated() {
      guard case .dense(let layer) = network.layers[l] else { continue }
      let (units, inputs) = (layers[l].units, layers[l].inputs)
      var rec = record.takeLayer(l + 1)
      rec.dW.reshape(rows: units, cols: inputs)
      for j in 0..<(units * inputs) { rec.dW.storage[j] = gradients[start + j] }
      if rec.db.count != units { rec.db = Array(repeating: 0, count: units) }
      for o in 0..<units { rec.db[o] = gradients[start + units * inputs + o] }
      layer.addPenalty(regularization, to: &rec)
      record.layers[l] = rec
    }
    (self.layers, self.gradients, self.work) = (layers, gradients, work)
  }

  /// Points layers[l...] at the weights and biases of the network's dense layers from l on, for
  /// as long as `body` runs.
  private static func pinning(
    _ network: Network, from l: Int, _ layers: inout [bk_dense_layer], _ body: (UnsafeBufferPointer<bk_dense_layer>) -> Void
  ) {
    guard l < layers.count else { return layers.withUnsafeBufferPointer(body) }
    guard case .dense(let d) = network.layers[l] else { return }
    d.weights.storage.withUnsafeBufferPointer { wp in
      d.bias.withUnsafeBufferPointer { bp in
        layers[l].w = wp.baseAddress
        layers[l].b = bp.baseAddress
        pinning(network, from: l + 1, &layers, body)
      }
    }
    layers[l].w = nil
    layers[l].b = nil
  }
}
