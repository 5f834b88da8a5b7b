/// Writes JSON text by hand, so that every double prints with full precision
/// (Swift's shortest representation that reads back as the same bits) and keys keep their order.
///
/// Non-finite numbers have no JSON spelling; they are written as `null`.
public struct JSONText {
  public private(set) var text = ""

  public init() {}

  public static func number(_ x: Double) -> String {
    x.isFinite ? x.description : "null"
  }

  public static func string(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out +=
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  public static func array(_ xs: [Double]) -> String {
    "[" + xs.map(number).joined(separator: ",") + "]"
  }

  public static func array(_ xs: [Int]) -> String {
    "[" + xs.map(String.init).joined(separator: ",") + "]"
  }

  /// A matrix as nested rows: `[[row 0], [row 1], …]`.
  public static func matrix(_ m: Matrix) -> String {
    "[" + (0..<m.rows).map { array(m.row($0)) }.joined(separator: ",") + "]"
  }

  /// An object from ordered key/raw-JSON pairs.
  public static func object(_ pairs: [(String, String)]) -> String {
    "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }
}
