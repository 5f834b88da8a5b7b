import Testing

@testable import BackstepCore

/// A surface computed a few grid rows at a time is the surface computed at once, and the grid a
/// budget pays for is the finest that fits it.
@Suite("Surface refresh")
struct SurfaceRefreshTests {
  static let plane = OutputSurface.Plane(xMin: -2, xMax: 1.5, yMin: -1, yMax: 2)

  static func network(widths: [Int] = [6, 5], seed: UInt64 = 4) throws -> Network {
    try Network(
      inputs: 2, specs: widths.map { LayerSpec(units: $0, activation: .tanh) } + [LayerSpec(units: 3, activation: .softmax)], loss: .ce,
      initializer: .xavierUniform, seed: seed)
  }

  /// Runs a refresh to its end at `budget` a call; the surface and the calls it took.
  static func finish(_ refresh: SurfaceRefresh, budget: Int) -> (surface: OutputSurface?, calls: Int) {
    var refresh = refresh
    var calls = 0
    while !refresh.isDone {
      #expect(refresh.surface == nil)
      let before = refresh.rowsDone
      refresh.advance(budget: budget)
      calls += 1
      #expect(refresh.rowsDone > before)
    }
    return (refresh.surface, calls)
  }

  @Test(arguments: [0, 1, 3, 5, 100])
  func rowsComputedInSlicesAreTheRowsOfOnePass(rowsPerCall: Int) throws {
    let network = try Self.network()
    let (columns, rows) = (9, 7)
    let whole = OutputSurface(network: network, plane: Self.plane, columns: columns, rows: rows, step: 12)
    let refresh = SurfaceRefresh(network: network, step: 12, plane: Self.plane, columns: columns, rows: rows)
    let perRow = SurfaceRefresh.pointCost(network) * columns
    let (made, calls) = Self.finish(refresh, budget: rowsPerCall * perRow)
    let surface = try #require(made)
    // A budget that pays for no row still computes one a call.
    let slice = max(1, rowsPerCall)
    #expect(calls == (rows + slice - 1) / slice)
    #expect(surface.step == 12)
    #expect(surface.columns == columns && surface.rows == rows)
    #expect(surface.outputs.rows == whole.outputs.rows && surface.outputs.cols == whole.outputs.cols)
    for (a, b) in zip(surface.outputs.storage, whole.outputs.storage) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
    #expect(surface.classes == whole.classes)
    #expect(surface.isCurrent(for: network, plane: Self.plane, columns: columns, rows: rows))
  }

  @Test func theCostOfAPointCountsEveryWeightAndUnit() throws {
    let network = try Self.network(widths: [6, 5])
    // 2·6 + 6·5 + 5·3 weights, 6 + 5 + 3 activations.
    #expect(SurfaceRefresh.pointCost(network) == 2 * 6 + 6 * 5 + 5 * 3 + SurfaceRefresh.activationCost * (6 + 5 + 3))
  }

  @Test(arguments: [(60, 40), (45, 20), (7, 3), (1, 1)])
  func aGridThatFitsTheBudgetIsKept(columns: Int, rows: Int) throws {
    let network = try Self.network()
    let budget = columns * rows * SurfaceRefresh.pointCost(network)
    let grid = SurfaceRefresh.grid(columns: columns, rows: rows, network: network, budget: budget)
    #expect(grid == (columns, rows))
  }

  @Test(arguments: [2, 10, 100, 1000])
  func aGridOverBudgetTakesEveryKthPointForTheSmallestKThatFits(pointsPaid: Int) throws {
    let network = try Self.network(widths: [64, 64])
    let (columns, rows) = (90, 40)
    let cost = SurfaceRefresh.pointCost(network)
    let grid = SurfaceRefresh.grid(columns: columns, rows: rows, network: network, budget: pointsPaid * cost)
    #expect(grid.columns * grid.rows <= pointsPaid)
    // Each coarse cell is k × k fine ones for one k > 1, and every finer k is over budget.
    func points(_ k: Int) -> (Int, Int) { ((columns + k - 1) / k, (rows + k - 1) / k) }
    let k = try #require((2...columns).first { points($0) == grid })
    for finer in 1..<k { #expect(points(finer).0 * points(finer).1 > pointsPaid) }
  }

  @Test func noBudgetStillLeavesOnePoint() throws {
    let grid = SurfaceRefresh.grid(columns: 30, rows: 12, network: try Self.network(), budget: 0)
    #expect(grid == (1, 1))
  }
}
