import BackstepCore

/// The inspector: the cursor over one layer's heat map, moved by keys or a click.
extension AppState {
  /// The shape of the matrix the heat map of layer l shows, as rows × columns.
  public func displayedShape(layer l: Int) -> (rows: Int, cols: Int) {
    let layer = stepper.network.layers[l - 1]
    if quantity.isPerExample { return (layer.units, max(stepper.record.input.rows, 1)) }
    // The W map: a dense layer's W, or a batchnorm layer's γ, one column.
    return (layer.weights.rows, layer.weights.cols)
  }

  mutating func clampCursor() {
    cursor.layer = min(max(cursor.layer, 1), stepper.network.depth)
    let shape = displayedShape(layer: cursor.layer)
    cursor.row = min(max(cursor.row, 0), shape.rows - 1)
    cursor.column = min(max(cursor.column, 0), shape.cols - 1)
  }

  mutating func select(_ element: Cursor) {
    cursor = element
    clampCursor()
  }
}

extension Quantity {
  var next: Quantity {
    let all = Quantity.allCases
    return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
  }
}
