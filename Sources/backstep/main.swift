import ArgumentParser
import BackstepCore
import CursesTerminal
import Foundation

// Parse and run by hand, so that a usage error exits with status 2 (the shell's convention),
// every error from the core is reported as one clear line with its own status, and nothing is
// printed through a path that traps when the stream is full or closed.
Console.prepare()
// A kernel path asked for by name that this machine cannot run is refused before anything runs,
// rather than measured or trained on another path without a word.
if let problem = KernelPath.selection.problem { exit(Failure.message("backstep: \(problem)", status: ExitStatus.usage)) }
do {
  var command = try Backstep.parseAsRoot()
  if command is View { Console.restoreBrokenPipeSignal() }
  try command.run()
} catch {
  switch error {
  case is ConfigurationError, is FileError, is DataError, is OutputError, is Diverged, is BreakReached:
    Failure.report(error)
  case let e as TerminalError:
    exit(Failure.message("backstep: \(e)", status: ExitStatus.usage))
  default:
    let code = Backstep.exitCode(for: error)
    let text = Backstep.fullMessage(for: error)
    let status = code == .validationFailure ? ExitStatus.usage : code.rawValue
    if text.isEmpty { exit(status) }
    if code.isSuccess {
      // --help and --version: the text belongs on stdout.
      do { try Console.out(text) } catch { Failure.report(error) }
      exit(status)
    }
    exit(Failure.message(text, status: status))
  }
}
