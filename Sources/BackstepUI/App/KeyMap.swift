import TermGrid

/// Keys to actions. The first group is fixed: teachers' notes and the demos name these keys.
public enum KeyMap {
  /// One row of the help overlay.
  public struct Binding: Sendable {
    public let keys: String
    public let description: String
  }

  /// The help overlay's sections, in order. Every key handled below is listed here.
  public static let sections: [(title: String, bindings: [Binding])] = [
    (
      "Stepping",
      [
        Binding(keys: "space", description: "run one stage"),
        Binding(keys: "n", description: "finish the iteration"),
        Binding(keys: "e", description: "finish the epoch"),
        Binding(keys: "p  Enter", description: "run / pause"),
        Binding(keys: "+  -", description: "faster / slower"),
        Binding(keys: "b", description: "back one stage"),
        Binding(keys: "B", description: "back one iteration"),
        Binding(keys: "r", description: "reset to same weights"),
        Binding(keys: "R", description: "new seed (weights, data)"),
      ]
    ),
    (
      "What the heat maps show",
      [
        Binding(keys: "v", description: "show a, z, δ, dW or W"),
        Binding(keys: "s", description: "scale per layer / shared"),
        Binding(keys: "l", description: "linear / log magnitude"),
        Binding(keys: "c", description: "next colour palette"),
        Binding(keys: "arrows Tab", description: "move cursor / next layer"),
        Binding(keys: "click", description: "inspect a heat-map cell"),
      ]
    ),
    (
      "Live changes",
      [
        Binding(keys: "]  [", description: "learning rate up / down"),
        Binding(keys: "a", description: "next activation"),
        Binding(keys: "i", description: "next initialiser"),
        Binding(keys: "o", description: "next optimizer"),
        Binding(keys: "d", description: "next data set"),
        Binding(keys: "k", description: "next batch size"),
        Binding(keys: "x", description: "next regularisation"),
        Binding(keys: ">  <", description: "add / remove a layer"),
        Binding(keys: "w  W", description: "widen / narrow layers"),
        Binding(keys: "g", description: "gradient check"),
      ]
    ),
    (
      "Screen",
      [
        Binding(keys: ":", description: "command prompt (:lr 0.1)"),
        Binding(keys: "?  F1", description: "this help"),
        Binding(keys: "Esc", description: "close an overlay"),
        Binding(keys: "q  Ctrl-C", description: "quit"),
      ]
    ),
  ]

  /// The action a key asks for, when no overlay takes the key first.
  public static func action(for key: Key) -> Action? {
    switch key {
    case .character(" "): .step
    case .character("n"): .finishIteration
    case .character("e"): .finishEpoch
    case .character("p"), .enter: .toggleRun
    case .character("+"), .character("="): .faster
    case .character("-"), .character("_"): .slower
    case .character("b"): .backStage
    case .character("B"): .backIteration
    case .character("r"): .reset
    case .character("R"): .newSeed
    case .character("?"), .function(1): .toggleHelp
    case .escape: .closeOverlay
    case .character(":"): .openPrompt
    case .character("q"), .control("c"): .quit
    case .character("v"): .cycleQuantity
    case .character("s"): .toggleSharedScale
    case .character("l"): .toggleLogScale
    case .character("c"): .cyclePalette
    case .character("]"): .learningRateUp
    case .character("["): .learningRateDown
    case .character("a"): .cycleActivation
    case .character("i"): .cycleInitializer
    case .character("o"): .cycleOptimizer
    case .character("d"): .cycleDataset
    case .character("k"): .cycleBatchSize
    case .character("x"): .cycleRegularization
    case .character(">"): .addLayer
    case .character("<"): .removeLayer
    case .character("w"): .widen
    case .character("W"): .narrow
    case .character("g"): .gradientCheck
    case .up: .moveCursor(dx: 0, dy: -1)
    case .down: .moveCursor(dx: 0, dy: 1)
    case .left: .moveCursor(dx: -1, dy: 0)
    case .right: .moveCursor(dx: 1, dy: 0)
    case .tab: .nextLayer
    default: nil
    }
  }
}
