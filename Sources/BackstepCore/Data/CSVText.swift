import Foundation

/// The byte-level steps of reading CSV: checking the text, finding the lines, splitting a line
/// into fields. Each works on indices into one `[UInt8]` and visits every byte a bounded number
/// of times, so the whole read is linear in the file's size.
enum CSVText {
  static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), tab = UInt8(ascii: "\t")
  static let quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")

  /// Throws at the first byte that breaks UTF-8 or is NUL, naming its line and byte column.
  static func check(_ bytes: [UInt8], from start: Int, file: String) throws {
    guard let bad = TextScan.firstBadByte(bytes, from: start) else { return }
    throw DataError(
      file: file, line: bad.line, column: bad.column,
      message: bad.isNUL
        ? "a NUL byte: this looks like a binary file, not CSV text" : "bytes that are not UTF-8 (at byte \(bad.column) of the line)")
  }

  /// The lines that hold more than blanks, each with its 1-based number and its bytes (without
  /// the line end). A line ends at LF, CRLF or a lone CR.
  static func lines(_ bytes: [UInt8], from start: Int) -> [(number: Int, bytes: Range<Int>)] {
    var lines: [(Int, Range<Int>)] = []
    var number = 1, lineStart = start, blank = true
    var i = start
    while i <= bytes.count {
      let b: UInt8 = i < bytes.count ? bytes[i] : lf
      if b == lf || b == cr {
        if !blank { lines.append((number, lineStart..<i)) }
        if b == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 1 }
        number += 1
        lineStart = i + 1
        blank = true
      } else if b != space && b != tab {
        blank = false
      }
      i += 1
    }
    return lines
  }

  /// `,` when the header holds one, else `;` or a tab if it holds that, else `,`.
  static func separator(_ header: ArraySlice<UInt8>) -> UInt8 {
    for candidate: UInt8 in [0x2C, 0x3B, tab] where header.contains(candidate) { return candidate }
    return 0x2C
  }

  /// Splits one line into fields: unquoted ones trimmed of blanks, quoted ones kept exactly,
  /// with "" read as one quote. Text after a closing quote joins the field, less trailing blanks.
  static func fields(_ bytes: [UInt8], _ line: Range<Int>, separator: UInt8, file: String, line number: Int) throws -> [String] {
    func isBlank(_ b: UInt8) -> Bool { b == space || (b == tab && separator != tab) }
    /// The end of `start..<end` without its trailing blanks.
    func trimmedEnd(_ start: Int, _ end: Int) -> Int {
      var last = end
      while last > start && isBlank(bytes[last - 1]) { last -= 1 }
      return last
    }
    var fields: [String] = []
    var i = line.lowerBound
    let end = line.upperBound
    while true {
      while i < end && isBlank(bytes[i]) { i += 1 }
      if i < end && bytes[i] == quote {
        var field: [UInt8] = []
        i += 1
        var closed = false
        while i < end {
          // Copy up to the next quote in one piece.
          let next = bytes[i..<end].firstIndex(of: quote) ?? end
          field += bytes[i..<next]
          i = next
          guard i < end else { break }
          if i + 1 < end && bytes[i + 1] == quote {
            field.append(quote)
            i += 2
          } else {
            i += 1
            closed = true
            break
          }
        }
        guard closed else {
          throw DataError(file: file, line: number, column: fields.count + 1, message: "a quoted field is not closed")
        }
        let rest = bytes[i..<end].firstIndex(of: separator) ?? end
        field += bytes[i..<trimmedEnd(i, rest)]
        fields.append(String(decoding: field, as: UTF8.self))
        i = rest
      } else {
        let stop = bytes[i..<end].firstIndex(of: separator) ?? end
        let text = String(decoding: bytes[i..<trimmedEnd(i, stop)], as: UTF8.self)
        fields.append(text.trimmingCharacters(in: .whitespaces))
        i = stop
      }
      guard i < end else { return fields }
      i += 1  // past the separator
    }
  }
}
