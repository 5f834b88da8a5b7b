import TermGrid

/// Keys to actions, declared once: the help overlay, the dispatch and the status line's hints
/// all read ``table``. The first group is fixed: teachers' notes and the demos name these keys.
public enum KeyMap {
  /// Every key the visualizer answers when no overlay is open, in help order.
  public static let table: [KeyGroup] = [
    KeyGroup(
      "Stepping",
      [
        KeyBinding("run one stage", hint: "stage", (ch(" "), .step)),
        KeyBinding("finish the iteration", hint: "iteration", (ch("n"), .finishIteration)),
        KeyBinding("finish the epoch", (ch("e"), .finishEpoch)),
        KeyBinding("run / pause", hint: "run", (ch("p"), .toggleRun), (.enter, .toggleRun)),
        KeyBinding("faster / slower", (ch("+"), .faster), (ch("="), .faster), (ch("-"), .slower), (ch("_"), .slower)),
        KeyBinding("back one stage", hint: "back", (ch("b"), .backStage)),
        KeyBinding("back one iteration", (ch("B"), .backIteration)),
        KeyBinding("reset to same weights", (ch("r"), .reset)),
        KeyBinding("new seed (weights, data)", (ch("R"), .newSeed)),
      ]),
    KeyGroup(
      "What the heat maps show",
      [
        KeyBinding("first column: a, z or W", hint: "show", (ch("v"), .cycleQuantity)),
        KeyBinding("scale per layer / shared", (ch("s"), .toggleSharedScale)),
        KeyBinding("linear / log magnitude", (ch("l"), .toggleLogScale)),
        KeyBinding("next colour palette", (ch("c"), .cyclePalette)),
        KeyBinding(
          "move cursor / next layer", (.up, .moveCursor(dx: 0, dy: -1)), (.down, .moveCursor(dx: 0, dy: 1)),
          (.left, .moveCursor(dx: -1, dy: 0)), (.right, .moveCursor(dx: 1, dy: 0)), (.tab, .nextLayer)),
        // Listed for the help: the run loop reads a click from the regions of the frame clicked on.
        KeyBinding("inspect a heat-map cell", (.mouse(x: 0, y: 0), .select(Cursor()))),
        KeyBinding("how the value is made", (ch("f"), .toggleExplain)),
        KeyBinding("previous / next example", (ch(","), .previousExample), (ch("."), .nextExample)),
      ]),
    KeyGroup(
      "Live changes",
      [
        KeyBinding("learning rate up / down", (ch("]"), .learningRateUp), (ch("["), .learningRateDown)),
        KeyBinding("next activation", (ch("a"), .cycleActivation)),
        KeyBinding("next initialiser", (ch("i"), .cycleInitializer)),
        KeyBinding("next optimizer", (ch("o"), .cycleOptimizer)),
        KeyBinding("next data set", (ch("d"), .cycleDataset)),
        KeyBinding("next batch size", (ch("k"), .cycleBatchSize)),
        KeyBinding("next regularisation", (ch("x"), .cycleRegularization)),
        KeyBinding("add / remove a layer", (ch(">"), .addLayer), (ch("<"), .removeLayer)),
        KeyBinding("widen / narrow layers", (ch("w"), .widen), (ch("W"), .narrow)),
        KeyBinding("gradient check", (ch("g"), .gradientCheck)),
        KeyBinding("list / switch breakpoints", (ch("!"), .toggleBreakpointList)),
      ]),
    KeyGroup(
      "Screen",
      [
        KeyBinding("this help", hint: "help", (ch("?"), .toggleHelp), (.function(1), .toggleHelp)),
        KeyBinding("command prompt (:lr 0.1)", hint: "command", (ch(":"), .openPrompt)),
        KeyBinding("loss axis: auto/log/linear", (ch("y"), .cycleLossAxis)),
        KeyBinding("show network A / B", (ch("t"), .switchNetwork)),
        KeyBinding("optimizer / histograms", (ch("O"), .toggleOptimizer), (ch("H"), .cycleHistograms)),
        KeyBinding("close an overlay", (.escape, .closeOverlay)),
        KeyBinding("quit", hint: "quit", (ch("q"), .quit), (.control("c"), .quit)),
      ]),
  ]

  /// Presenter mode's keys (`backstep demo`), which it reads before the table: the arrows that
  /// move the cursor sideways play the lesson there, and the cursor moves by ↑ ↓, Tab and clicks.
  public static let presenter = KeyGroup(
    "Lesson (backstep demo)",
    [
      KeyBinding("next lesson step", (.pageDown, .lessonNext), (.right, .lessonNext)),
      KeyBinding("back one lesson step", (.pageUp, .lessonBack), (.left, .lessonBack)),
    ])

  /// The action of a key in presenter mode, before the table's.
  public static func presenterAction(for key: Key) -> Action? {
    presenter.bindings.lazy.flatMap(\.keys).first { $0.key == key }?.action
  }

  /// The names a lesson's `keys:` may use: every key of the table but a click, by
  /// ``KeyBinding/name(of:)``.
  public static var keyNames: [String] {
    bindings.flatMap(\.keys).compactMap { pair in
      if case .mouse = pair.key { return nil }
      return KeyBinding.name(of: pair.key)
    }
  }

  /// Every line of the table, groups in order.
  public static var bindings: [KeyBinding] { table.flatMap(\.bindings) }

  /// The action of each key of the table.
  static let actions: [Key: Action] = Dictionary(
    bindings.flatMap(\.keys).map { ($0.key, $0.action) }, uniquingKeysWith: { first, _ in first })

  /// The action a key asks for, when no overlay takes the key first.
  public static func action(for key: Key) -> Action? {
    // A click selects what the frame drew under it, which only the run loop knows.
    if case .mouse = key { return nil }
    return actions[key]
  }

  /// The status line's hints: the first key of each line that has one, with its hint.
  public static var hints: [(key: String, label: String, action: Action)] {
    bindings.compactMap { b in b.hint.flatMap { hint in b.keys.first.map { (KeyBinding.name(of: $0.key), hint, $0.action) } } }
  }

  /// The name of the first key bound to `action`, for the sentences on screen that say what to
  /// press; they read it here, so that they name the key the table binds. Empty for an action
  /// no key asks for (`KeyTableTests` checks that every key-driven action has one).
  public static func key(for action: Action) -> String {
    bindings.lazy.flatMap(\.keys).first { $0.action == action }.map { KeyBinding.name(of: $0.key) } ?? ""
  }

  private static func ch(_ c: Character) -> Key { .character(c) }
}
