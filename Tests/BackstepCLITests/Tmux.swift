import Foundation

/// Drives the real binary in a tmux session, as a person at a terminal would: start it,
/// send keys, read the screen.
final class Tmux {
  let socket = "backstep-test-\(UUID().uuidString.prefix(8))"
  let session = "t"

  /// Starts `backstep args…` in a detached session of the given size. The shell around it
  /// records `stty -g` before and after, and the exit status, in `directory`.
  init(_ args: [String], width: Int = 120, height: Int = 36, environment: [String: String] = [:]) throws {
    directory = try Binary.temporaryDirectory()
    // A UTF-8 locale unless the test says otherwise, whatever the machine running the tests has.
    let env = ["LC_ALL": "C.UTF-8"].merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    let command =
      "stty -g > \(directory)/before; env \(env) '\(Binary.path)' \(args.joined(separator: " ")); echo $? > \(directory)/status; stty -g > \(directory)/after; sleep 60"
    try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command])
  }

  /// Starts an interactive shell, with job control (Ctrl-Z stops the job in the foreground,
  /// `fg` continues it), whose prompt is ``prompt`` and a space; the test types the commands.
  init(shellWidth width: Int = 120, height: Int = 36) throws {
    directory = try Binary.temporaryDirectory()
    try tmux(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "env PS1='\(Tmux.prompt) ' bash --norc --noprofile -i"])
  }

  static let prompt = "shell>"

  let directory: String

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Runs `tmux -L socket args…` and returns what it printed.
  ///
  /// Spawned with `posix_spawn` and reaped with `waitpid` rather than through `Process`:
  /// `new-session` forks the tmux server, and Foundation's child watcher can then miss the
  /// client's exit and wait forever.
  @discardableResult
  func tmux(_ args: [String]) throws -> String {
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = env["TERM"].flatMap { $0.isEmpty || $0 == "dumb" ? nil : $0 } ?? "xterm-256color"
    return try Spawn.output(["tmux", "-L", socket] + args, environment: env)
  }

  func send(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

  /// Sends raw bytes, given in hex ("e9"), whatever they mean to the terminal.
  func sendBytes(_ hex: [String]) throws { try tmux(["send-keys", "-t", session, "-H"] + hex) }

  var screen: String { (try? tmux(["capture-pane", "-p", "-t", session])) ?? "" }

  /// Waits up to `seconds` for the screen to satisfy `condition`; returns the last screen.
  @discardableResult
  func wait(seconds: Double = 20, until condition: (String) -> Bool) -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var text = screen
    while !condition(text) && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.05)
      text = screen
    }
    return text
  }

  /// The screen once it has stopped changing for a moment.
  func settled() -> String {
    var previous = screen
    for _ in 0..<40 {
      Thread.sleep(forTimeInterval: 0.12)
      let now = screen
      if now == previous { return now }
      previous = now
    }
    return previous
  }

  /// The bytes the program sends to the terminal in the next `seconds`, as tmux reads them
  /// from the pane (what an SSH connection would carry): `pipe-pane` copies them into a file.
  func bytesSent(during seconds: Double) throws -> Int {
    let file = directory + "/sent-\(UUID().uuidString.prefix(8))"
    guard FileManager.default.createFile(atPath: file, contents: nil) else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file]) }
    try tmux(["pipe-pane", "-o", "-t", session, "cat >> '\(file)'"])
    Thread.sleep(forTimeInterval: seconds)
    try tmux(["pipe-pane", "-t", session])
    // The copy ends when tmux closes its pipe; what was read by then is in the file.
    Thread.sleep(forTimeInterval: 0.3)
    let attributes = try FileManager.default.attributesOfItem(atPath: file)
    return (attributes[.size] as? NSNumber)?.intValue ?? 0
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
  }

  /// The program's exit status, once it has exited.
  ///
  /// Waits up to `seconds`: on a machine busy with the rest of the tests a debug build can take
  /// seconds to get the CPU; a program that does not exit at all still fails, only later. When
  /// it times out it writes the screen and whether the program still runs to stderr, so that a
  /// failure says what the program was doing.
  func exitStatus(seconds: Double = 30) -> Int? {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if let text = try? String(contentsOfFile: directory + "/status", encoding: .utf8) {
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      Thread.sleep(forTimeInterval: 0.05)
    }
    let running = (try? programPID()).flatMap { $0 }.map { "still running as pid \($0)" } ?? "not running"
    FileHandle.standardError.write(Data("no exit status after \(seconds) s; the program is \(running); the screen:\n\(screen)\n".utf8))
    return nil
  }

  /// Whether `stty -g` after the program equals `stty -g` before it.
  var terminalRestored: Bool {
    Thread.sleep(forTimeInterval: 0.2)
    let before = try? String(contentsOfFile: directory + "/before", encoding: .utf8)
    let after = try? String(contentsOfFile: directory + "/after", encoding: .utf8)
    return before != nil && before == after
  }

  /// Whether the pane is back on the normal screen (not the alternate one).
  var normalScreen: Bool { ((try? tmux(["display-message", "-p", "-t", session, "#{alternate_on}"])) ?? "").hasPrefix("0") }

  /// The process id of the program in the pane.
  func programPID() throws -> Int32? {
    let shell = try tmux(["display-message", "-p", "-t", session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try Spawn.output(["pgrep", "-P", shell, "-x", "backstep"], environment: ProcessInfo.processInfo.environment)
    return Int32(children.split(separator: "\n").first ?? "")
  }
}
