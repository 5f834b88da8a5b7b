import ArgumentParser
import BackstepCore
import BackstepUI
import CursesTerminal
import Foundation
import TermGrid

/// `--record FILE.cast`: the session as it is shown, kept as an asciicast v2 file. A view
/// option, not a training setting, so a plain flag.
struct RecordOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Record the screen as shown into an asciinema asciicast v2 file, written when the program ends; play it back with `asciinema play FILE.cast`.",
      valueName: "file.cast"))
  var record: String?

  /// Runs the interactive loop on `state` in this terminal, recorded with --record, until q or
  /// a signal; a signal that ended it ends the program with the shell's 128 + n.
  func play(_ state: AppState) throws {
    let ending = try onTerminal { terminal, clock in
      var loop = RunLoop(state: state, terminal: terminal, clock: clock)
      return loop.run()
    }
    if case .signal(let signal) = ending { throw ExitCode(128 + signal.number) }
  }

  /// Runs `body` on the terminal, and on the system clock the recording's times come from;
  /// with --record, on a terminal that records what it shows, and the file is put in place once
  /// `body` returns. The file is opened before the terminal starts, so that a path that cannot
  /// be written is refused in the shell.
  func onTerminal<T>(_ body: (any Terminal, any RunClock) throws -> T) throws -> T {
    let writer = try record.map { path throws(FileError) in try AtomicFile.Writer(path: path) }
    let session = try TerminalSession.start()
    defer { session.close() }
    let clock = SystemClock()
    guard let writer else { return try body(session, clock) }
    let environment = ProcessInfo.processInfo.environment
    let cast = CastTerminal(
      recording: session, into: writer, clock: clock, timestamp: Int(Date().timeIntervalSince1970), title: "backstep",
      environment: ["TERM", "SHELL"].compactMap { name in environment[name].map { (name, $0) } })
    let result = try body(cast, clock)
    try cast.finish()
    return result
  }
}
