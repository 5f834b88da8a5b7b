import BackstepCore
import Foundation

/// Exit statuses, from sysexits(3) where one fits.
enum ExitStatus {
  static let usage: Int32 = 2
  static let dataError: Int32 = 65
  static let noInput: Int32 = 66
  static let cannotCreate: Int32 = 73
  static let software: Int32 = 70
}

/// Turns any error into a one-line message on stderr and the exit status that names its kind.
enum Failure {
  static func status(for error: Error) -> Int32 {
    switch error {
    case let e as FileError:
      switch e.kind {
      case .missing: ExitStatus.noInput
      case .malformed: ExitStatus.dataError
      case .cannotWrite: ExitStatus.cannotCreate
      }
    case let e as DataError: e.isMissingFile ? ExitStatus.noInput : ExitStatus.dataError
    case is ConfigurationError: ExitStatus.usage
    default: ExitStatus.software
    }
  }

  static func report(_ error: Error) -> Never {
    Console.error("backstep: \(error)")
    exit(status(for: error))
  }
}

/// Writes to the standard streams without Foundation's buffering surprises.
enum Console {
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  static func error(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Whether stderr is a terminal, where a progress line makes sense.
  static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
