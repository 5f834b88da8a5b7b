/// A metrics file being written, one row per step as training goes (``MetricsTable`` makes the
/// text), so that a long run holds no rows in memory.
///
/// The rows go to a temporary file (``AtomicFile/Writer``) that ``commit()`` renames over the
/// path: until then an existing file stays as it was, and a run that fails or is interrupted
/// leaves it untouched and no partial file behind.
public final class MetricsWriter {
  /// The path as given, for messages.
  public var path: String { file.path }
  /// Rows written so far.
  public private(set) var rows = 0
  private let file: AtomicFile.Writer

  /// Opens `path` and writes the header of a network of `layers` layers. Throws
  /// ``FileError`` when the file cannot be created there.
  public init(path: String, layers: Int) throws(FileError) {
    file = try AtomicFile.Writer(path: path)
    try file.write(MetricsTable.header(layers: layers) + "\n")
  }

  /// Writes the row of one step.
  public func append(_ d: IterationDiagnostics) throws(FileError) {
    try file.write(MetricsTable.row(d) + "\n")
    rows += 1
  }

  /// Puts the file in place.
  public func commit() throws(FileError) { try file.commit() }

  /// Abandons the file; an existing one is left as it was.
  public func discard() { file.discard() }

  /// Writes `entries` (the steps of a ``TrainingHistory``) to `path` at once, atomically, for a
  /// network of `layers` layers. Returns the number of rows.
  @discardableResult
  public static func write(_ entries: [IterationDiagnostics], layers: Int, to path: String) throws(FileError) -> Int {
    let writer = try MetricsWriter(path: path, layers: layers)
    do {
      for d in entries { try writer.append(d) }
      try writer.commit()
    } catch {
      writer.discard()
      throw error
    }
    return writer.rows
  }
}
