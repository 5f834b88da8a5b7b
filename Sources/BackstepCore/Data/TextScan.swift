/// Finds where a text file stops being text, so that a reader can name the line and column of
/// the first bad byte instead of saying only that the file "is not UTF-8".
public enum TextScan {
  /// The first byte, from `start`, that is NUL or breaks UTF-8 (including overlong forms,
  /// surrogates and code points past U+10FFFF), with its 1-based line and byte column. Lines
  /// end at LF, CRLF or a lone CR. One pass over the bytes.
  public static func firstBadByte(_ bytes: [UInt8], from start: Int = 0) -> (line: Int, column: Int, isNUL: Bool)? {
    var line = 1, lineStart = start
    var i = start
    while i < bytes.count {
      let b = bytes[i]
      if b == 0 { return (line, i - lineStart + 1, true) }
      let length = utf8Length(bytes, at: i)
      guard length > 0 else { return (line, i - lineStart + 1, false) }
      if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
        line += 1
        lineStart = i + 1
      }
      i += length
    }
    return nil
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
    let second = bytes[i + 1]
    if b == 0xE0 && second < 0xA0 { return 0 }  // overlong
    if b == 0xED && second >= 0xA0 { return 0 }  // UTF-16 surrogate
    if b == 0xF0 && second < 0x90 { return 0 }  // overlong
    if b == 0xF4 && second >= 0x90 { return 0 }  // past U+10FFFF
    return length
  }
}
