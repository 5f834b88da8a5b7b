import Foundation

/// Writes a file so that readers see either the old contents or the new, never a part:
/// the bytes go to a temporary file beside the target, which is then renamed over it.
public enum AtomicFile {
  public static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  public static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try data.write(to: temporary)
    } catch {
      throw FileError(path: path, message: "cannot write: \(Self.reason(error))")
    }
    if rename(temporary.path, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw FileError(path: path, message: "cannot replace the file: \(reason)")
    }
  }

  static func reason(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return ns.localizedDescription
  }
}

/// A file that could not be read or written, or whose contents are wrong.
public struct FileError: Error, Equatable, CustomStringConvertible, Sendable {
  public enum Kind: Sendable, Equatable {
    /// The file does not exist or cannot be opened (sysexits 66).
    case missing
    /// The file is there but its contents are wrong (sysexits 65).
    case malformed
    /// Writing failed (sysexits 73).
    case cannotWrite
  }

  public var path: String
  public var message: String
  public var kind: Kind

  public init(path: String, message: String, kind: Kind = .cannotWrite) {
    self.path = path
    self.message = message
    self.kind = kind
  }

  public var description: String { "\(path): \(message)" }
}
