/// A value of a parsed JSON document together with its path in it (`layers[0].units`), so that
/// a reader can ask for the kind it needs and get a ``FileError`` that names the file, the
/// line and column, the field and what was there instead.
struct JSONField {
  let value: JSONValue
  /// The field's place in the document, as `training.lr` or `layers[2].weights[0][1]`.
  let path: String
  /// The file name used in messages.
  let file: String

  /// An error at this field: `FILE:LINE:COL: path: message`.
  func fail(_ message: String) -> FileError {
    FileError(
      path: file, message: path.isEmpty ? message : "\(path): \(message)", kind: .malformed, line: value.line, column: value.column)
  }

  /// An error whose sentence starts with the field: `layers[0].weights has 1 rows, …`.
  func fail(predicate: String) -> FileError {
    FileError(path: file, message: "\(path) \(predicate)", kind: .malformed, line: value.line, column: value.column)
  }

  private func expected(_ what: String) -> FileError { fail("expected \(what), not \(value.shortDescription)") }

  /// The member `key`, which must be there. A missing key is reported at the object.
  func member(_ key: String) throws(FileError) -> JSONField {
    guard let field = optionalMember(key) else {
      _ = try members()
      throw FileError(
        path: file, message: "\(child(key)) is missing", kind: .malformed, line: value.line, column: value.column)
    }
    return field
  }

  /// The member `key`, or nil when it is absent or null.
  func optionalMember(_ key: String) -> JSONField? {
    guard let v = value[key] else { return nil }
    if case .null = v.kind { return nil }
    return JSONField(value: v, path: child(key), file: file)
  }

  private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  /// The members of an object, in order.
  func members() throws(FileError) -> [(key: String, field: JSONField)] {
    guard case .object(let pairs) = value.kind else { throw expected("an object") }
    return pairs.map { ($0.key, JSONField(value: $0.value, path: child($0.key), file: file)) }
  }

  func elements() throws(FileError) -> [JSONField] {
    guard case .array(let items) = value.kind else { throw expected("a list") }
    return items.enumerated().map { JSONField(value: $1, path: "\(path)[\($0)]", file: file) }
  }

  func string() throws(FileError) -> String {
    guard case .string(let s) = value.kind else { throw expected("a string") }
    return s
  }

  func bool() throws(FileError) -> Bool {
    guard case .bool(let b) = value.kind else { throw expected("true or false") }
    return b
  }

  func double() throws(FileError) -> Double {
    guard case .number(let x, _) = value.kind else { throw expected("a number") }
    return x
  }

  /// A whole number. `4` and `4.0` are whole; `4.5` is not, and neither is a number past ±2^53
  /// written with an exponent, whose digits a double has lost.
  func int() throws(FileError) -> Int {
    guard case .number(let x, let exact) = value.kind else { throw expected("a whole number") }
    if let exact, exact >= 0 || x < 0 { return exact }
    guard x.rounded() == x else { throw expected("a whole number") }
    guard abs(x) <= 9_007_199_254_740_992, let n = Int(exactly: x) else { throw fail("\(value.shortDescription) is too large") }
    return n
  }

  /// A whole number from 0 to UInt64.max, as a seed is.
  func uint64() throws(FileError) -> UInt64 {
    if case .number(let x, let exact?) = value.kind, exact < 0, x > 0 { return UInt64(bitPattern: Int64(exact)) }
    let n = try int()
    guard n >= 0 else { throw fail("must be at least 0, not \(n)") }
    return UInt64(n)
  }

  /// A whole number in `range`, else an error that gives the range.
  func int(in range: ClosedRange<Int>) throws(FileError) -> Int {
    let n = try int()
    guard range.contains(n) else {
      throw fail(
        range.upperBound == Int.max ? "must be at least \(range.lowerBound), not \(n)" : "must lie in [\(range.lowerBound), \(range.upperBound)], not \(n)")
    }
    return n
  }

  /// A list of numbers. The path of an element is only spelled out for an error: a weight row
  /// of a wide layer holds thousands.
  func doubles() throws(FileError) -> [Double] {
    guard case .array(let items) = value.kind else { throw expected("a list") }
    var out: [Double] = []
    out.reserveCapacity(items.count)
    for (i, item) in items.enumerated() {
      guard case .number(let x, _) = item.kind else { throw JSONField(value: item, path: "\(path)[\(i)]", file: file).expected("a number") }
      out.append(x)
    }
    return out
  }
}
