import Foundation

/// The byte-level steps of reading CSV: checking the text, finding the lines, splitting a line
/// into fields. Each works on indices into one `[UInt8]` and visits every byte a bounded number
/// of times, so the whole read is linear in the file's size.
enum CSVText {
  static let lf: UInt8 = 0x0A
  static let cr: UInt8 = 0x0D
  static let quote: UInt8 = 0x22
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09

  /// Throws at the first byte that breaks UTF-8 or is NUL, naming its line and byte column.
  static func check(_ bytes: [UInt8], from start: Int, file: String) throws {
    var line = 1, lineStart = start
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b == 0 {
        throw DataError(
          file: file, line: line, column: i - lineStart + 1, message: "a NUL byte: this looks like a binary file, not CSV text")
      }
      let length = utf8Length(bytes, at: i)
      guard length > 0 else {
        throw DataError(
          file: file, line: line, column: i - lineStart + 1, message: "bytes that are not UTF-8 (at byte \(i - lineStart + 1) of the line)")
      }
      if b == lf || (b == cr && (i + 1 == bytes.count || bytes[i + 1] != lf)) {
        line += 1
        lineStart = i + 1
      }
      i += length
    }
  }

  /// The length of the well-formed UTF-8 sequence at `i`, or 0 if it is not one.
  static func utf8Length(_ bytes: [UInt8], at i: Int) -> Int {
    let b = bytes[i]
    let length: Int
    switch b {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard i + length <= bytes.count else { return 0 }
    for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return 0 }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    let second = bytes[i + 1]
    if b == 0xE0 && second < 0xA0 { return 0 }
    if b == 0xED && second >= 0xA0 { return 0 }
    if b == 0xF0 && second < 0x90 { return 0 }
    if b == 0xF4 && second >= 0x90 { return 0 }
    return length
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
