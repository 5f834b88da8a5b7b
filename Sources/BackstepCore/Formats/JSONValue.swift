/// A parsed JSON value that remembers where it stood in the text, so that a reader that finds
/// the wrong kind of value can say `FILE:LINE:COL` as well as what it expected.
public struct JSONValue: Sendable {
  public enum Kind: Sendable {
    case null
    case bool(Bool)
    /// The nearest double, and the exact value when the literal is a whole number written
    /// without a fraction or exponent (doubles lose digits past 2^53). `exact` holds an `Int`;
    /// a literal in (Int.max, UInt64.max], such as a seed, holds its `UInt64` bit pattern,
    /// which is negative while the double is positive.
    case number(Double, exact: Int?)
    case string(String)
    case array([JSONValue])
    /// Members in the order written; keys are unique (the parser refuses duplicates).
    case object([(key: String, value: JSONValue)])
  }

  public var kind: Kind
  /// 1-based line of the value's first character.
  public var line: Int
  /// 1-based column of the value's first character, counted in Unicode scalars.
  public var column: Int

  public init(_ kind: Kind, line: Int, column: Int) {
    self.kind = kind
    self.line = line
    self.column = column
  }

  /// The member named `key` of an object (nil for any other kind, or a missing key).
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = kind else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// How the value reads in a message: a number or short string as written, a kind otherwise.
  public var shortDescription: String {
    switch kind {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let x, let exact): exact.map { $0 < 0 && x > 0 ? String(UInt64(bitPattern: Int64($0))) : String($0) } ?? x.description
    case .string(let s): JSONText.string(s.count <= 24 ? s : String(s.prefix(21)) + "…")
    case .array: "a list"
    case .object: "an object"
    }
  }
}
