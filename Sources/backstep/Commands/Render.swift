import ArgumentParser
import BackstepCore
import BackstepUI
import TermGrid

/// `backstep render`: one frame of the visualizer, printed without a terminal.
struct Render: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print one frame of the visualizer as text, for docs, bug reports and tests.",
    discussion: """
      Takes every network, data and training flag of train. The frame never has more lines \
      than the height, nor lines wider than the width. With --color none it is plain text; \
      otherwise it carries ANSI colour escapes.

      Examples:
        backstep render --size 120x36 --stages 5
        backstep render --size 80x24 --color none --stages 9 --dataset xor
        backstep render --layers 8,8,8,8,8,8,8 --activation sigmoid --iterations 50 --color 256
      """)

  @OptionGroup var options: RunOptions
  @OptionGroup(title: "Heat maps") var view: ViewOptions
  @OptionGroup(title: "Comparison") var compare: CompareOptions

  @Option(name: .long, help: ArgumentHelp("Frame size in columns and rows.", valueName: "WxH"))
  var size: String = "120x36"

  @Option(name: .long, parsing: .unconditional, help: "Stages to run before drawing (after --iterations), at least 0.")
  var stages: Int = 0

  @Option(name: .long, parsing: .unconditional, help: "Whole iterations to run before drawing, at least 0.")
  var iterations: Int = 0

  @Option(name: .long, help: ArgumentHelp("Colours: none, 8, 16, 256 or truecolor.", valueName: "level"))
  var color: String = "none"

  @Flag(name: .long, help: "Draw with ASCII glyphs only.")
  var ascii = false

  @Option(name: .long, help: ArgumentHelp("What the first heat-map column shows: a, z or W.", valueName: "q"))
  var show: String = "a"

  /// For `backstep bench`: the peak resident memory of this process, as `peak_resident_kb=N`
  /// on stderr. The parent cannot measure it itself: a child's rusage also counts the pages
  /// of the parent it was forked from, while VmHWM belongs to this program's image alone.
  @Flag(name: .long, help: ArgumentHelp(visibility: .hidden))
  var printPeakMemory = false

  func validate() throws {
    if stages < 0 { throw ValidationError("--stages must be at least 0, not \(stages)") }
    if iterations < 0 { throw ValidationError("--iterations must be at least 0, not \(iterations)") }
  }

  func run() throws {
    let (width, height) = try Self.parseSize(size)
    let level = try Self.parseColor(color)
    guard let quantity = Quantity(rawValue: show == "w" ? "W" : show) else { throw ValidationError("--show takes a, z or W") }
    let context = RenderContext(level: level, unicode: !ascii)
    var state = try AppState(config: compare.applied(to: view.applied(to: options.configuration())))
    while state.view.quantity != quantity { state.update(.cycleQuantity) }
    state.message = nil
    state.run(iterations: iterations)
    for _ in 0..<stages { state.update(.step) }
    state.refreshSurface(width: width, height: height, context: context)
    let frame = Screen.render(state, width: width, height: height, context: context)
    try Console.out(level == .none ? frame.plainText : frame.ansi(level: level))
    if printPeakMemory, let kb = PeakMemory.residentKilobytes() { Console.error("peak_resident_kb=\(kb)") }
  }

  static func parseSize(_ text: String) throws -> (Int, Int) {
    let parts = text.lowercased().split(separator: "x").compactMap { Int($0) }
    guard parts.count == 2, (1...1000).contains(parts[0]), (1...1000).contains(parts[1]) else {
      throw ValidationError("--size takes columns x rows, like 120x36")
    }
    return (parts[0], parts[1])
  }

  static func parseColor(_ text: String) throws -> ColorLevel {
    switch text.lowercased() {
    case "none", "0", "mono": return .none
    case "8": return .ansi8
    case "16": return .ansi16
    case "256": return .xterm256
    case "truecolor", "24bit", "rgb": return .truecolor
    default: throw ValidationError("--color takes none, 8, 16, 256 or truecolor")
    }
  }
}
