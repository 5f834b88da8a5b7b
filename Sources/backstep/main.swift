import ArgumentParser
import BackstepCore
import CursesTerminal
import Foundation

// Parse and run by hand, so that a usage error exits with status 2 (the shell's convention)
// and every error from the core is reported as one clear line with its own status.
do {
  var command = try Backstep.parseAsRoot()
  try command.run()
} catch {
  switch error {
  case is ConfigurationError, is FileError, is DataError:
    Failure.report(error)
  case let e as TerminalError:
    Console.error("backstep: \(e)")
    exit(ExitStatus.usage)
  default:
    if Backstep.exitCode(for: error) == .validationFailure {
      Console.error(Backstep.fullMessage(for: error))
      exit(ExitStatus.usage)
    }
    Backstep.exit(withError: error)
  }
}
