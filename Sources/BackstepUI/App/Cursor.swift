import BackstepCore

/// A position in one of a layer's heat maps: the element under the inspector.
///
/// Per-example maps (a, z, δ) are drawn transposed: `row` is the unit, `column` the example's
/// position in the batch. W and dW (γ and dγ as n × 1): `row` the output unit, `column` the
/// input unit. Per-unit columns (dβ): `row` the unit, `column` 0. All 0-based.
public struct Cursor: Equatable, Sendable {
  /// 1-based layer.
  public var layer: Int
  public var row: Int
  public var column: Int
  /// The map the cursor is on, in any column of the band.
  public var map: ShownMap

  public init(layer: Int = 1, row: Int = 0, column: Int = 0, map: ShownMap = .a) {
    self.layer = layer
    self.row = row
    self.column = column
    self.map = map
  }
}

extension ShownMap {
  /// Whether the map's columns are the batch's examples: z, a, x̂, δ `[B × n]`, drawn n × B.
  public var isPerExample: Bool { self == .z || self == .a || self == .xhat || self == .delta || self == .fPrime }
}
