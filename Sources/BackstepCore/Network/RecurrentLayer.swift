/// An Elman recurrent layer, PyTorch's `nn.RNN` with one layer, read many-to-one: it runs over
/// the whole sequence and hands its last hidden state h_T to the layers after it.
///
///     z_t = W_ih·x_t + b_ih + W_hh·h_{t−1} + b_hh,   h_t = f(z_t),   h_0 = 0,   t = 1 … T
///
/// with f tanh or relu. Shapes, for H units, I features per time step and a batch of B
/// sequences: W_ih `[H × I]`, W_hh `[H × H]`, b_ih and b_hh `[H]`; x_t, z_t and h_t are rows of
/// a batch, `[B × I]` and `[B × H]`. A batch of sequences is `[B × T·I]`, step-major: the
/// columns t·I ..< (t+1)·I hold x_{t+1} (see ``Dataset/steps``).
///
/// The products are the dense layer's (``Kernels``), so the layer has the same loops.
public struct RecurrentLayer: Equatable, Sendable {
  /// `[H × I]`: row o holds the weights from the input into unit o.
  public var weightsIH: Matrix
  /// `[H × H]`: row o holds the weights from the previous hidden state into unit o.
  public var weightsHH: Matrix
  public var biasIH: [Double]
  public var biasHH: [Double]
  public var activation: Activation

  /// The activations a recurrent layer may use, as `nn.RNN`'s `nonlinearity`.
  public static let activations: [Activation] = [.tanh, .relu]

  public init(weightsIH: Matrix, weightsHH: Matrix, biasIH: [Double], biasHH: [Double], activation: Activation) {
    self.weightsIH = weightsIH
    self.weightsHH = weightsHH
    self.biasIH = biasIH
    self.biasHH = biasHH
    self.activation = activation
  }

  /// A layer drawn as PyTorch draws `nn.RNN`'s: every weight and bias uniform in [−k, k),
  /// k = 1/√H.
  public init(units: Int, inputs: Int, activation: Activation, using rng: inout Xoshiro256) {
    let k = 1 / Double(units).squareRoot()
    func draw(_ n: Int) -> [Double] { (0..<n).map { _ in rng.uniform(-k, k) } }
    self.init(
      weightsIH: Matrix(rows: units, cols: inputs, storage: draw(units * inputs)),
      weightsHH: Matrix(rows: units, cols: units, storage: draw(units * units)), biasIH: draw(units), biasHH: draw(units),
      activation: activation)
  }

  public var units: Int { weightsIH.rows }
  public var inputs: Int { weightsIH.cols }
  public var parameterCount: Int { weightsIH.count + weightsHH.count + biasIH.count + biasHH.count }

  /// Whether the shapes agree: W_hh square with H rows, both biases H numbers.
  var isWellFormed: Bool {
    weightsHH.rows == units && weightsHH.cols == units && biasIH.count == units && biasHH.count == units
  }

  /// The time steps of a batch of sequences `[B × T·I]`.
  public func steps(in x: Matrix) -> Int { inputs == 0 ? 0 : x.cols / inputs }

  /// x_t `[B × I]`, time step t (1-based), from a batch of sequences `[B × T·I]`.
  public func input(_ x: Matrix, at t: Int) -> Matrix {
    let i = inputs
    var out = Matrix(rows: x.rows, cols: i)
    for r in 0..<x.rows {
      for k in 0..<i { out.storage[r * i + k] = x.storage[r * x.cols + (t - 1) * i + k] }
    }
    return out
  }

  /// z_t = x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh for a batch; `hPrev` nil is h_0 = 0.
  public func preActivation(_ xt: Matrix, hPrev: Matrix?, into z: inout Matrix) {
    Kernels.affine(xt, weightsIH, biasIH, into: &z)
    var recurrent = Matrix(rows: 0, cols: 0)
    if let hPrev {
      Kernels.affine(hPrev, weightsHH, biasHH, into: &recurrent)
    } else {
      recurrent = Matrix(rows: xt.rows, cols: units)
      for r in 0..<xt.rows { for o in 0..<units { recurrent.storage[r * units + o] = biasHH[o] } }
    }
    for i in 0..<z.count { z.storage[i] += recurrent.storage[i] }
  }

  /// Every time step of a batch of sequences `[B × T·I]`: the record's z and a are those of
  /// the last step, and its ``RecurrentRecord`` holds every z_t and h_t.
  public func run(_ x: Matrix, into record: inout LayerRecord) {
    var steps = RecurrentRecord()
    for t in 1...max(1, self.steps(in: x)) {
      forward(t, x: x, steps: &steps, z: &record.z, h: &record.a)
    }
    record.recurrent = steps
    record.batchNorm = nil
  }

