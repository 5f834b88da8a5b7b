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
  /// The network the outputs came from: a surface is current while the network is equal.
  let network: Network

  /// The surface of `network` over `plane` on a `columns × rows` grid (at least 1 × 1).
  /// `network` must take two inputs.
  public init(network: Network, plane: Plane, columns: Int, rows: Int) {
    self.network = network
    self.plane = plane
    self.columns = max(1, columns)
    self.rows = max(1, rows)
    var grid = Matrix(rows: self.rows * self.columns, cols: 2)
    for r in 0..<self.rows {
      for c in 0..<self.columns {
        let (x, y) = Self.point(column: c, row: r, columns: self.columns, rows: self.rows, plane: plane)
        grid[r * self.columns + c, 0] = x
        grid[r * self.columns + c, 1] = y
      }
    }
    outputs = network.predict(grid)
    outputActivation = network.layers[network.depth - 1].activation
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
