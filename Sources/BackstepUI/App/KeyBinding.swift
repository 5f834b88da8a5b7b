import TermGrid

/// One line of the key table: the keys it binds, each to the action it asks for, the help text
/// and, for the few keys the status line names, a short hint.
///
/// A line binds one action (`n`), one action under several keys (`p` and Enter, `+` and its
/// unshifted `=`), or several actions that read as one (`]` and `[`, the four arrows and Tab).
public struct KeyBinding: Sendable {
  /// The keys in the order help names them, each with its action; keys that share an action
  /// are aliases of the first of them.
  public let keys: [(key: Key, action: Action)]
  public let help: String
  /// The status line's word for the line's first key, if the status line names it.
  public let hint: String?

  public init(_ help: String, hint: String? = nil, _ keys: (Key, Action)...) {
    self.keys = keys.map { (key: $0.0, action: $0.1) }
    self.help = help
    self.hint = hint
  }

  /// The keys as help shows them: aliases joined by `/`, different actions by a space
  /// (`+/= -/_` for faster / slower), except that arrows run together (`↑↓←→`).
  public var label: String {
    var text = ""
    var previous: (key: Key, action: Action)?
    for (key, action) in keys {
      if let previous {
        text += previous.action == action ? "/" : (previous.key.isArrow && key.isArrow ? "" : " ")
      }
      text += KeyBinding.name(of: key)
      previous = (key, action)
    }
    return text
  }

  /// The key of the table that help names `name` (`space`, `n`, `Enter`, `↑`); nil for a name
  /// no key of the table has. Lessons name their keys so, read back here.
  public static func key(named name: String) -> Key? {
    KeyMap.bindings.lazy.flatMap(\.keys).map(\.key).first { key in
      if case .mouse = key { return false }
      return Self.name(of: key) == name
    }
  }

  /// The name of a key as help and the status line write it.
  public static func name(of key: Key) -> String {
    switch key {
    case .character(" "): "space"
    case .character(let c): String(c)
    case .control(let c): "Ctrl-" + c.uppercased()
    case .enter: "Enter"
    case .escape: "Esc"
    case .tab: "Tab"
    case .backTab: "Shift-Tab"
    case .backspace: "Backspace"
    case .delete: "Delete"
    case .up: "↑"
    case .down: "↓"
    case .left: "←"
    case .right: "→"
    case .home: "Home"
    case .end: "End"
    case .pageUp: "PgUp"
    case .pageDown: "PgDn"
    case .function(let n): "F\(n)"
    case .resize: "resize"
    case .mouse: "click"
    }
  }
}

/// A titled group of key lines, one section of the help overlay.
public struct KeyGroup: Sendable {
  public let title: String
  public let bindings: [KeyBinding]

  public init(_ title: String, _ bindings: [KeyBinding]) {
    self.title = title
    self.bindings = bindings
  }
}

extension Key {
  /// Whether the key is one of the four arrows, which help writes together.
  var isArrow: Bool { [.up, .down, .left, .right].contains(self) }
}
