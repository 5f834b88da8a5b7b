/// The network's output over a grid of the input plane, for a network of two inputs: what the
/// decision surface draws. Computed once per weight version and grid (a forward pass over
/// every point costs as much as one over that many examples), never while drawing.
///
/// The grid has `columns × rows` points at the centres of equal cells of ``plane``; row 0 is the
/// top of the plane (y = yMax), as a screen reads it.
public struct OutputSurface: Equatable, Sendable {
  /// A rectangle of the input plane, [xMin, xMax] × [yMin, yMax].
  public struct Plane: Equatable, Sendable {
    public var xMin, xMax, yMin, yMax: Double

    public init(xMin: Double, xMax: Double, yMin: Double, yMax: Double) {
      (self.xMin, self.xMax, self.yMin, self.yMax) = (xMin, xMax, yMin, yMax)
    }

    /// The square [−1, 1]² widened to hold every point of `points` `[N × 2]`.
    public init(around points: Matrix) {
      self.init(xMin: -1, xMax: 1, yMin: -1, yMax: 1)
      for i in 0..<points.rows {
        xMin = min(xMin, points[i, 0])
        xMax = max(xMax, points[i, 0])
        yMin = min(yMin, points[i, 1])
        yMax = max(yMax, points[i, 1])
      }
    }
  }

  public let plane: Plane
  public let columns: Int
  public let rows: Int
  /// The output activations a_L at the grid points, `[rows·columns × outputs]`, point
  /// (column c, row r) at row r·columns + c; evaluation mode.
  public let outputs: Matrix
  /// The output layer's activation, which says how to read `outputs`.
  public let outputActivation: Activation
  /// The class each grid point falls in, `[rows·columns]`: the argmax of several outputs, p ≥ 0.5
  /// of one sigmoid output, the sign (≥ 0) of one output of any other kind. The region a
  /// decision surface colours and whose edge is the boundary.
  public let classes: [Int]
  /// How sure the output is of that class at each grid point, `[rows·columns]`, in [0, 1]: 0 on the
  /// boundary (p = 0.5, equal outputs, 0), 1 at p = 0 or 1 (at ±1 for a signed output). 0 where
  /// an output is not a number.
  public let confidence: [Double]
  /// The step whose weights `network` has (the updates applied to it), when whoever computed
  /// the surface said: a screen that shows it after the weights have moved on names it.
  public let step: Int?
  /// The network the outputs came from: a surface is current while the network is equal.
  let network: Network

  /// The surface of `network` over `plane` on a `columns × rows` grid (at least 1 × 1), for
  /// the weights of `step`. `network` must take two inputs.
  public init(network: Network, plane: Plane, columns: Int, rows: Int, step: Int? = nil) {
    let (columns, rows) = (max(1, columns), max(1, rows))
    let outputs = network.predict(Self.grid(columns: columns, rows: rows, plane: plane, from: 0, to: rows))
    self.init(network: network, plane: plane, columns: columns, rows: rows, step: step, outputs: outputs)
  }

  /// The surface of outputs already computed, `[rows·columns × outputs]`, by `network` on this grid.
  init(network: Network, plane: Plane, columns: Int, rows: Int, step: Int?, outputs: Matrix) {
    self.network = network
    self.plane = plane
    self.columns = columns
    self.rows = rows
    self.step = step
    self.outputs = outputs
    outputActivation = network.layers[network.depth - 1].activation
    (classes, confidence) = Self.decisions(outputs, activation: outputActivation)
  }

  /// The input points of grid rows `first..<end` of a `columns × rows` grid over `plane`,
  /// `[(end − first)·columns × 2]`, row by row.
  static func grid(columns: Int, rows: Int, plane: Plane, from first: Int, to end: Int) -> Matrix {
    var grid = Matrix(rows: (end - first) * columns, cols: 2)
    for r in first..<end {
      for c in 0..<columns {
        let (x, y) = point(column: c, row: r, columns: columns, rows: rows, plane: plane)
        grid[(r - first) * columns + c, 0] = x
        grid[(r - first) * columns + c, 1] = y
      }
    }
    return grid
  }

  /// The class and the confidence of every row of `outputs` `[n × k]`, read as the output
  /// activation says (see ``classes`` and ``confidence``).
  static func decisions(_ outputs: Matrix, activation: Activation) -> (classes: [Int], confidence: [Double]) {
    var classes = [Int](repeating: 0, count: outputs.rows)
    var confidence = [Double](repeating: 0, count: outputs.rows)
    let k = outputs.cols
    for i in 0..<outputs.rows {
      var sure: Double
      if k == 1 {
        let v = outputs[i, 0]
        let centred = activation == .sigmoid ? 2 * v - 1 : v
        classes[i] = centred >= 0 ? 1 : 0
        sure = abs(centred)
      } else {
        var best = 0
        for j in 1..<k where outputs[i, j] > outputs[i, best] { best = j }
        classes[i] = best
        // A share of 1/k is no preference at all; 1 is certainty.
        let chance = 1 / Double(k)
        sure = (outputs[i, best] - chance) / (1 - chance)
      }
      confidence[i] = sure.isNaN ? 0 : min(max(sure, 0), 1)
    }
    return (classes, confidence)
  }

  /// The input-plane point at the centre of grid cell (column c, row r).
  public func point(column c: Int, row r: Int) -> (x: Double, y: Double) {
    Self.point(column: c, row: r, columns: columns, rows: rows, plane: plane)
  }

  static func point(column c: Int, row r: Int, columns: Int, rows: Int, plane: Plane) -> (x: Double, y: Double) {
    (
      plane.xMin + (Double(c) + 0.5) / Double(columns) * (plane.xMax - plane.xMin),
      plane.yMax - (Double(r) + 0.5) / Double(rows) * (plane.yMax - plane.yMin)
    )
  }

  /// Whether this surface is the one `network` would give over `plane` on this grid.
  public func isCurrent(for network: Network, plane: Plane, columns: Int, rows: Int) -> Bool {
    self.columns == max(1, columns) && self.rows == max(1, rows) && self.plane == plane && self.network == network
  }

  /// The output row under pixel (px, py) of a `width × height` drawing of the plane: the grid
  /// cell whose centre is nearest the pixel's. On a grid of the drawing's size, pixel (px, py)
  /// is grid point (px, py) exactly.
  public func index(pixel px: Int, _ py: Int, of width: Int, _ height: Int) -> Int {
    let c = min(columns - 1, max(0, (2 * px + 1) * columns / (2 * max(width, 1))))
    let r = min(rows - 1, max(0, (2 * py + 1) * rows / (2 * max(height, 1))))
    return r * columns + c
  }
}
