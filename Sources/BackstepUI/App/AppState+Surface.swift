import BackstepCore
import TermGrid

/// The decision surface the screen draws, computed here when the weights, the data or the grid
/// change, so that a render only reads it: one forward pass over the grid per weight version
/// and size, not one per frame. Paused, it is computed whole at once; while running, where
/// every frame meets new weights, a refresh is paid a budget a frame (``WorkBudget``).
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

  /// The grid of a surface panel drawn in `area`; nil without a panel, without two inputs, or
  /// for a recurrent network (its input is a sequence, not a point of the plane).
  static func surfaceGrid(in area: Rect?, network: Network, plane: OutputSurface.Plane, context: RenderContext) -> (columns: Int, rows: Int)? {
    guard network.inputCount == 2, !network.isRecurrent, let area,
      let geometry = DecisionSurface.geometry(in: area.inset(dx: 1, dy: 1), plane: plane, context: context)
    else { return nil }
    return (geometry.columns, geometry.rows)
  }

  /// Brings the shown session's ``Session/surface`` up to date with its stepper's weights at the
  /// grid the surface panel has on a `width` × `height` screen. Whoever draws runs this first
  /// (the run loop before every frame); the state keeps no terminal size of its own. Only the
  /// network shown draws its surface; the other's is kept for when it is shown.
  public mutating func refreshSurface(width: Int, height: Int, context: RenderContext) {
    let area = layout(width: width, height: height)?.surface
    let grid = { (network: Network, plane: OutputSurface.Plane) in Self.surfaceGrid(in: area, network: network, plane: plane, context: context) }
    let running = runner.running
    if focus == .right { other?.refreshSurface(grid: grid, running: running) } else { session.refreshSurface(grid: grid, running: running) }
  }
}

extension Session {
  /// Brings ``surface`` up to date with the stepper's weights at the grid `grid` gives for the
  /// network and its plane (nil: no surface panel).
  ///
  /// Paused, the surface is the current weights' on the panel's whole grid, computed at once
  /// when it is not already (once per weight version and size). Running, a refresh is computed
  /// ``WorkBudget/surfacePerFrame`` multiply-adds a frame on the finest grid that
  /// ``WorkBudget/surfaceFrames`` frames pay for, for the weights it began with; the surface
  /// shown meanwhile is the last one finished, and its step says whose weights it has
  /// (``surfaceStepBehind``). A refresh that ends finds the weights moved on and begins
  /// another, so the surface follows the run a few frames behind, never a frame slower.
  mutating func refreshSurface(grid: (Network, OutputSurface.Plane) -> (columns: Int, rows: Int)?, running: Bool) {
    let network = stepper.network
    let plane = OutputSurface.Plane(around: stepper.data.train.inputs)
    guard let full = grid(network, plane) else {
      surface = nil
      surfaceRefresh = nil
      return
    }
    guard running else {
      surfaceRefresh = nil
      if let surface, surface.step == stepper.step, surface.isCurrent(for: network, plane: plane, columns: full.columns, rows: full.rows) { return }
      surface = OutputSurface(network: network, plane: plane, columns: full.columns, rows: full.rows, step: stepper.step)
      return
    }
    let grid = SurfaceRefresh.grid(
      columns: full.columns, rows: full.rows, network: network, budget: WorkBudget.saturated(WorkBudget.surfacePerFrame, WorkBudget.surfaceFrames))
    if let refresh = surfaceRefresh,
      refresh.plane != plane || refresh.columns != grid.columns || refresh.rows != grid.rows || refresh.step > stepper.step
    {
      // Begun for another size, other data or a run since gone back: not worth finishing.
      surfaceRefresh = nil
    }
    if surfaceRefresh == nil {
      if let surface, surface.step == stepper.step,
        surface.isCurrent(for: network, plane: plane, columns: grid.columns, rows: grid.rows)
          || surface.isCurrent(for: network, plane: plane, columns: full.columns, rows: full.rows)
      {
        return
      }
      surfaceRefresh = SurfaceRefresh(network: network, step: stepper.step, plane: plane, columns: grid.columns, rows: grid.rows)
    }
    surfaceRefresh?.advance(budget: WorkBudget.surfacePerFrame)
    if let done = surfaceRefresh?.surface {
      surface = done
      surfaceRefresh = nil
    }
  }

  /// The step of the weights the surface shows when they are not the stepper's, so that the
  /// screen says so ("output of step 120"); nil when it shows the current weights. Run mode
  /// moves the weights only forward and any other change of them pauses it, where the surface
  /// is made current at once: a surface behind is always of this run's earlier weights.
  public var surfaceStepBehind: Int? {
    guard let step = surface?.step, step != stepper.step else { return nil }
    return step
  }
}
