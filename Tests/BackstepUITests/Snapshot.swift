import Foundation
import TermGrid
import Testing

/// Compares a frame with its snapshot file under `Snapshots/`: the text of the frame, then its
/// colour layer (a style code per cell and a legend of styles).
///
/// Set `BACKSTEP_RECORD_SNAPSHOTS=1` to write the files afresh; review the diff before
/// committing. A missing file is recorded and the test fails, so nothing passes unseen.
func expectSnapshot(_ frame: Frame, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let file = directory.appendingPathComponent(name + ".txt")
  let actual = frame.plainText + "\n-- colours --\n" + frame.colorLayer + "\n"
  let record = ProcessInfo.processInfo.environment["BACKSTEP_RECORD_SNAPSHOTS"] == "1"
  let expected = try? String(contentsOf: file, encoding: .utf8)
  if record || expected == nil {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    if expected == nil { Issue.record("recorded a new snapshot \(name).txt; run the tests again", sourceLocation: sourceLocation) }
    return
  }
  if actual != expected {
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = (expected ?? "").split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
    Issue.record(
      """
      snapshot \(name).txt differs at line \(line + 1):
        expected: \(line < e.count ? String(e[line]) : "<end>")
        actual:   \(line < a.count ? String(a[line]) : "<end>")
      (BACKSTEP_RECORD_SNAPSHOTS=1 re-records)
      """, sourceLocation: sourceLocation)
  }
}

extension Frame {
  /// Whether any cell outside `rect` differs from a blank cell.
  func touchesOutside(_ rect: Rect) -> Bool {
    for y in 0..<height {
      for x in 0..<width where !rect.contains(x: x, y: y) && self[x, y] != .blank {
        return true
      }
    }
    return false
  }
}
