import BackstepCore
import Foundation
import Yams

/// Reads a YAML file of run settings: the same names as the flags, without the dashes
/// (`batch-size` or `batch_size`), e.g.
///
///     dataset: spiral
///     layers: [8, 8, 8]
///     activation: relu
///     optimizer: adam
///     lr: 0.01
///     batch-size: full
///
/// Every mistake is a ``FileError`` (exit 65) whose path is `FILE:LINE:COL`: a value of the wrong
/// kind, a value out of its range (by the core's rules in ``Setting``, checked as each value is
/// read), an unknown key or value, a key given twice, bytes that are not UTF-8, undefined or
/// oversized aliases, and YAML that does not parse.
public enum ConfigFile {
  public static func load(path: String) throws -> RunConfiguration {
    // read(2), not FileManager: a FIFO or `<(…)` is a file to read too.
    return try parse(Data(FileContents.read(path: path)), path: path)
  }

  /// Parses the bytes of a settings file; `path` only names it in messages. A lesson file
  /// (one with a `setup:` mapping) is a settings file too: its setup and `view:` are read, and
  /// its title and steps are left to ``LessonFile``.
  public static func parse(_ data: Data, path: String) throws -> RunConfiguration {
    guard let node = try compose(data, path: path) else { return RunConfiguration() }
    guard let mapping = node.mapping else {
      throw bad(path, node, "expected settings as `name: value` lines")
    }
    guard LessonFile.isLesson(mapping) else { return try settings(mapping, path: path) }
    return try LessonFile.setup(mapping, path: path)
  }

  /// The YAML of a settings or lesson file, checked for bytes that are not text and for what
  /// ``YAMLPrescan`` refuses; nil for an empty file.
  static func compose(_ data: Data, path: String) throws -> Node? {
    let bytes = [UInt8](data)
    if let bad = TextScan.firstBadByte(bytes) {
      throw place(path, bad.line, bad.column, bad.isNUL ? "a NUL byte: this is not a text file" : "a byte that is not UTF-8 text")
    }
    if let problem = YAMLPrescan.check(bytes) { throw place(path, problem.line, problem.column, problem.message) }
    do {
      return try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self))
    } catch let error as YamlError {
      let (line, column, reason) = describe(error, bytes: bytes)
      throw place(path, line, column, "not valid YAML: \(reason)")
    }
  }

  /// Settings from `name: value` pairs, each checked as it is read.
  static func settings(_ mapping: Node.Mapping, path: String, into start: RunConfiguration = RunConfiguration()) throws -> RunConfiguration {
    var config = start
    for (keyNode, value) in mapping {
      let key = (keyNode.string ?? "").lowercased().replacingOccurrences(of: "_", with: "-")
      try ConfigValue(key: key, node: value, keyNode: keyNode, path: path).assign(to: &config)
    }
    return config
  }

  /// Parses settings text; `path` only names it in messages.
  public static func parse(_ text: String, path: String) throws -> RunConfiguration {
    try parse(Data(text.utf8), path: path)
  }

  /// A ``FileError`` at a node's line and column.
  static func bad(_ path: String, _ node: Node, _ message: String) -> FileError {
    place(path, node.mark?.line, node.mark?.column, message)
  }

  /// A ``FileError`` whose path is `FILE:LINE:COL`, or `FILE` alone when the place is not known.
  static func place(_ path: String, _ line: Int?, _ column: Int?, _ message: String) -> FileError {
    let where_ = [line, column].compactMap { $0 }.map(String.init).joined(separator: ":")
    return FileError(path: where_.isEmpty ? path : "\(path):\(where_)", message: message, kind: .malformed)
  }

  /// The 1-based line and column of a Yams error, when it has one, and its reason in one line.
  /// A reader error (a control character, say) counts bytes; `bytes` turns that into a place.
  static func describe(_ error: YamlError, bytes: [UInt8]) -> (Int?, Int?, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let why = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
      return (mark.line, mark.column, why)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return (context.mark.line, context.mark.column, "a key is given twice: \(duplicates.map { Excerpt.escaped($0) }.joined(separator: ", "))")
    case .reader(let problem, let offset, _, _):
      guard let offset, offset >= 0, offset <= bytes.count else { return (nil, nil, problem) }
      let before = bytes[..<offset]
      let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
      return (before.count(where: { $0 == 0x0A }) + 1, offset - lineStart + 1, problem)
    default:
      return (nil, nil, "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)")
    }
  }
}
