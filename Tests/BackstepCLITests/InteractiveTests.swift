import Foundation
import Testing

/// The visualizer end to end: the built binary in tmux, driven by keys, read from the screen.
@Suite("The interactive program", .serialized)
struct InteractiveTests {
  static let stages = ["[F1]", "[F2]", "[F3]", "[loss]", "[B3]", "[B2]", "[B1]", "[update]"]

  @Test func theDefaultScreenAppears() throws {
    let t = try Tmux([])
    let screen = t.wait { $0.contains("gradient magnitude") }
    #expect(screen.contains("backstep"))
    #expect(screen.contains("circle"))
    #expect(screen.contains("2-4-4-1 tanh/sigmoid"))
    #expect(screen.contains("Press space to run forward(1)"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  /// `.` selects the next example of the batch: the status line names it with its training
  /// row, and the decision surface's legend names the ringed point.
  @Test func dotSelectsTheNextExample() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("Space")
    t.wait { $0.contains("[F1]") }
    try t.send(".")
    try t.send(".")
    let screen = t.wait { $0.contains("example 3 of 10") }
    #expect(screen.contains("example 3 of 10 (training row "))
    #expect(screen.contains("◉ example 3"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  @Test func spaceWalksTheStagesInOrder() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    for stage in Self.stages {
      try t.send("Space")
      let screen = t.wait { $0.contains(stage) }
      #expect(screen.contains(stage), "expected \(stage) highlighted")
      let highlighted = Self.stages.filter { screen.contains($0) }
      #expect(highlighted == [stage])
    }
    #expect(t.screen.contains("step 1"))
    try t.send("q")
  }

  @Test func backThenForwardReproducesTheSameScreen() throws {
    let t = try Tmux(["--seed", "7"])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("n")
    t.wait { $0.contains("step 1") }
    for _ in 0..<4 { try t.send("Space") }
    t.wait { $0.contains("[loss]") }
    let atFour = t.settled()
    try t.send("Space")
    t.wait { $0.contains("[B3]") }
    let atFive = t.settled()
    try t.send("b")
    t.wait { $0.contains("[loss]") }
    let back = t.settled()
    #expect(back == atFour)
    try t.send("Space")
    t.wait { $0.contains("[B3]") }
    let again = t.settled()
    #expect(again == atFive)
    try t.send("q")
  }

  @Test func runAndPause() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("p")
    let running = t.wait { $0.contains("▶") && !$0.contains("step 0 ") }
    #expect(running.contains("▶"))
    try t.send("p")
    let paused = t.wait { $0.contains("paused") }
    #expect(paused.contains("paused"))
    let first = t.settled()
    Thread.sleep(forTimeInterval: 0.5)
    #expect(t.screen == first, "a paused screen does not change")
    try t.send("q")
  }

  /// At full speed on a network whose every iteration outlasts a frame, keys still get
  /// through between iterations.
  @Test func aHeavyNetworkAtFullSpeedStillTakesKeys() throws {
    let t = try Tmux(["--layers", "64,64,64", "--points", "500", "--batch-size", "full"])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("+", "+", "+", "p")
    let running = t.wait { $0.contains("▶ max") && !$0.contains("step 0 ") }
    #expect(running.contains("▶ max"))
    try t.send("p")
    let paused = t.wait { $0.split(separator: "\n").first?.contains("paused") == true }
    #expect(paused.split(separator: "\n").first?.contains("paused") == true)
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  /// At a finite speed, a network whose every update measures the loss over 100,000 rows
  /// still pauses and quits at once: work is owed and run a stage at a time with keys read
  /// in between, and the measurement too large for that is left to stepping by hand. (It
  /// took over 30 s to pause and a minute to quit.)
  @Test func aHeavyNetworkAtTheDefaultSpeedPausesAndQuitsAtOnce() throws {
    let t = try Tmux(["--layers", "64,64,64,64,64,64,64,64", "--points", "100000"])
    t.wait(seconds: 30) { $0.contains("gradient magnitude") }
    try t.send("p")
    let running = t.wait { $0.split(separator: "\n").first?.contains("▶ 1k it/s") == true }
    #expect(running.split(separator: "\n").first?.contains("▶ 1k it/s") == true)
    Thread.sleep(forTimeInterval: 2)
    let start = Date()
    try t.send("p")
    // The pause sign: a long header drops the word "paused" before the speed.
    let paused = t.wait(seconds: 10) { $0.split(separator: "\n").first?.contains("❚❚") == true }
    #expect(paused.split(separator: "\n").first?.contains("❚❚") == true)
    try t.send("q")
    #expect(t.exitStatus(seconds: 10) == 0)
    #expect(Date().timeIntervalSince(start) < 10, "pausing and quitting took \(Date().timeIntervalSince(start)) s")
  }

  /// A byte that is not a character (not valid UTF-8, or anything above 0x7F without a UTF-8
  /// locale) is skipped, and the key after it works. It used to make every later key ignored.
  @Test(arguments: [
    ("C.UTF-8", ["e9"]), ("C.UTF-8", ["ff"]), ("C.UTF-8", ["c3", "41"]), ("C.UTF-8", ["e2", "88"]), ("C.UTF-8", ["80"]),
    ("C", ["e9"]), ("C", ["c3", "a9"]),
  ])
  func aByteThatIsNotACharacterIsSkipped(_ locale: String, _ bytes: [String]) throws {
    let t = try Tmux([], environment: ["LC_ALL": locale, "LANG": locale])
    t.wait { $0.contains("gradient magnitude") }
    try t.sendBytes(bytes)
    try t.send("n")
    let screen = t.wait { $0.split(separator: "\n").first?.contains("step 1 ") == true }
    #expect(screen.split(separator: "\n").first?.contains("step 1 ") == true, "n was not taken after \(bytes) in \(locale)")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  /// A character of several bytes still reaches the command prompt whole.
  @Test func aCharacterOfSeveralBytesReachesThePrompt() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    try t.send(":")
    try t.sendBytes(["c3", "a9", "e2", "88", "9e"])
    let screen = t.wait { $0.contains(":é∞") }
    #expect(screen.contains(":é∞"))
    try t.send("Escape", "q")
    #expect(t.exitStatus() == 0)
  }

  @Test func helpOpensAndCloses() throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("?")
    t.wait { $0.contains("backstep keys") }
    let help = t.settled()
    // At 120×36 every key fits one page: the first and the last groups are both there.
    #expect(help.contains("back one iteration"))
    #expect(help.contains("command prompt"))
    #expect(!help.contains("for more keys"))
    try t.send("Escape")
    let closed = t.wait { !$0.contains("backstep keys") }
    #expect(!closed.contains("backstep keys"))
    try t.send("q")
  }

  /// At 80×24 the keys come in pages, and the help key turns them before it closes the help.
  @Test func helpTurnsItsPagesAtTheSmallestSize() throws {
    let t = try Tmux([], width: 80, height: 24)
    t.wait { $0.contains("gradient magnitude") }
    try t.send("?")
    let first = t.wait { $0.contains("for more keys") }
    #expect(first.contains("back one iteration"))
    try t.send("?")
    let next = t.wait { $0.contains("command prompt") }
    #expect(next.contains("closes the help"))
    try t.send("?")
    let closed = t.wait { !$0.contains("backstep keys") }
    #expect(!closed.contains("backstep keys"))
    try t.send("q")
  }

  @Test func resizingRelaysTheScreen() throws {
    let t = try Tmux([], width: 120, height: 36)
    let big = t.wait { $0.contains("output over the input plane") }
    #expect(big.contains("output over the input plane"))
    try t.resize(width: 80, height: 24)
    let small = t.wait {
      // At 80 columns the gradient panel's title is the short one.
      $0.split(separator: "\n", omittingEmptySubsequences: false).first?.count ?? 0 <= 80 && $0.contains("gradient ‖dW‖ per layer")
        && !$0.contains("output over the input plane")
    }
    #expect(small.contains("gradient ‖dW‖ per layer"))
    #expect(small.split(separator: "\n").allSatisfy { $0.count <= 80 })
    try t.resize(width: 40, height: 12)
    let tiny = t.wait { $0.contains("needs at least 80×24") }
    #expect(tiny.contains("terminal too small: 40×12"))
    #expect(tiny.contains("needs at least 80×24"))
    try t.resize(width: 120, height: 36)
    let back = t.wait { $0.contains("output over the input plane") }
    #expect(back.contains("output over the input plane"))
    try t.send("q")
  }

  /// Signals whose default action ends the process, by name, and the key that sends one.
  static let signals: [String: Int32] = [
    "SIGTERM": SIGTERM, "SIGHUP": SIGHUP, "SIGQUIT": SIGQUIT, "SIGUSR1": SIGUSR1, "SIGUSR2": SIGUSR2, "SIGALRM": SIGALRM,
    "SIGPIPE": SIGPIPE, "SIGXCPU": SIGXCPU, "SIGXFSZ": SIGXFSZ, "SIGVTALRM": SIGVTALRM, "SIGPROF": SIGPROF,
  ]

  /// Every way out, by key or by a signal that ends the process, puts the terminal back (the
  /// shell's settings, the normal screen) before the process ends; a signal ends it with the
  /// shell's 128 + n. Ctrl-\ (SIGQUIT) let the Swift backtracer draw over the interface and
  /// the program went on; SIGUSR1, SIGUSR2, SIGALRM and the rest left the terminal raw on the
  /// alternate screen.
  @Test(arguments: ["q", "C-c", "C-\\"] + signals.keys.sorted())
  func everyWayOutRestoresTheTerminal(_ way: String) throws {
    let t = try Tmux([])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("Space")
    if let signal = Self.signals[way] {
      let pid = try #require(try t.programPID())
      kill(pid, signal)
    } else {
      try t.send(way)
    }
    let status = t.exitStatus()
    let expected = Self.signals[way].map { 128 + Int($0) } ?? (way == "C-\\" ? 128 + Int(SIGQUIT) : 0)
    #expect(status == expected, "after \(way)")
    #expect(t.terminalRestored, "stty -g differs after \(way)")
    #expect(t.normalScreen, "still on the alternate screen after \(way)")
    #expect(!t.screen.contains("gradient magnitude"), "the interface is still on the screen after \(way)")
  }

  /// A terminal that cannot place the cursor has no screen to draw on.
  @Test func aDumbTerminalGivesAClearError() throws {
    let t = try Tmux([], environment: ["TERM": "dumb"])
    #expect(t.exitStatus() == 2)
    #expect(t.screen.contains("no usable terminal: TERM=dumb"))
  }

  @Test func noTerminalGivesAClearError() throws {
    let r = try Binary.run([])
    #expect(r.status == 2)
    #expect(r.stderr.contains("no terminal"))
    #expect(r.stderr.contains("backstep render"))
  }

  @Test func anUnknownTermGivesAClearError() throws {
    let t = try Tmux([], environment: ["TERM": "no-such-terminal"])
    #expect(t.exitStatus() == 2)
    #expect(t.screen.contains("unknown terminal type TERM=no-such-terminal"))
  }

  /// A locale that is not UTF-8 gets the ASCII screen and a line saying how to get the rest.
  @Test func aLocaleThatIsNotUTF8DrawsInASCII() throws {
    let t = try Tmux([], environment: ["LC_ALL": "C", "LANG": "C"])
    t.wait { $0.contains("gradient magnitude") }
    let screen = t.settled()
    #expect(screen.contains("locale LC_ALL=C is not UTF-8"))
    let nonASCII = screen.unicodeScalars.filter { !$0.isASCII }
    #expect(nonASCII.isEmpty, "non-ASCII on the screen: \(String(String.UnicodeScalarView(nonASCII)))")
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  /// Without colour, a network that has blown up to ∞ is drawn in shades (it trapped on a
  /// glyph index of ∞ in the decision surface); run mode then stops on the first infinity.
  @Test func theExplodingDemoWithoutColourDrawsAndStops() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let t = try Tmux(["--config", root.appendingPathComponent("demos/07-exploding.yaml").path], environment: ["NO_COLOR": "1"])
    t.wait { $0.contains("gradient magnitude") }
    try t.send("n", "n", "p")
    let stopped = t.wait { $0.contains("stopped: first") }
    #expect(stopped.contains("stopped: first infinity at loss of step 3"))
    #expect(stopped.contains("output over the input plane"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }

  @Test func noColorStillDraws() throws {
    let t = try Tmux([], environment: ["NO_COLOR": "1"])
    let screen = t.wait { $0.contains("gradient magnitude") }
    #expect(screen.contains("backstep"))
    try t.send("q")
    #expect(t.exitStatus() == 0)
  }
}
