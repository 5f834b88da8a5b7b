/// A strict JSON parser (RFC 8259) that keeps the line and column of every value.
///
/// Foundation's decoders lose positions, so a model file with a stray comma or a word where a
/// number belongs could only be called "not valid JSON". This parser says where, and why.
/// Nesting is limited to ``maxDepth`` so that a file of a million `[` cannot exhaust the stack.
/// Accepted beyond the RFC: a leading UTF-8 byte-order mark. Refused: duplicate keys, invalid
/// UTF-8, numbers beyond a double's range.
public struct JSONParser {
  /// Deeper nesting than any file backstep writes (a model file nests four deep).
  public static let maxDepth = 64

  /// A place in the text that is not JSON, and what was wrong there.
  public struct SyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String
  }

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0
  /// The last column computed and where, so that columns on a long line cost O(1) each.
  private var columnCache = (index: 0, column: 1)

  /// Parses one JSON text. Throws ``SyntaxError`` with the position of the first problem.
  public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      parser.index = 3
      parser.lineStart = 3
      parser.columnCache = (3, 1)
    }
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.index == bytes.count else { throw parser.error("unexpected \(parser.found) after the end of the document") }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  // MARK: Positions

  private mutating func column(at i: Int) -> Int {
    var (from, column) = columnCache.index >= lineStart && columnCache.index <= i ? columnCache : (lineStart, 1)
    while from < i {
      if bytes[from] & 0xC0 != 0x80 { column += 1 }
      from += 1
    }
    columnCache = (i, column)
    return column
  }

  private mutating func error(_ message: String, at i: Int? = nil) -> SyntaxError {
    SyntaxError(line: line, column: column(at: i ?? index), message: message)
  }

  /// The next character as a message should show it.
  private var found: String {
    guard index < bytes.count else { return "end of file" }
    let b = bytes[index]
    if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    return b < 0x80 ? "byte 0x\(String(b, radix: 16, uppercase: true))" : "non-ASCII text"
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  // MARK: Values

  private mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
    guard depth < Self.maxDepth else { throw error("nested more than \(Self.maxDepth) deep") }
    guard index < bytes.count else { throw error("expected a value, found end of file") }
    let (l, c) = (line, column(at: index))
    let kind: JSONValue.Kind
    switch bytes[index] {
    case UInt8(ascii: "{"): kind = try object(depth: depth)
    case UInt8(ascii: "["): kind = try array(depth: depth)
    case UInt8(ascii: "\""): kind = .string(try string())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = try number()
    case UInt8(ascii: "t"): kind = try literal("true", .bool(true))
    case UInt8(ascii: "f"): kind = try literal("false", .bool(false))
    case UInt8(ascii: "n"): kind = try literal("null", .null)
    default: throw error("expected a value, found \(found)")
    }
    return JSONValue(kind, line: l, column: c)
  }

  private mutating func literal(_ word: String, _ kind: JSONValue.Kind) throws(SyntaxError) -> JSONValue.Kind {
    let utf8 = Array(word.utf8)
    guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
      throw error("expected a value, found \(word.first == "n" ? "a word" : found); strings need double quotes")
    }
    index += utf8.count
    return kind
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
    guard index < bytes.count, bytes[index] == byte else { throw error("expected \(what), found \(found)") }
    index += 1
  }

  private mutating func array(depth: Int) throws(SyntaxError) -> JSONValue.Kind {
    index += 1
    var items: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value(depth: depth + 1))
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw error("a comma before ']' (no trailing commas in JSON)") }
        continue
      }
      try expect(UInt8(ascii: "]"), "',' or ']'")
      return .array(items)
    }
  }

  private mutating func object(depth: Int) throws(SyntaxError) -> JSONValue.Kind {
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    var keys = Set<String>()
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      let keyStart = index
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error(
          index < bytes.count && bytes[index] == UInt8(ascii: "}")
            ? "a comma before '}' (no trailing commas in JSON)" : "expected a key in double quotes, found \(found)")
      }
      let key = try string()
      guard keys.insert(key).inserted else { throw error("the key \(JSONText.string(key)) appears twice", at: keyStart) }
      skipSpace()
      try expect(UInt8(ascii: ":"), "':' after the key")
      skipSpace()
      members.append((key, try value(depth: depth + 1)))
      skipSpace()
      if index < bytes.count, bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "',' or '}'")
      return .object(members)
    }
  }

  private mutating func digits() -> Int {
    let start = index
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
    return index - start
  }

  private mutating func number() throws(SyntaxError) -> JSONValue.Kind {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    let intStart = index
    guard digits() > 0 else { throw error("expected a digit after '-', found \(found)") }
    if bytes[intStart] == UInt8(ascii: "0") && index - intStart > 1 { throw error("a number may not start with 0", at: intStart) }
    var whole = true
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      whole = false
      index += 1
      guard digits() > 0 else { throw error("expected a digit after '.', found \(found)") }
    }
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
      whole = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { throw error("expected a digit in the exponent, found \(found)") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let x = Double(text), x.isFinite else { throw error("\(text) is too large for a double", at: start) }
    guard whole else { return .number(x, exact: nil) }
    return .number(x, exact: Int(text) ?? UInt64(text).map { Int(Int64(bitPattern: $0)) })
  }

  private mutating func string() throws(SyntaxError) -> String {
    index += 1
    var out: [UInt8] = []
    while true {
      guard index < bytes.count else { throw error("a string is not closed before the end of file") }
      let b = bytes[index]
      switch b {
      case UInt8(ascii: "\""):
        index += 1
        guard let s = String(validating: out, as: UTF8.self) else { throw error("a string is not valid UTF-8") }
        return s
      case UInt8(ascii: "\\"):
        try escape(into: &out)
      case 0..<0x20:
        throw error(b == 0x0A ? "a string is not closed before the end of the line" : "a control character in a string must be escaped")
      default:
        out.append(b)
        index += 1
      }
    }
  }

  private mutating func escape(into out: inout [UInt8]) throws(SyntaxError) {
    let at = index
    index += 1
    guard index < bytes.count else { throw error("a string is not closed before the end of file") }
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
      UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]
    if let byte = simple[bytes[index]] {
      out.append(byte)
      index += 1
      return
    }
    guard bytes[index] == UInt8(ascii: "u") else { throw error("unknown escape \\ followed by \(found)", at: at) }
    index += 1
    var scalar = try hex4(at: at)
    if (0xD800..<0xDC00).contains(scalar) {
      guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
        throw error("a \\u escape of a high surrogate without its low half", at: at)
      }
      index += 2
      let low = try hex4(at: at)
      guard (0xDC00..<0xE000).contains(low) else { throw error("a \\u escape of a high surrogate without its low half", at: at) }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let u = Unicode.Scalar(scalar) else { throw error("a \\u escape of a lone low surrogate", at: at) }
    out.append(contentsOf: Array(String(Character(u)).utf8))
  }

  private mutating func hex4(at: Int) throws(SyntaxError) -> UInt32 {
    guard bytes.count - index >= 4, let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
      bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
    else { throw error("\\u needs four hexadecimal digits", at: at) }
    index += 4
    return v
  }
}
