/// A problem with a data file, named with the file, the 1-based line and column, and the
/// column's name where there is one: `data.csv:3:2: column "x2": "abc" is not a number`.
/// Text taken from the file is shown through ``Excerpt``: short, with control characters escaped.
public struct DataError: Error, Equatable, CustomStringConvertible, Sendable {
  public var file: String
  public var line: Int?
  public var column: Int?
  public var columnName: String?
  public var message: String
  /// The file could not be opened at all (sysexits 66 rather than 65).
  public var isMissingFile: Bool

  public init(
    file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, message: String,
    isMissingFile: Bool = false
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.message = message
    self.isMissingFile = isMissingFile
  }

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    let name = columnName.map { "column \(Excerpt.quoted($0)): " } ?? ""
    return "\(place): \(name)\(message)"
  }
}
