import BackstepCore
import Yams

/// The `view:` mapping of a settings file, how the visualizer colours its heat maps:
///
///     view:
///       scale: shared     # or layer (the default): one colour scale per column, or per map
///       log: true         # colours by log10|x|
///
/// Each mistake is named at its own line and column, as for every other key.
struct ViewValue {
  let node: Node
  let path: String

  static let keys = ["scale", "log"]

  func settings() throws -> ViewSettings {
    guard let mapping = node.mapping else {
      throw ConfigFile.bad(path, node, "view: expected `scale: layer|shared` and `log: true|false`, as `view: {scale: shared, log: true}`")
    }
    var view = ViewSettings()
    for (keyNode, value) in mapping {
      switch (keyNode.string ?? "").lowercased() {
      case "scale":
        let names = ViewSettings.Scale.allCases.map(\.rawValue).joined(separator: " or ")
        guard let name = value.scalar?.string, let scale = ViewSettings.Scale(rawValue: name.lowercased()) else {
          throw ConfigFile.bad(path, value, "view: scale takes \(names), not \(Excerpt.quoted(value.scalar?.string ?? "a list"))")
        }
        view.scale = scale
      case "log": view.log = try ConfigValue(key: "view: log", node: value, keyNode: keyNode, path: path).flag()
      default:
        throw ConfigFile.bad(
          path, keyNode, "unknown view setting \(Excerpt.quoted(keyNode.string ?? "")); view settings are \(Self.keys.joined(separator: ", "))")
      }
    }
    return view
  }
}
