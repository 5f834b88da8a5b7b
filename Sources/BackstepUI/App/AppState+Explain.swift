import BackstepCore

/// The value under the cursor explained: the core decomposes it once per change of the cursor,
/// the stage or the weights, and the screen reads the result.
extension AppState {
  /// Asks the core how the element under the cursor was made: one element's terms, at most a
  /// layer's width or the batch's size of products (about 0.5 ms for dW over a batch of 500 in
  /// a debug build, as long as a stage of that network), so run mode asks once a frame.
  public mutating func refreshExplanation() {
    session.explain(cursor)
    other?.explain(cursor)
  }
}

extension Session {
  /// Decomposes the element under `cursor` in this network, where it has that element.
  mutating func explain(_ cursor: Cursor) {
    explanation = stepper.decompose(layer: cursor.layer, map: cursor.map, row: cursor.row, column: cursor.column)
  }

  /// The stage that computes the map under `cursor` (forward(l) for a, z and x̂, backward(l)
  /// for δ, f′, dW and db, the update for W and b), from the stage's declared writes.
  public func stage(computing cursor: Cursor) -> Stage? {
    let ref = MapRef(layer: cursor.layer, map: cursor.map)
    return stepper.stages.first { StageFlow.of($0, network: stepper.network).writes.contains(ref) }
  }
}
