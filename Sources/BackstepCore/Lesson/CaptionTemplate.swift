/// A lesson step's caption: plain text with placeholders in braces (`loss is now {loss}`),
/// each filled in from the run when the step has played.
public struct CaptionTemplate: Equatable, Sendable {
  public enum Part: Equatable, Sendable {
    case text(String)
    case value(Placeholder)
  }

  public let parts: [Part]

  /// Reads a caption; an unknown placeholder or an unclosed brace is an error, with the
  /// character offset (0-based) where it starts.
  public init(parsing text: String) throws(CaptionError) {
    var parts: [Part] = []
    var literal = ""
    var index = text.startIndex
    while index < text.endIndex {
      guard text[index] == "{" else {
        literal.append(text[index])
        index = text.index(after: index)
        continue
      }
      let offset = text.distance(from: text.startIndex, to: index)
      guard let close = text[index...].firstIndex(of: "}") else { throw CaptionError(offset: offset, message: "a { with no } after it") }
      let inside = text[text.index(after: index)..<close].trimmingCharacters(in: .whitespaces)
      do {
        let placeholder = try Placeholder(parsing: inside)
        if !literal.isEmpty { parts.append(.text(literal)) }
        literal = ""
        parts.append(.value(placeholder))
      } catch {
        throw CaptionError(offset: offset, message: error.reason)
      }
      index = text.index(after: close)
    }
    if !literal.isEmpty { parts.append(.text(literal)) }
    self.parts = parts
  }

  /// Every placeholder of the caption, in order.
  public var placeholders: [Placeholder] {
    parts.compactMap { if case .value(let p) = $0 { p } else { nil } }
  }

  /// The caption with every placeholder filled in from `stepper`; the first placeholder
  /// without a value is thrown.
  public func filled(from stepper: Stepper) throws(CaptionError) -> String {
    try filled(left: stepper, right: nil)
  }

  /// The caption filled in from the two networks of a comparison, each placeholder from the
  /// network it names (``Placeholder/value(left:right:)``); `right` is nil without a comparison.
  public func filled(left: Stepper, right: Stepper?) throws(CaptionError) -> String {
    var out = ""
    for part in parts {
      switch part {
      case .text(let t): out += t
      case .value(let p):
        do { out += try p.value(left: left, right: right).text } catch { throw CaptionError(offset: 0, message: "{\(p.text)}: \(error.reason)") }
      }
    }
    return out
  }
}

/// A caption that does not read, or a placeholder with no value.
public struct CaptionError: Error, Equatable, Sendable {
  /// Characters into the caption where the problem starts.
  public let offset: Int
  public let message: String
}
