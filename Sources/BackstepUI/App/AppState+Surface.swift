import BackstepCore
import TermGrid

/// The decision surface the screen draws, computed here when the weights, the data or the grid
/// change, so that a render only reads it: one forward pass over the grid per weight version
/// and size, not one per frame.
extension AppState {
  /// The grid the surface panel shows exactly at a terminal size, for a plane (its aspect sets
  /// the plot's shape), in the state's render context; nil when the network does not take two
  /// inputs or the panel does not fit.
  static func surfaceGrid(
    width: Int, height: Int, network: Network, plane: OutputSurface.Plane, lessonRows: Int = 0, context: RenderContext
  ) -> (columns: Int, rows: Int)? {
    let layout = ScreenLayout(width: width, height: height, depth: network.depth, showSurface: true, lessonRows: lessonRows)
    return surfaceGrid(in: layout?.surface, network: network, plane: plane, context: context)
  }

  /// The grid of a surface panel drawn in `area`; nil without a panel or two inputs.
  static func surfaceGrid(in area: Rect?, network: Network, plane: OutputSurface.Plane, context: RenderContext) -> (columns: Int, rows: Int)? {
    guard network.inputCount == 2, let area, let geometry = DecisionSurface.geometry(in: area.inset(dx: 1, dy: 1), plane: plane, context: context) else {
      return nil
    }
    return (geometry.columns, geometry.rows)
  }

  /// Brings each session's ``Session/surface`` up to date with its stepper's weights at the grid
  /// the surface panel has on a `width` × `height` screen; does nothing when it already is, so
  /// the forward pass over the grid runs once per weight version and size. Whoever draws runs
  /// this first (the run loop before every frame); the state keeps no terminal size of its own.
  /// Only the network shown draws its surface; the other's is kept for when it is shown.
  public mutating func refreshSurface(width: Int, height: Int, context: RenderContext) {
    let area = layout(width: width, height: height)?.surface
    let grid = { (network: Network, plane: OutputSurface.Plane) in Self.surfaceGrid(in: area, network: network, plane: plane, context: context) }
    if focus == .right { other?.refreshSurface(grid: grid) } else { session.refreshSurface(grid: grid) }
  }
}

extension Session {
  /// Brings ``surface`` up to date with the stepper's weights at the grid `grid` gives for the
  /// network and its plane (nil: no surface panel); does nothing when it already is.
  mutating func refreshSurface(grid: (Network, OutputSurface.Plane) -> (columns: Int, rows: Int)?) {
    let network = stepper.network
    let plane = OutputSurface.Plane(around: stepper.data.train.inputs)
    guard let grid = grid(network, plane) else {
      surface = nil
      return
    }
    if surface?.isCurrent(for: network, plane: plane, columns: grid.columns, rows: grid.rows) == true { return }
    surface = OutputSurface(network: network, plane: plane, columns: grid.columns, rows: grid.rows)
  }
}
