import BackstepCore

/// The inspector: the cursor over one of a layer's heat maps, moved by keys or a click.
extension Session {
  /// The shape of one of layer l's maps as drawn, rows × columns: units × examples for the
  /// per-example maps, W's (γ's n × 1) for W and dW, one column per unit for dβ,
  /// a recurrent layer's b and db H × 2 (b_ih, b_hh).
  public func displayedShape(layer l: Int, map: ShownMap) -> (rows: Int, cols: Int) {
    let layer = stepper.network.layers[l - 1]
    if columnsAreTimeSteps(layer: l, map: map) { return (layer.units, stepper.timeSteps ?? 1) }
    if map.isPerExample { return (layer.units, batchExamples) }
    if map == .weights || map == .dW { return (layer.weights.rows, layer.weights.cols) }
    // A recurrent layer's b and db have a column for b_ih and one for b_hh.
    return (layer.units, layer.recurrent != nil ? 2 : 1)
  }

  /// Whether the columns of layer l's `map` are time steps: a recurrent layer's z, a (h), f′
  /// and δ, drawn over time for the selected example (``TimeMaps``).
  public func columnsAreTimeSteps(layer l: Int, map: ShownMap) -> Bool {
    stepper.network.layers.indices.contains(l - 1) && stepper.network.layers[l - 1].recurrent != nil && TimeMaps.isOverTime(map)
  }

  /// Whether the columns of layer l's `map` are the batch's examples, so that the cursor's
  /// column and the selected example go together.
  public func columnsAreExamples(layer l: Int, map: ShownMap) -> Bool {
    map.isPerExample && !columnsAreTimeSteps(layer: l, map: map)
  }

  /// The maps of layer l's band the cursor can be on, left to right, with `quantity` in the
  /// first column: its map, a dense layer's b beside W, a batchnorm layer's x̂, f′(z) (unless
  /// δ_l never goes through it), δ, dW (dγ) and db (dβ).
  public func cursorMaps(layer l: Int, quantity: Quantity) -> [ShownMap] {
    let network = stepper.network
    let index = max(1, min(l, network.depth))
    let bn = network.layers[index - 1].batchNorm != nil
    let fPrime = NetworkTable.noFPrime(layer: index, network: network) == nil
    let bias = quantity == .weights && NetworkTable.shownBias(of: network.layers[index - 1]) != nil
    return [quantity.map] + (bias ? [.bias] : []) + (bn ? [.xhat] : []) + (fPrime ? [.fPrime] : []) + [.delta, .dW, .db]
  }
}

extension AppState {
  /// The shape of one of layer l's maps in the session on screen; the first column's (a, z or
  /// W) unless named.
  public func displayedShape(layer l: Int, map: ShownMap? = nil) -> (rows: Int, cols: Int) {
    focused.displayedShape(layer: l, map: map ?? view.quantity.map)
  }

  /// The maps of layer l's band the cursor can be on in the focused network, left to right
  /// (``Session/cursorMaps(layer:quantity:)``): the cursor moves over what the screen shows,
  /// and stands on the same cell in the other network where it has one.
  public func cursorMaps(layer l: Int) -> [ShownMap] { focused.cursorMaps(layer: l, quantity: view.quantity) }

  mutating func clampCursor() {
    cursor.layer = min(max(cursor.layer, 1), focused.stepper.network.depth)
    if !cursorMaps(layer: cursor.layer).contains(cursor.map) { cursor.map = view.quantity.map }
    let shape = displayedShape(layer: cursor.layer, map: cursor.map)
    cursor.row = min(max(cursor.row, 0), shape.rows - 1)
    cursor.column = min(max(cursor.column, 0), shape.cols - 1)
  }

  /// Moves the cursor by one element; past a map's left or right edge it goes on to the
  /// neighbouring map of the band, past its top or bottom edge to the band above or below
  /// (the output's is at the top), on the same map.
  mutating func moveCursor(dx: Int, dy: Int) {
    let maps = cursorMaps(layer: cursor.layer)
    let shape = displayedShape(layer: cursor.layer, map: cursor.map)
    let index = maps.firstIndex(of: cursor.map) ?? 0
    cursor.column += dx
    cursor.row += dy
    if cursor.column < 0, index > 0 {
      cursor.map = maps[index - 1]
      cursor.column = displayedShape(layer: cursor.layer, map: cursor.map).cols - 1
    } else if cursor.column >= shape.cols, index + 1 < maps.count {
      cursor.map = maps[index + 1]
      cursor.column = 0
    }
    if cursor.row < 0, cursor.layer < focused.stepper.network.depth {
      cursor.layer += 1
      cursor.row = displayedShape(layer: cursor.layer, map: cursor.map).rows - 1
    } else if cursor.row >= shape.rows, cursor.layer > 1 {
      cursor.layer -= 1
      cursor.row = 0
    }
    clampCursor()
    // On a per-example map the cursor's column is an example: the selection follows it.
    if focused.columnsAreExamples(layer: cursor.layer, map: cursor.map), cursor.column != example { example = cursor.column }
  }

  /// A clicked element: the cursor goes there, and on a per-example map its column's example
  /// is selected too.
  mutating func select(_ element: Cursor) {
    cursor = element
    clampCursor()
    if focused.columnsAreExamples(layer: cursor.layer, map: cursor.map) { selectExample(cursor.column) }
  }
}

extension Quantity {
  var next: Quantity {
    let all = Quantity.allCases
    return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
  }
}
