import BackstepCore
import Foundation

/// Exit statuses, from sysexits(3) where one fits.
enum ExitStatus {
  /// A gradient check failed, or training diverged (NaN or infinity).
  static let failed: Int32 = 1
  /// `train --break-on`: a breakpoint held and training stopped there.
  static let breakpoint: Int32 = 3
  static let usage: Int32 = 2
  static let dataError: Int32 = 65
  static let noInput: Int32 = 66
  static let cannotCreate: Int32 = 73
  static let software: Int32 = 70
  static let ioError: Int32 = 74
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
      case .ioError: ExitStatus.ioError
      }
    case is OutputError: ExitStatus.ioError
    case is Diverged: ExitStatus.failed
    case is BreakReached: ExitStatus.breakpoint
    case let e as DataError: e.isMissingFile ? ExitStatus.noInput : ExitStatus.dataError
    case is ConfigurationError: ExitStatus.usage
    default: ExitStatus.software
    }
  }

  /// Prints `backstep: message` on stderr and exits with the error's status. A reader that
  /// closed the pipe gets no message; when stderr itself cannot be written, the status is 74.
  static func report(_ error: Error) -> Never {
    if let e = error as? OutputError, e.isBrokenPipe { exit(ExitStatus.ioError) }
    exit(message("backstep: \(describe(error))", status: status(for: error)))
  }

  /// Prints `text` on stderr and returns `status`, or 74 when stderr cannot take it.
  static func message(_ text: String, status: Int32) -> Int32 {
    Console.error(text) ? status : ExitStatus.ioError
  }

  /// The text of an error. A setting the core refused is named as the flag when the flag was
  /// given: `--momentum: momentum must lie in [0, 1], not 2`.
  static func describe(_ error: Error) -> String {
    guard let e = error as? ConfigurationError, let setting = e.setting else { return "\(error)" }
    let flag = "--\(setting)"
    let given = CommandLine.arguments.contains { $0 == flag || $0.hasPrefix(flag + "=") }
    return given ? "\(flag): \(e.message)" : e.message
  }
}
