import BackstepCore
import Foundation

/// Standard output could not be written: a full disk, a closed stream, a reader that went away.
struct OutputError: Error, CustomStringConvertible {
  let code: Int32

  /// The reader of a pipe closed it (`backstep trace | head -1`): not worth a message.
  var isBrokenPipe: Bool { code == EPIPE }

  var description: String {
    code == EBADF ? "standard output is closed" : "cannot write to standard output: \(Errno.reason(code, creating: false))"
  }
}

/// Writes to the standard streams with write(2), so that a failure is an error to report and
/// not a trap: Foundation's `FileHandle.write` stops the program on Linux when a write fails.
enum Console {
  /// Standard streams that were closed when the program started (`backstep train >&-`).
  /// Their descriptors are held on /dev/null so that no file opened later takes their number,
  /// and writing to them fails as writing to a closed stream does.
  nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []

  /// SIGPIPE's action at start (nil is SIG_DFL), for ``restoreBrokenPipeSignal()``.
  nonisolated(unsafe) private static var pipeActionAtStart: sighandler_t?
  nonisolated(unsafe) private static var prepared = false

  /// Call first: ignores SIGPIPE, so that a closed pipe is an EPIPE error here and not a silent
  /// death, and holds closed standard descriptors on /dev/null.
  static func prepare() {
    pipeActionAtStart = signal(SIGPIPE, SIG_IGN)
    prepared = true
    for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
      let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
      if null >= 0 && null != fd {
        dup2(null, fd)
        close(null)
      }
      closedAtStart.insert(fd)
    }
  }

  /// Puts back SIGPIPE's action from start, for the visualizer: it writes to a terminal, not a
  /// pipe, and its session ends the process on SIGPIPE after restoring the terminal.
  static func restoreBrokenPipeSignal() {
    if prepared { signal(SIGPIPE, pipeActionAtStart) }
  }

  /// Writes a line to stdout. Throws ``OutputError`` when it cannot.
  static func out(_ text: String) throws(OutputError) {
    let code = write(text + "\n", to: STDOUT_FILENO)
    if code != 0 { throw OutputError(code: code) }
  }

  /// Writes a line to stderr. Returns false when stderr cannot be written, so that the caller
  /// can still exit with the right status.
  @discardableResult
  static func error(_ text: String) -> Bool {
    write(text + "\n", to: STDERR_FILENO) == 0
  }

  /// Writes all of `text` to `fd`, retrying short writes and interruptions. Returns 0, or the
  /// errno of the failure.
  static func write(_ text: String, to fd: Int32) -> Int32 {
    if closedAtStart.contains(fd) { return EBADF }
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      bytes = bytes.dropFirst(n)
    }
    return 0
  }

  /// Whether stderr is a terminal, where a progress line makes sense.
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
