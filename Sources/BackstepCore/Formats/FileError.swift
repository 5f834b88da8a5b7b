/// A file that could not be read or written, or whose contents are wrong.
///
/// Printed as a compiler would: `m.json:3:17: layers[0].units: expected a whole number, not "x"`,
/// or `m.json: no such file` when there is no position.
public struct FileError: Error, Equatable, CustomStringConvertible, Sendable {
  public enum Kind: Sendable, Equatable {
    /// The file does not exist or cannot be opened (sysexits 66).
    case missing
    /// The file is there but its contents are wrong (sysexits 65).
    case malformed
    /// The file cannot be created where asked (sysexits 73).
    case cannotWrite
    /// Writing or reading failed part way: a full disk, a device error (sysexits 74).
    case ioError
  }

  public var path: String
  public var message: String
  public var kind: Kind
  /// 1-based line and column of the problem, when it has a place in the file.
  public var line: Int?
  public var column: Int?

  public init(path: String, message: String, kind: Kind = .cannotWrite, line: Int? = nil, column: Int? = nil) {
    self.path = path
    self.message = message
    self.kind = kind
    self.line = line
    self.column = column
  }

  public var description: String {
    guard let line else { return "\(path): \(message)" }
    return "\(path):\(line):\(column ?? 1): \(message)"
  }
}
