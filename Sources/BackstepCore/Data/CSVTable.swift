import Foundation

/// A CSV file split into a header and rows of trimmed text fields, each remembered with its
/// 1-based line, so that every later problem can be named with its line and column.
///
/// Accepted: a UTF-8 byte-order mark, LF, CRLF or CR line ends, blank lines (skipped), fields in
/// double quotes (with "" for a quote), and `,` as the separator — or `;` or a tab when the
/// header uses that one and no comma. Refused: bytes that are not UTF-8, and NUL bytes.
///
/// Cost: every step walks the bytes by index and never re-reads what it has passed, so reading
/// is linear in the file's size, however many quotes a line holds.
struct CSVTable {
  var header: [String]
  /// Each data row with its 1-based line number.
  var rows: [(line: Int, fields: [String])]

  static func parse(bytes: [UInt8], file: String) throws -> CSVTable {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    try CSVText.check(bytes, from: start, file: file)
    let lines = CSVText.lines(bytes, from: start)
    guard let first = lines.first else {
      throw DataError(file: file, message: "the file is empty; it needs a header row naming the columns, then rows of numbers")
    }
    let separator = CSVText.separator(bytes[first.bytes])
    let header = try CSVText.fields(bytes, first.bytes, separator: separator, file: file, line: first.number)
    var seen: [String: Int] = [:]
    for (i, name) in header.enumerated() {
      guard !name.isEmpty else {
        throw DataError(file: file, line: first.number, column: i + 1, message: "the header has an empty column name")
      }
      if let earlier = seen[name] {
        throw DataError(
          file: file, line: first.number, column: i + 1,
          message: "the column name \(Excerpt.quoted(name)) is used twice (also column \(earlier + 1))")
      }
      seen[name] = i
    }
    guard lines.count > 1 else {
      throw DataError(file: file, line: first.number, message: "the file has a header but no rows of data")
    }
    var rows: [(Int, [String])] = []
    rows.reserveCapacity(lines.count - 1)
    for line in lines.dropFirst() {
      let fields = try CSVText.fields(bytes, line.bytes, separator: separator, file: file, line: line.number)
      guard fields.count == header.count else {
        throw DataError(
          file: file, line: line.number, column: min(fields.count, header.count) + 1,
          message: "the row has \(fields.count) fields but the header names \(header.count) columns")
      }
      rows.append((line.number, fields))
    }
    return CSVTable(header: header, rows: rows)
  }
}
