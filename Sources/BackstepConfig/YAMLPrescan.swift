import BackstepCore
internal import CYaml

/// A walk over a YAML text's parse events, before Yams composes it, that refuses what would
/// make composing slow or the settings ambiguous, at the line and column where it stands:
///
/// - an alias used as a mapping key, or inside one: Yams hashes every key, and a key that is
///   an alias of nested aliases hashes its whole expansion (a 424-byte file took 38 s);
/// - more than ``limit`` values once every alias is counted as the values it stands for;
/// - an alias whose anchor is not defined above it;
/// - a key given twice in one mapping (`batch_size` and `batch-size` count as the same key),
///   named at its second occurrence.
///
/// Syntax errors are left for Yams to report. Cost: one pass over the events, with a map of
/// anchors to their expanded sizes.
enum YAMLPrescan {
  /// The most values a settings file may stand for, aliases expanded.
  static let limit = 100_000

  struct Problem: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
  }

  /// One open sequence or mapping.
  struct Frame {
    var isMapping: Bool
    var anchor: String?
    /// Values inside, aliases expanded, capped just past ``limit``.
    var size = 1
    /// Events seen directly inside: in a mapping, even counts are keys.
    var items = 0
    /// Whether this collection is, or is inside, a mapping key.
    var inKey: Bool
    /// Keys seen directly inside, normalised, with their lines.
    var keys: [String: Int] = [:]
  }

  static func check(_ bytes: [UInt8]) -> Problem? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    return bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var walk = Walk()
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return nil }
        if let problem = walk.step(event) { return problem }
      }
    }
  }

  /// The state of the walk between events.
  struct Walk {
    var stack: [Frame] = []
    var anchors: [String: Int] = [:]
    var total = 0

    mutating func step(_ event: yaml_event_t) -> Problem? {
      let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
      func problem(_ message: String) -> Problem { Problem(line: line, column: column, message: message) }
      let isKey = stack.last.map { $0.isMapping && $0.items % 2 == 0 } ?? false
      let inKey = isKey || (stack.last?.inKey ?? false)
      switch event.type {
      case YAML_ALIAS_EVENT:
        let name = Self.text(event.data.alias.anchor) ?? ""
        if inKey { return problem("an alias (*\(Excerpt.escaped(name))) cannot be a key; write the setting's name") }
        guard let size = anchors[name] else { return problem("the alias *\(Excerpt.escaped(name)) has no anchor &\(Excerpt.escaped(name)) above it") }
        return add(size, problem)
      case YAML_SCALAR_EVENT:
        if isKey, let text = Self.text(event.data.scalar.value) {
          let key = text.lowercased().replacingOccurrences(of: "_", with: "-")
          if let first = stack[stack.count - 1].keys[key] {
            return problem("\(Excerpt.escaped(text)) is given twice (also on line \(first))")
          }
          stack[stack.count - 1].keys[key] = line
        }
        if let anchor = Self.text(event.data.scalar.anchor) { anchors[anchor] = 1 }
        return add(1, problem)
      case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let anchor = Self.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
        total += 1
        if total > limit { return problem(tooMany) }
        stack.append(Frame(isMapping: isMapping, anchor: anchor, inKey: inKey))
        return nil
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        guard let frame = stack.popLast() else { return nil }
        if let anchor = frame.anchor { anchors[anchor] = frame.size }
        if !stack.isEmpty {
          stack[stack.count - 1].size = min(stack[stack.count - 1].size + frame.size, limit + 1)
          stack[stack.count - 1].items += 1
        }
        return nil
      default:
        return nil
      }
    }

    var tooMany: String { "the file stands for more than \(limit) values (each alias counts as the values it repeats)" }

    /// Counts a scalar (1) or an alias (its anchor's size) in the open collection and the total.
    mutating func add(_ size: Int, _ problem: (String) -> Problem) -> Problem? {
      total = min(total + size, limit + 1)
      if total > limit { return problem(tooMany) }
      if !stack.isEmpty {
        stack[stack.count - 1].size = min(stack[stack.count - 1].size + size, limit + 1)
        stack[stack.count - 1].items += 1
      }
      return nil
    }

    static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
      pointer.map { String(cString: $0) }
    }
  }
}
