import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A child process run with `posix_spawnp`, its standard output sent to a file and read back
/// after `waitpid`. Nothing is left for a forked daemon to hold open.
enum Spawn {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Starts `argv` (looked up on `PATH`) as a shell would, and returns its process id without
  /// waiting. A shell starts children with no signals blocked and default handlers; the test
  /// runner's own mask must not leak into tmux, or into a program a test signals. Standard
  /// output goes to `outPath`; the other streams to /dev/null.
  static func start(_ argv: [String], environment: [String: String]? = nil, outPath: String = "/dev/null") throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      cArgs.forEach { free($0) }
      cEnv.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
    guard spawned == 0 else { throw Failure(description: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
    return pid
  }

  /// Runs `argv` (looked up on `PATH`) and returns its standard output. Gives up after
  /// `timeout` seconds, killing the child.
  static func output(_ argv: [String], environment: [String: String], timeout: Double = 20) throws -> String {
    let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: outPath) }
    let pid = try start(argv, environment: environment, outPath: outPath)

    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      if Date() > deadline {
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        throw Failure(description: "\(argv.joined(separator: " ")) did not finish in \(timeout) s")
      }
      usleep(5_000)
    }
    return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
  }
}
