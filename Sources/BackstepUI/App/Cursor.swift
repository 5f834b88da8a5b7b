/// A position in one layer's heat map: the element under the inspector.
public struct Cursor: Equatable, Sendable {
  /// 1-based layer.
  public var layer: Int
  public var row: Int
  public var column: Int

  public init(layer: Int = 1, row: Int = 0, column: Int = 0) {
    self.layer = layer
    self.row = row
    self.column = column
  }
}