  /// Time step t of the forward pass: z_t and h_t from x_t and h_{t−1} (kept in `steps`), into
  /// `z`, `h` and `steps`.
  public func forward(_ t: Int, x: Matrix, steps: inout RecurrentRecord, z: inout Matrix, h: inout Matrix) {
    if t == 1 { steps.begin(steps: self.steps(in: x)) }
    preActivation(input(x, at: t), hPrev: t > 1 ? steps.h[t - 2] : nil, into: &z)
    activation.apply(z, into: &h)
    steps.z[t - 1] = z
    steps.h[t - 1] = h
  }

  /// Time step t of backpropagation through time. dL/dh_t is `upstream` (dL/da from the layer
  /// above) at t = T, plus δ_{t+1}·W_hh below it; δ_t = dL/dh_t ⊙ f′(z_t). δ_t's share of the
  /// gradients is added to dW = [dW_ih | dW_hh] `[H × (I+H)]` and db = [db_ih, db_hh] `[2H]`,
  /// which t = T starts from zero; t = 1 adds the regularisation's gradient.
  public func backward(
    _ t: Int, x: Matrix, upstream: Matrix, regularization: Regularization, record rec: inout LayerRecord
  ) {
    guard var steps = rec.recurrent else { return }
    let T = steps.count
    var dh = upstream
    if t < T { Kernels.inputGradient(steps.delta[t], weightsHH, into: &dh) }
    activation.backward(z: steps.z[t - 1], a: steps.h[t - 1], dA: dh, into: &rec.delta, fPrime: &rec.fPrime)
    steps.delta[t - 1] = rec.delta
    if t == T {
      rec.dW = Matrix(rows: units, cols: inputs + units)
      rec.db = Array(repeating: 0, count: 2 * units)
    }
    var g = Matrix(rows: 0, cols: 0)
    Kernels.weightGradient(rec.delta, input(x, at: t), into: &g)
    Self.add(g, into: &rec.dW, at: 0)
    if t > 1 {
      Kernels.weightGradient(rec.delta, steps.h[t - 2], into: &g)
      Self.add(g, into: &rec.dW, at: inputs)
    }
    var sums: [Double] = []
    Kernels.columnSums(rec.delta, into: &sums)
    for o in 0..<units {
      rec.db[o] += sums[o]
      rec.db[units + o] += sums[o]
    }
    if t == 1 {
      regularization.addGradient(of: weights.storage, to: &rec.dW.storage)
      if regularization.includeBiases { regularization.addGradient(of: biasIH + biasHH, to: &rec.db) }
    }
    rec.z = steps.z[t - 1]
    rec.a = steps.h[t - 1]
    rec.recurrent = steps
  }

  /// [W_ih | W_hh] `[H × (I+H)]`: both weight matrices side by side, as the gradient slot
  /// holds them and the weights map shows them.
  public var weights: Matrix {
    Self.joined(weightsIH, weightsHH)
  }

  /// [a | b], two matrices with the same rows side by side.
  static func joined(_ a: Matrix, _ b: Matrix) -> Matrix {
    var out = Matrix(rows: a.rows, cols: a.cols + b.cols)
    add(a, into: &out, at: 0)
    add(b, into: &out, at: a.cols)
    return out
  }

  /// Adds `m` into the columns `column ..< column + m.cols` of `out`.
  static func add(_ m: Matrix, into out: inout Matrix, at column: Int) {
    for r in 0..<m.rows {
      for c in 0..<m.cols { out.storage[r * out.cols + column + c] += m.storage[r * m.cols + c] }
    }
  }

  /// The columns `column ..< column + width` of `m`, flat in row-major order.
  static func block(of m: Matrix, at column: Int, width: Int) -> [Double] {
    var out: [Double] = []
    out.reserveCapacity(m.rows * width)
    for r in 0..<m.rows { out += m.storage[(r * m.cols + column)..<(r * m.cols + column + width)] }
    return out
  }

  /// Writes `values` (row-major, `width` columns) into the columns `column ..< column + width` of `m`.
  static func setBlock(_ values: [Double], of m: inout Matrix, at column: Int, width: Int) {
    for r in 0..<m.rows {
      for c in 0..<width { m.storage[r * m.cols + column + c] = values[r * width + c] }
    }
  }
}
