import BackstepCore

/// The selected example: one position of the current batch, followed through every layer.
extension AppState {
  /// The examples a batch holds as the maps draw them: the current record's rows, or the
  /// schedule's batch size before the first batch is drawn.
  public var batchExamples: Int { max(stepper.record.input.rows, stepper.schedule.batchSize, 1) }

  /// The 0-based training row of the example at `position`, once its batch is drawn.
  public func trainingRow(ofExample position: Int) -> Int? {
    let rows = stepper.record.batchIndices
    return rows.indices.contains(position) ? rows[position] : nil
  }

  /// Selects the example at `position`, wrapping at the batch's ends, and says which it is.
  /// A cursor on a per-example map goes to its column, so that the inspector follows it.
  mutating func selectExample(_ position: Int) {
    let count = batchExamples
    example = ((position % count) + count) % count
    if cursor.map.isPerExample {
      cursor.column = example
      clampCursor()
    }
    message = exampleNote
  }

  /// "example 3 of 10 (training row 47)", 1-based as everywhere on screen; the row once known.
  var exampleNote: String {
    let row = trainingRow(ofExample: example).map { " (training row \($0 + 1))" } ?? ""
    return "example \(example + 1) of \(batchExamples)\(row)"
  }

  /// A training point picked on the decision surface: selected when it is in the current
  /// batch, else a note that it is not.
  mutating func selectPoint(row: Int) {
    guard let position = stepper.record.batchIndices.firstIndex(of: row) else {
      message = "training row \(row + 1) is not in this batch"
      return
    }
    selectExample(position)
  }
}
