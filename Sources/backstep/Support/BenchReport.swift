import BackstepCore

/// Collects benchmark lines and prints them as a table or as JSON Lines.
struct BenchReport {
  enum Value {
    case number(Double)
    case flag(Bool)
    case text(String)
    var json: String {
      switch self {
      case .number(let x): JSONText.number(x)
      case .text(let t): JSONText.string(t)
      case .flag(let b): b ? "true" : "false"
      }
    }
  }

  let json: Bool
  private var lines: [String] = []

  init(json: Bool) { self.json = json }

  mutating func add(_ name: String, _ fields: [(String, Value)], text: String) throws(OutputError) {
    if json {
      try Console.out(JSONText.object([("bench", JSONText.string(name))] + fields.map { ($0.0, $0.1.json) }))
    } else {
      try Console.out(text)
    }
  }
}
