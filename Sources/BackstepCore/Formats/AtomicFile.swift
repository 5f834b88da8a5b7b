import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a file so that readers see either the old contents or the new, never a part, and so
/// that nothing but the named file changes:
///
/// - A regular file (or a new one) is written to a temporary file beside it, then renamed over
///   it. The temporary file is removed on every way out: an error, a full disk, a signal.
/// - A symbolic link is followed: its target is replaced, and the link stays a link.
/// - A device, FIFO or socket (`/dev/full`, `/dev/stdout`, a named pipe) is written through,
///   never replaced by a regular file.
/// - A replaced file keeps its permissions (and, when allowed, its owner); a new file gets
///   0666 less the umask.
public enum AtomicFile {
  public static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  public static func write(_ data: Data, to path: String) throws {
    let writer = try Writer(path: path)
    do {
      try writer.write([UInt8](data))
      try writer.commit()
    } catch {
      writer.discard()
      throw error
    }
  }

  /// Checks, before long work, that `path` could be written: its directory exists and takes a
  /// new file, and it is not a directory. Creates nothing that stays.
  public static func check(_ path: String) throws(FileError) {
    try Writer(path: path, probe: true).discard()
  }

  /// A file being written: ``write(_:)`` the bytes, then ``commit()`` or ``discard()``.
  public final class Writer {
    /// The path as given, for messages.
    public let path: String
    private var fd: Int32
    /// The temporary file and the file it will replace; nil when writing through.
    private var temporary: (path: String, target: String, slot: Int?)?

    /// Opens `path` for writing. Throws ``FileError`` (`.cannotWrite`) saying why not.
    public init(path: String, probe: Bool = false) throws(FileError) {
      self.path = path
      func fail(_ code: Int32, creating: Bool = true) -> FileError {
        FileError(path: path, message: "cannot create the file here: \(Errno.reason(code, creating: creating))")
      }
      if let inherited = Self.descriptor(named: path) {
        guard !probe else {
          fd = -1
          return
        }
        fd = dup(inherited)
        guard fd >= 0 else { throw fail(errno, creating: false) }
        return
      }
      let target = try Self.resolveLinks(path)
      var info = stat()
      var mode: mode_t = 0o666
      var owner: (uid_t, gid_t)?
      if stat(target, &info) == 0 {
        let type = info.st_mode & S_IFMT
        guard type != S_IFDIR else { throw fail(EISDIR) }
        if type != S_IFREG {
          guard !probe else {
            guard access(target, W_OK) == 0 else { throw fail(errno, creating: false) }
            fd = -1
            return
          }
          fd = open(target, O_WRONLY | O_CLOEXEC)
          guard fd >= 0 else { throw fail(errno, creating: false) }
          return
        }
        mode = info.st_mode & 0o7777
        owner = (info.st_uid, info.st_gid)
      } else if errno != ENOENT {
        throw fail(errno)
      }
      let slash = target.lastIndex(of: "/")
      let directory = slash.map { String(target[...$0]) } ?? ""
      let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
      let temporaryPath = "\(directory).\(name).\(getpid()).tmp"
      unlink(temporaryPath)  // left by an earlier process with this id, killed by SIGKILL
      let slot = TemporaryFiles.register(temporaryPath)
      fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      guard fd >= 0 else {
        let code = errno
        TemporaryFiles.unregister(slot)
        throw fail(code)
      }
      temporary = (temporaryPath, target, slot)
      if let owner {
        if owner.0 != geteuid() || owner.1 != getegid() { _ = fchown(fd, owner.0, owner.1) }
        _ = fchmod(fd, mode)
      }
    }

    deinit { discard() }

    /// Appends bytes. A failure (a full disk, /dev/full) is `.ioError`, and the temporary file
    /// is removed at once.
    public func write(_ bytes: [UInt8]) throws(FileError) {
      var rest = bytes[...]
      while !rest.isEmpty {
        let n = rest.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if n < 0 {
          if errno == EINTR { continue }
          let code = errno
          discard()
          throw FileError(path: path, message: "cannot write: \(Errno.reason(code, creating: false))", kind: .ioError)
        }
        rest = rest.dropFirst(n)
      }
    }

    public func write(_ text: String) throws(FileError) { try write(Array(text.utf8)) }

    /// Puts the file in place: flushes it to disk and renames it over the target.
    public func commit() throws(FileError) {
      guard fd >= 0 else { return }
      if temporary != nil, fsync(fd) != 0, errno != EINVAL {
        let code = errno
        discard()
        throw FileError(path: path, message: "cannot write: \(Errno.reason(code, creating: false))", kind: .ioError)
      }
      let closed = close(fd)
      let closeError = errno
      fd = -1
      guard let (temporaryPath, target, slot) = temporary else {
        if closed != 0 { throw FileError(path: path, message: "cannot write: \(Errno.reason(closeError, creating: false))", kind: .ioError) }
        return
      }
      temporary = nil
      defer { TemporaryFiles.unregister(slot) }
      guard closed == 0, rename(temporaryPath, target) == 0 else {
        let code = closed != 0 ? closeError : errno
        unlink(temporaryPath)
        throw FileError(path: path, message: "cannot replace the file: \(Errno.reason(code, creating: false))", kind: .ioError)
      }
    }

    /// Abandons the file: removes the temporary file; the target is left as it was.
    public func discard() {
      if fd >= 0 { close(fd) }
      fd = -1
      if let (temporaryPath, _, slot) = temporary {
        unlink(temporaryPath)
        TemporaryFiles.unregister(slot)
      }
      temporary = nil
    }

    /// The descriptor a path names when it is one of this process's own streams
    /// (`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/3`): written through as the shell opened
    /// it, since following the link would replace the file behind a redirection.
    static func descriptor(named path: String) -> Int32? {
      switch path {
      case "/dev/stdout": return STDOUT_FILENO
      case "/dev/stderr": return STDERR_FILENO
      default:
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
          return Int32(path.dropFirst(prefix.count))
        }
        return nil
      }
    }

    /// The path that symbolic links at `path` lead to (which need not exist yet).
    static func resolveLinks(_ path: String) throws(FileError) -> String {
      var current = path
      for _ in 0..<40 {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(current, &buffer, buffer.count - 1)
        guard n >= 0 else { return current }
        let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if link.hasPrefix("/") {
          current = link
        } else {
          let slash = current.lastIndex(of: "/")
          current = (slash.map { String(current[...$0]) } ?? "") + link
        }
      }
      throw FileError(path: path, message: "cannot create the file here: \(Errno.reason(ELOOP, creating: true))")
    }
  }
}
