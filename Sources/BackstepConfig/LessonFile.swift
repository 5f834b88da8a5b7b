import BackstepCore
import Foundation
import Yams

/// Reads a lesson (docs/lessons.md): a title and summary, a `setup:` in the schema of a
/// settings file, an optional `view:`, and `steps:`, each with `keys:` or `run: {until: …}`,
/// a `caption:` and optional `expect:` claims.
///
///     title: Vanishing gradients
///     setup: {dataset: circle, layers: [8, 8, 8], activation: sigmoid}
///     steps:
///       - keys: n
///         caption: "‖dW₁‖ is {norm dW 1}, {verdict 1}"
///         expect: verdict 1 = vanishing
///
/// Every mistake is a ``FileError`` at `FILE:LINE:COL`: what a settings file refuses, an
/// unknown key, a key name the key map does not have, a placeholder that does not exist, an
/// expectation or a run target that does not read.
public enum LessonFile {
  /// The keys of a lesson file's top level, and of each step.
  static let lessonKeys = ["title", "summary", "setup", "view", "steps"]
  static let stepKeys = ["keys", "run", "caption", "expect"]

  public static func load(path: String, keyNames: [String]) throws -> Lesson {
    try parse(Data(FileContents.read(path: path)), path: path, keyNames: keyNames)
  }

  /// Parses a lesson; `keyNames` are the names of the key map's keys (`space`, `n`, …), the
  /// only ones `keys:` may name besides a prompt command (`:lr 0.3`).
  public static func parse(_ data: Data, path: String, keyNames: [String]) throws -> Lesson {
    let node = try ConfigFile.compose(data, path: path)
    guard let node, let mapping = node.mapping else {
      throw ConfigFile.place(path, node?.mark?.line ?? 1, node?.mark?.column ?? 1, "expected a lesson: title, summary, setup and steps")
    }
    // A settings file is a lesson without steps.
    guard isLesson(mapping) else { return Lesson(title: "", summary: "", setup: try ConfigFile.settings(mapping, path: path), steps: []) }
    var lesson = Lesson(title: "", summary: "", setup: RunConfiguration(), steps: [])
    for (keyNode, value) in mapping {
      switch keyNode.string ?? "" {
      case "title": lesson.title = try text(value, "title", path)
      case "summary": lesson.summary = try text(value, "summary", path)
      case "setup", "view": break
      case "steps":
        guard let steps = value.sequence else { throw ConfigFile.bad(path, value, "steps: expected a list of steps") }
        lesson.steps = try steps.map { try step($0, path: path, keyNames: keyNames) }
      default: throw unknown(keyNode, "a lesson's", lessonKeys, path)
      }
    }
    lesson.setup = try setup(mapping, path: path)
    return lesson
  }

  /// Whether a file's top level is a lesson's rather than a settings file's.
  static func isLesson(_ mapping: Node.Mapping) -> Bool {
    mapping.contains { $0.key.string == "setup" || $0.key.string == "steps" }
  }

  /// A lesson's settings: its `setup:` read as a settings file, then its `view:`.
  static func setup(_ mapping: Node.Mapping, path: String) throws -> RunConfiguration {
    var config = RunConfiguration()
    for (keyNode, value) in mapping {
      switch keyNode.string {
      case "setup":
        guard let settings = value.mapping else { throw ConfigFile.bad(path, value, "setup: expected settings as `name: value` lines") }
        config = try ConfigFile.settings(settings, path: path, into: config)
      case "view": try ConfigValue(key: "view", node: value, keyNode: keyNode, path: path).assign(to: &config)
      default: break
      }
    }
    return config
  }

  static func step(_ node: Node, path: String, keyNames: [String]) throws -> LessonStep {
    guard let mapping = node.mapping else { throw ConfigFile.bad(path, node, "a step: expected keys: or run:, and caption:") }
    var play: LessonStep.Play?
    var caption: CaptionTemplate?
    var claims: [LessonClaim] = []
    for (keyNode, value) in mapping {
      switch keyNode.string ?? "" {
      case "keys", "run":
        guard play == nil else { throw ConfigFile.bad(path, keyNode, "a step plays keys: or run:, not both") }
        play = keyNode.string == "keys" ? .keys(try keys(value, path: path, keyNames: keyNames)) : .run(try target(value, path: path))
      case "caption":
        do { caption = try CaptionTemplate(parsing: try text(value, "caption", path)) } catch let e as CaptionError {
          throw ConfigFile.place(path, value.mark?.line, column(of: value, offset: e.offset), "caption: \(e.message)")
        }
      case "expect":
        claims = try list(value, "expect", path).map { item in
          do { return LessonClaim(try Expectation(parsing: try text(item, "expect", path)), line: item.mark?.line ?? 0) } catch let e as LessonValueMissing {
            throw ConfigFile.bad(path, item, "expect: \(e.reason)")
          }
        }
      default: throw unknown(keyNode, "a step's", stepKeys, path)
      }
    }
    guard let play else { throw ConfigFile.bad(path, node, "a step needs keys: or run:") }
    guard let caption else { throw ConfigFile.bad(path, node, "a step needs a caption:") }
    return LessonStep(play: play, caption: caption, expectations: claims, line: node.mark?.line ?? 0)
  }

  /// `keys: n`, `keys: [space, space]` or `keys: ":lr 0.3"`.
  static func keys(_ node: Node, path: String, keyNames: [String]) throws -> [String] {
    try list(node, "keys", path).map { item in
      let name = try text(item, "keys", path)
      guard name.hasPrefix(":") || keyNames.contains(name) else {
        throw ConfigFile.bad(path, item, "keys: \(Excerpt.quoted(name)) is not a key of the key map; keys are \(keyNames.joined(separator: " ")), or :COMMAND")
      }
      return name
    }
  }

  /// `run: {until: step:30}`.
  static func target(_ node: Node, path: String) throws -> RunTarget {
    guard let mapping = node.mapping, mapping.count == 1, let (keyNode, value) = mapping.first, keyNode.string == "until" else {
      throw ConfigFile.bad(path, node, "run: expected {until: step:N}, {until: B2} or {until: BREAKPOINT}")
    }
    do { return try RunTarget(parsing: try text(value, "until", path)) } catch let e as LessonValueMissing { throw ConfigFile.bad(path, value, e.reason) }
  }

  /// The column of the character `offset` into a scalar written on one line, plain or quoted
  /// without escapes, where the file's columns and the text's agree; else the scalar's own.
  static func column(of node: Node, offset: Int) -> Int? {
    guard let column = node.mark?.column, let scalar = node.scalar, !scalar.string.contains("\n") else { return node.mark?.column }
    switch scalar.style {
    case .plain, .any: return column + offset
    case .singleQuoted where !scalar.string.contains("'"): return column + 1 + offset
    case .doubleQuoted where !scalar.string.contains("\\") && !scalar.string.contains("\""): return column + 1 + offset
    default: return column
    }
  }

  /// One scalar, or a list of them.
  static func list(_ node: Node, _ key: String, _ path: String) throws -> [Node] {
    node.sequence.map(Array.init) ?? [node]
  }

  static func text(_ node: Node, _ key: String, _ path: String) throws -> String {
    guard let s = node.scalar?.string else { throw ConfigFile.bad(path, node, "\(key): expected text") }
    return s
  }

  static func unknown(_ keyNode: Node, _ whose: String, _ keys: [String], _ path: String) -> FileError {
    ConfigFile.bad(path, keyNode, "unknown key \(Excerpt.quoted(keyNode.string ?? "")); \(whose) are \(keys.joined(separator: ", "))")
  }
}
