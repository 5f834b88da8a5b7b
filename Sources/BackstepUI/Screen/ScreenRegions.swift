import BackstepCore
import TermGrid

/// Where a drawn screen put its heat maps (every map of every band) and the decision
/// surface's training points, as the renderer laid them out: a click is read from these,
/// never from a second layout of the screen.
public struct ScreenRegions: Sendable {
  /// One layer's map: its rectangle and how its elements map onto cells (`geometry.area`).
  public struct HeatMapRegion: Sendable {
    /// 1-based layer.
    public var layer: Int
    /// Which of the layer's maps it is.
    public var map: ShownMap
    public var geometry: HeatMap.Geometry
    /// The matrix column of the map's first drawn column: a recurrent layer's map over time
    /// shows a window of steps, and its drawn column j is time step `firstColumn` + j + 1.
    public var firstColumn = 0
  }

  /// A training point drawn on the decision surface: its 0-based row of the training set and
  /// its cell.
  public struct PointRegion: Equatable, Sendable {
    public var row: Int
    public var x: Int
    public var y: Int
  }

  /// The maps drawn, one per layer that had values to show; a placeholder has none.
  public internal(set) var heatMaps: [HeatMapRegion] = []
  /// The points in the order drawn: where two share a cell, the later one is the one seen.
  public internal(set) var points: [PointRegion] = []

  public init() {}

  /// The element under a screen cell, as the inspector's cursor: the first matrix element of
  /// the cell (of a pooled block, its top-left one). Nil outside every map, or on a map's
  /// cells that show no element.
  public func cursor(x: Int, y: Int) -> Cursor? {
    guard let map = heatMaps.first(where: { $0.geometry.area.contains(x: x, y: y) }), let e = map.geometry.element(x: x, y: y) else { return nil }
    return Cursor(layer: map.layer, row: e.row, column: map.firstColumn + e.col, map: map.map)
  }

  /// The training row of the point drawn at a screen cell, the one on top where points share it.
  public func point(x: Int, y: Int) -> Int? {
    points.last { $0.x == x && $0.y == y }?.row
  }
}
