import Foundation

/// A CSV file split into a header and rows of trimmed text fields, each remembered with its
/// 1-based line, so that every later problem can be named with its line and column.
///
/// Accepted: a UTF-8 byte-order mark, LF or CRLF line ends, blank lines (skipped), fields in
/// double quotes (with "" for a quote), and `,` as the separator — or `;` or a tab when the
/// header uses that one and no comma.
struct CSVTable {
  var header: [String]
  /// Each data row with its 1-based line number.
  var rows: [(line: Int, fields: [String])]

  static func parse(bytes: [UInt8], file: String) throws -> CSVTable {
    var bytes = bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let (line, column) = firstInvalidUTF8(bytes) {
      throw DataError(file: file, line: line, column: column, message: "bytes that are not UTF-8 (at byte \(column) of the line)")
    }
    // Split on the bytes: in a Swift String, "\r\n" is one character and would not split.
    var lines: [(Int, String)] = []
    for (i, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
      let line = String(decoding: raw.last == 0x0D ? raw.dropLast() : raw, as: UTF8.self)
      if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
      lines.append((i + 1, line))
    }
    guard let (headerLine, headerText) = lines.first else {
      throw DataError(file: file, message: "the file is empty; it needs a header row naming the columns, then rows of numbers")
    }
    let separator: Character =
      headerText.contains(",") ? "," : (headerText.contains(";") ? ";" : (headerText.contains("\t") ? "\t" : ","))
    let header = try split(headerText, separator: separator, file: file, line: headerLine)
    var seen: [String: Int] = [:]
    for (i, name) in header.enumerated() {
      guard !name.isEmpty else {
        throw DataError(file: file, line: headerLine, column: i + 1, message: "the header has an empty column name")
      }
      if let first = seen[name] {
        throw DataError(
          file: file, line: headerLine, column: i + 1, message: "the column name \"\(name)\" is used twice (also column \(first + 1))")
      }
      seen[name] = i
    }
    guard lines.count > 1 else {
      throw DataError(file: file, line: headerLine, message: "the file has a header but no rows of data")
    }
    var rows: [(Int, [String])] = []
    rows.reserveCapacity(lines.count - 1)
    for (number, text) in lines.dropFirst() {
      let fields = try split(text, separator: separator, file: file, line: number)
      guard fields.count == header.count else {
        throw DataError(
          file: file, line: number, column: min(fields.count, header.count) + 1,
          message: "the row has \(fields.count) fields but the header names \(header.count) columns")
      }
      rows.append((number, fields))
    }
    return CSVTable(header: header, rows: rows)
  }

  /// Splits one line into trimmed fields, honouring double quotes.
  static func split(_ line: String, separator: Character, file: String, line number: Int) throws -> [String] {
    var fields: [String] = []
    var field = ""
    var quoted = false
    var wasQuoted = false
    var chars = Array(line)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if quoted {
        if c == "\"" {
          if i + 1 < chars.count && chars[i + 1] == "\"" {
            field.append("\"")
            i += 1
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
        quoted = true
        wasQuoted = true
        field = ""
      } else if c == separator {
        fields.append(wasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
        field = ""
        wasQuoted = false
      } else {
        field.append(c)
      }
      i += 1
    }
    if quoted {
      throw DataError(file: file, line: number, column: fields.count + 1, message: "a quoted field is not closed")
    }
    fields.append(wasQuoted ? field : field.trimmingCharacters(in: .whitespaces))
    chars.removeAll()
    return fields
  }

  /// The 1-based line and byte column of the first byte that breaks UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int)? {
    var line = 1, column = 1
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      let length: Int
      switch b {
      case 0x00...0x7F: length = 1
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: return (line, column)
      }
      if i + length > bytes.endIndex { return (line, column) }
      for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return (line, column) }
      if b == 0x0A {
        line += 1
        column = 1
      } else {
        column += length
      }
      i += length
    }
    return nil
  }
}
