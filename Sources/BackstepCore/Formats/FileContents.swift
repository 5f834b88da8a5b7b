#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a whole file with open(2) and a read(2) loop.
///
/// Unlike `FileManager.contents(atPath:)` this reads pipes and FIFOs too (`--model <(…)`,
/// `mkfifo`), and when it fails it says why: no such file, permission denied, is a directory.
public enum FileContents {
  /// The bytes of the file at `path`, at most `limit` of them. Throws ``FileError`` of kind
  /// `.missing` when the file cannot be opened, `.ioError` when reading fails part way, and
  /// `.malformed` when it is larger than `limit`.
  public static func read(path: String, limit: Int = 1 << 31) throws(FileError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileError(path: path, message: Errno.reason(errno, creating: false), kind: .missing) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n == 0 { return bytes }
      if n < 0 {
        if errno == EINTR { continue }
        let kind: FileError.Kind = errno == EISDIR ? .missing : .ioError
        throw FileError(path: path, message: Errno.reason(errno, creating: false), kind: kind)
      }
      guard bytes.count + n <= limit else {
        throw FileError(path: path, message: "larger than \(limit >> 20) MiB, more than backstep reads", kind: .malformed)
      }
      bytes.append(contentsOf: chunk[0..<n])
    }
  }
}

/// Short, lower-case reasons for the errors a user can do something about.
public enum Errno {
  /// Why a file operation failed, for a message: "permission denied", "no such directory".
  /// `creating` says the path was to be created, where ENOENT means its directory is missing.
  public static func reason(_ code: Int32, creating: Bool) -> String {
    switch code {
    case ENOENT: creating ? "no such directory" : "no such file"
    case EACCES, EPERM: "permission denied"
    case EISDIR: "is a directory"
    case ENOTDIR: "a part of the path is not a directory"
    case EROFS: "read-only file system"
    case ENOSPC: "no space left on device"
    case EDQUOT: "disk quota exceeded"
    case ENAMETOOLONG: "the name is too long"
    case ELOOP: "too many symbolic links"
    case EEXIST: "a file is in the way"
    case EPIPE: "the reader went away"
    default:
      // strerror's text, with the first letter lowered so that it reads inside a sentence.
      String(cString: strerror(code)).prefix(1).lowercased() + String(cString: strerror(code)).dropFirst()
    }
  }
}
