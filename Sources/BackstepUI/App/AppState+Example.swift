import BackstepCore

/// The selected example: one position of the current batch, followed through every layer.
extension AppState {
  /// Selects the example at `position`, wrapping at the batch's ends, and says which it is.
  /// A cursor on a per-example map goes to its column, so that the inspector follows it.
  mutating func selectExample(_ position: Int) {
    let count = batchExamples
    example = ((position % count) + count) % count
    if focused.columnsAreExamples(layer: cursor.layer, map: cursor.map) {
      cursor.column = example
      clampCursor()
    }
    message = exampleNote
  }

  /// "example 3 of 10 (training row 47)", 1-based as everywhere on screen; the row once known.
  var exampleNote: String {
    let row = focused.trainingRow(ofExample: example).map { " (training row \($0 + 1))" } ?? ""
    return "example \(example + 1) of \(batchExamples)\(row)"
  }

  /// A training point picked on the decision surface: selected when it is in the current
  /// batch, else a note that it is not.
  mutating func selectPoint(row: Int) {
    guard let position = focused.stepper.record.batchIndices.firstIndex(of: row) else {
      message = "training row \(row + 1) is not in this batch"
      return
    }
    // Compared networks with other batch sizes share the positions both batches have.
    guard position < batchExamples else {
      message = "training row \(row + 1) is example \(position + 1) of this batch; the other network's batch has \(batchExamples)"
      return
    }
    selectExample(position)
  }
}
