import TermGrid

/// Where a drawn screen put its heat maps of the chosen quantity (a, z or W), as the renderer
/// laid them out: a click is read from these, never from a second layout of the screen.
public struct ScreenRegions: Sendable {
  /// One layer's map: its rectangle and how its elements map onto cells (`geometry.area`).
  public struct HeatMapRegion: Sendable {
    /// 1-based layer.
    public var layer: Int
    public var geometry: HeatMap.Geometry
  }

  /// The maps drawn, one per layer that had values to show; a placeholder has none.
  public internal(set) var heatMaps: [HeatMapRegion] = []

  public init() {}

  /// The element under a screen cell, as the inspector's cursor: the first matrix element of
  /// the cell (of a pooled block, its top-left one). Nil outside every map, or on a map's
  /// cells that show no element.
  public func cursor(x: Int, y: Int) -> Cursor? {
    guard let map = heatMaps.first(where: { $0.geometry.area.contains(x: x, y: y) }), let e = map.geometry.element(x: x, y: y) else { return nil }
    return Cursor(layer: map.layer, row: e.row, column: e.col)
  }
}
