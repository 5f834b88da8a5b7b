#if canImport(Glibc)
  import Glibc
#endif

/// Temporary files that must not outlive the program: an interrupted `trace --out` used to leave
/// hidden `.NAME.PID.tmp` files behind, some of them hundreds of megabytes.
///
/// The paths are kept as C strings in a fixed table, so that a signal handler can unlink them
/// with nothing but async-signal-safe calls. The handler then restores the signal's previous
/// action and raises it again, so that the program still dies of the signal (status 130, 143,
/// a crash report) as it would have without it.
enum TemporaryFiles {
  /// Signals that end the program: interruptions, and crashes.
  static let fatalSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGXCPU, SIGXFSZ, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV]
  static let capacity = 8

  /// `capacity` slots, each a malloc'd C string or nil.
  nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    p.initialize(repeating: nil, count: capacity)
    return p
  }()

  /// The action each signal had before ours, indexed by signal number.
  nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    p.initialize(repeating: sigaction(), count: 65)
    return p
  }()

  nonisolated(unsafe) static var installed = false

  /// Remembers `path` for removal if a signal ends the program. Returns its slot, or nil when
  /// the table is full (the file is then still removed on every other way out).
  static func register(_ path: String) -> Int? {
    installHandlers()
    for i in 0..<capacity where slots[i] == nil {
      slots[i] = strdup(path)
      return i
    }
    return nil
  }

  /// Forgets a path, once the file has been renamed into place or removed.
  static func unregister(_ slot: Int?) {
    guard let slot, let path = slots[slot] else { return }
    slots[slot] = nil
    free(path)
  }

  private static func installHandlers() {
    guard !installed else { return }
    installed = true
    _ = (slots, previous)  // initialised here, never first inside the handler
    for sig in fatalSignals {
      // A signal ignored at start (`nohup`, a background job of a script) stays ignored.
      sigaction(sig, nil, previous + Int(sig))
      if let old = previous[Int(sig)].__sigaction_handler.sa_handler, unsafeBitCast(old, to: Int.self) == 1 { continue }  // SIG_IGN
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { sig in
        for i in 0..<TemporaryFiles.capacity {
          if let path = TemporaryFiles.slots[i] { unlink(path) }
        }
        sigaction(sig, TemporaryFiles.previous + Int(sig), nil)
        raise(sig)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(sig, &action, previous + Int(sig))
    }
  }
}
