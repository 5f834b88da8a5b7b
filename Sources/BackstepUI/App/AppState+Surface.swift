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
    guard network.inputCount == 2, !network.isRecurrent,
      let area = ScreenLayout(width: width, height: height, depth: network.depth, showSurface: true, lessonRows: lessonRows)?.surface,
      let geometry = DecisionSurface.geometry(in: area.inset(dx: 1, dy: 1), plane: plane, context: context)
    else { return nil }
    return (geometry.columns, geometry.rows)
  }

  /// Brings ``surface`` up to date with the stepper's weights at the grid the surface panel
  /// has on a `width` × `height` screen; does nothing when it already is, so the forward pass
  /// over the grid runs once per weight version and size. Whoever draws runs this first (the
  /// run loop before every frame); the state keeps no terminal size of its own.
  public mutating func refreshSurface(width: Int, height: Int, context: RenderContext) {
    let network = stepper.network
    let plane = OutputSurface.Plane(around: stepper.data.train.inputs)
    // The lesson's panel takes rows from the screen as `Screen.draw` lays it out.
    let lessonRows = lesson.map { LessonPanel.rows($0, width: width, height: height) } ?? 0
    guard let grid = Self.surfaceGrid(width: width, height: height, network: network, plane: plane, lessonRows: lessonRows, context: context) else {
      surface = nil
      return
    }
    if surface?.isCurrent(for: network, plane: plane, columns: grid.columns, rows: grid.rows) == true { return }
    surface = OutputSurface(network: network, plane: plane, columns: grid.columns, rows: grid.rows)
  }
}
