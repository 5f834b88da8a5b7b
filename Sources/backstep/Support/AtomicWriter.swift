import BackstepCore
import Foundation

/// Streams text into a temporary file beside `path` and renames it into place on `commit()`,
/// so that a long trace never leaves a partial file behind.
final class AtomicWriter {
  let path: String
  private let temporary: String
  private let handle: FileHandle

  init(path: String) throws {
    self.path = path
    let url = URL(fileURLWithPath: path)
    temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else {
      throw FileError(path: path, message: "cannot create the file here")
    }
    self.handle = handle
  }

  func write(_ text: String) throws {
    do {
      try handle.write(contentsOf: Data(text.utf8))
    } catch {
      throw FileError(path: path, message: "cannot write: \(error.localizedDescription)")
    }
  }

  func commit() throws {
    try? handle.close()
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      discard()
      throw FileError(path: path, message: "cannot replace the file: \(reason)")
    }
  }

  func discard() {
    try? handle.close()
    try? FileManager.default.removeItem(atPath: temporary)
  }
}
