/// A network or training setting that cannot work, with a sentence that says what is wrong.
///
/// Construction never traps on bad settings: it throws one of these. The core names the
/// setting (`momentum`, `layers`, …) and never says how it was given; the reader that took the
/// value adds that: the command line as `--momentum`, a settings file as `FILE:LINE:COL`, the
/// prompt as `:momentum`.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The setting at fault, in the config file's spelling (`train-ratio`), when one is.
  public let setting: String?
  /// A sentence that reads well alone: "momentum must lie in [0, 1], not 2".
  public let message: String

  public init(_ message: String, setting: String? = nil) {
    self.message = message
    self.setting = setting
  }

  public var description: String { message }
}
