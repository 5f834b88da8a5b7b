/// A network or training setting that cannot work, with a sentence that says what is wrong.
///
/// Construction never traps on bad settings: it throws one of these, and the command line
/// prints `description` and exits with a usage status.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible, Sendable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
