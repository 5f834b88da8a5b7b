import Foundation

/// A lesson named that is neither a file nor in a lesson directory.
struct LessonNotFound: Error, CustomStringConvertible {
  let description: String
}

/// Where lessons are: a path as given, or a name (`vanishing`) in `--dir` and then `demos/`.
///
/// A lesson file may start with its place in the course, `05-vanishing.yaml`: the files sort in
/// teaching order, and the lesson is still named `vanishing`.
enum LessonPaths {
  static let builtin = "demos"

  static func directories(_ dir: String?) -> [String] { (dir.map { [$0] } ?? []) + [builtin] }

  static func find(_ name: String, dir: String?) throws -> String {
    if FileManager.default.fileExists(atPath: name) { return name }
    for d in directories(dir) {
      for candidate in [name, name + ".yaml", name + ".yml"] {
        let path = (d as NSString).appendingPathComponent(candidate)
        if FileManager.default.fileExists(atPath: path) { return path }
      }
      if let numbered = files(in: d).first(where: { Self.name($0) == name }) { return numbered }
    }
    throw LessonNotFound(description: "no lesson \(name): not a file, nor a name in \(directories(dir).joined(separator: " or ")) (backstep demo --list)")
  }

  /// Every .yaml lesson of the directories, sorted by file name (teaching order) within each.
  static func all(dir: String?) -> [String] { directories(dir).flatMap(files(in:)) }

  /// The .yaml lessons of one directory, sorted by file name.
  static func files(in d: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: d)) ?? []).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { (d as NSString).appendingPathComponent($0) }
  }

  /// The lesson's name: its file name without the extension and without a leading place in the
  /// course (`05-vanishing.yaml` is `vanishing`).
  static func name(_ path: String) -> String {
    let file = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    guard let dash = file.firstIndex(of: "-"), file[..<dash].allSatisfy(\.isNumber), dash != file.startIndex else { return file }
    let rest = file[file.index(after: dash)...]
    return rest.isEmpty ? file : String(rest)
  }
}
