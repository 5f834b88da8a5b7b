/// An ``OutputSurface`` computed a few grid rows at a time, for the weights it began with: run
/// mode spreads one surface over several frames, so that no frame pays for a forward pass over
/// the whole grid of a wide network, and the surface it shows meanwhile names its step.
///
/// Every grid point is independent in evaluation mode, so the rows computed in slices are the
/// rows a single pass would give.
public struct SurfaceRefresh: Sendable {
  /// The weights the surface is of, fixed when the refresh began.
  public let network: Network
  /// The step of those weights.
  public let step: Int
  public let plane: OutputSurface.Plane
  public let columns: Int
  public let rows: Int
  /// Grid rows computed so far, from the top.
  public private(set) var rowsDone = 0
  /// The outputs of those rows, `[rowsDone·columns × outputs]` row by row.
  private var outputs: [Double] = []

  /// A refresh of `network`'s surface (the weights of `step`) over `plane` on a `columns × rows`
  /// grid (at least 1 × 1), with nothing computed yet.
  public init(network: Network, step: Int, plane: OutputSurface.Plane, columns: Int, rows: Int) {
    self.network = network
    self.step = step
    self.plane = plane
    self.columns = max(1, columns)
    self.rows = max(1, rows)
  }

  /// Whether every grid row is computed.
  public var isDone: Bool { rowsDone == rows }

  /// Computes the next grid rows, as many as `budget` multiply-adds pay for (``pointCost(_:)``
  /// each point) and at least one, so that every call moves it on.
  public mutating func advance(budget: Int) {
    guard !isDone else { return }
    let perRow = max(1, Self.pointCost(network).multipliedReportingOverflow(by: columns).partialValue)
    let end = min(rows, rowsDone + max(1, budget / perRow))
    let slice = network.predict(OutputSurface.grid(columns: columns, rows: rows, plane: plane, from: rowsDone, to: end))
    outputs += slice.storage
    rowsDone = end
  }

  /// The finished surface; nil until every row is computed.
  public var surface: OutputSurface? {
    guard isDone else { return nil }
    let k = outputs.count / (rows * columns)
    let matrix = Matrix(rows: rows * columns, cols: k, storage: outputs)
    return OutputSurface(network: network, plane: plane, columns: columns, rows: rows, step: step, outputs: matrix)
  }

  /// The cost of the forward pass of one grid point, in multiply-adds: one per weight, and
  /// ``activationCost`` per unit for its activation.
  public static func pointCost(_ network: Network) -> Int {
    network.layers.reduce(0) { $0 + $1.weights.count + activationCost * $1.units }
  }

  /// An activation (tanh, the sigmoid: an exp and a division) costs about as much time as this
  /// many multiply-adds of the affine maps.
  static let activationCost = 12

  /// The grid a refresh of `network` costs at most `budget` multiply-adds on: the `columns × rows`
  /// grid itself when it fits, else every k-th point along both axes (a grid of ⌈columns/k⌉ ×
  /// ⌈rows/k⌉, each cell k × k of the fine one) for the smallest k that fits, but never fewer
  /// than one point.
  public static func grid(columns: Int, rows: Int, network: Network, budget: Int) -> (columns: Int, rows: Int) {
    let cost = max(1, pointCost(network))
    var k = 1
    func coarse(_ n: Int) -> Int { max(1, (n + k - 1) / k) }
    while k < max(columns, rows), coarse(columns) * coarse(rows) > budget / cost { k += 1 }
    return (coarse(columns), coarse(rows))
  }
}
