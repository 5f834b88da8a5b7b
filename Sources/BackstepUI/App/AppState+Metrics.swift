import BackstepCore

/// `:metrics FILE.csv`: the history so far as a metrics file, for a notebook.
extension AppState {
  /// Writes the steps the history keeps to a metrics file, atomically, and says how many: every
  /// step, or one in `stride` once a long run has thinned the history (docs/formats.md).
  mutating func writeMetrics(to path: String) throws {
    let history = stepper.history
    guard let first = history.entries.first, let last = history.entries.last else {
      message = "no steps to write yet; \(path) unchanged"
      return
    }
    let rows = try MetricsWriter.write(history.entries, layers: stepper.network.depth, to: path)
    let kept = history.stride == 1 ? "" : ", one in \(history.stride)"
    message = "wrote \(rows) rows (steps \(first.step)–\(last.step)\(kept)) to \(path)"
  }
}
