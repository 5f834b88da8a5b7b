import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The interactive loop on a scripted terminal in virtual time: run mode, keys between units
/// of work, quitting, resizing, signals and idling, each in milliseconds and without tmux.
@Suite("The run loop")
struct RunLoopTests {
  typealias Script = [(Double, RecordingTerminal.Event)]

  /// Runs the default network's loop on a script; returns the loop and its terminal.
  static func run(_ script: Script, state: AppState? = nil, clock: VirtualClock = VirtualClock()) throws -> (RunLoop, RecordingTerminal, RunLoop.Ending) {
    let terminal = RecordingTerminal(clock: clock, script: script)
    var loop = RunLoop(state: try state ?? AppState(config: RunConfiguration()), terminal: terminal, clock: clock)
    let ending = loop.run()
    return (loop, terminal, ending)
  }

  static func keys(_ text: String, at time: Double) -> Script {
    text.map { (time, .key(.character($0))) }
  }

  /// Stages run so far, over every iteration.
  static func stagesRun(_ state: AppState) -> Int {
    state.stepper.step * state.stepper.stages.count + state.stepper.reached
  }

  @Test func runModeRunsTheIterationsItsSpeedOwes() throws {
    let (start, stop) = (0.5, 2.5)
    // One level below the default: the virtual clock's readings cost time, and at the
    // default's 1000 it/s they alone would take longer than the speed allows.
    let (loop, terminal, ending) = try Self.run(Self.keys("-p", at: start) + Self.keys("q", at: stop))
    #expect(ending == .quit)
    guard case .iterations(let rate) = loop.state.runner.speed else {
      Issue.record("the speed below the default runs whole iterations, not \(loop.state.runner.speed.label)")
      return
    }
    // What the speed owes over the run, less at most the frame still owed when q came.
    let owed = rate * (stop - start)
    #expect(Double(loop.state.stepper.step) <= owed + 1)
    #expect(Double(loop.state.stepper.step) >= owed - rate * RunPacing.frameSeconds - 1)
    // About 30 frames a second while running: a frame's wait is rounded to whole milliseconds.
    let frames = Double(terminal.frames.count)
    let expected = (stop - start) / RunPacing.frameSeconds
    #expect(abs(frames - expected) <= expected / 10)
  }

  /// At full speed, a key is read within a millisecond or so of arriving, between two stages,
  /// not when the frame ends: a pause a little later stops a little later.
  @Test func keysAreReadBetweenUnitsOfWork() throws {
    let reading = VirtualClock().secondsPerReading
    let pauseAt = 0.5, later = 0.004
    func pausedRun(at time: Double) throws -> (RunLoop, RecordingTerminal) {
      // q once the pause's message has settled, so that the last wait has no timeout.
      let quitAt = 1 + AppState.messageHoldSeconds
      let (loop, terminal, _) = try Self.run(Self.keys("++p", at: 0) + Self.keys("p", at: time) + Self.keys("q", at: quitAt), clock: VirtualClock())
      return (loop, terminal)
    }
    let (early, terminal) = try pausedRun(at: pauseAt)
    let (late, _) = try pausedRun(at: pauseAt + later)
    #expect(early.state.runner.speed == .unlimited)
    #expect(!early.state.runner.running)
    let pause = try #require(terminal.delivered.first { $0.time >= pauseAt })
    #expect(pause.key == .character("p"))
    // A look every millisecond, and the two readings that begin a frame.
    #expect(pause.time - pauseAt <= RunPacing.keySeconds + 3 * reading)
    // Each stage costs one reading of the clock: `later` is worth this many stages.
    let stagesLater = Self.stagesRun(late.state) - Self.stagesRun(early.state)
    #expect(stagesLater > 0)
    #expect(Double(stagesLater) <= later / reading)
    // Once paused, the loop waits for the next key without a timeout (after one wait that
    // ends when the message "paused" settles).
    let afterPause = terminal.reads.suffix(from: try #require(terminal.reads.lastIndex { $0 >= 0 }) + 1)
    #expect(afterPause == [-1])
  }

  @Test(arguments: [Key.character("q"), Key.control("c")])
  func aQuitKeyEndsTheLoop(_ key: Key) throws {
    let (loop, terminal, ending) = try Self.run([(0.2, .key(key))])
    #expect(ending == .quit)
    #expect(loop.state.shouldQuit)
    #expect(terminal.delivered.map(\.key) == [key])
  }

  @Test func aQuitWhileRunningEndsTheLoop() throws {
    let (loop, _, ending) = try Self.run(Self.keys("p", at: 0) + Self.keys("q", at: 0.3))
    #expect(ending == .quit)
    #expect(loop.state.runner.running)
    #expect(loop.state.stepper.step > 0)
  }

  @Test(arguments: [(TerminalSignal.terminate, RunLoop.Ending.signal(.terminate)), (.hangUp, .signal(.hangUp)), (.interrupt, .quit)])
  func aSignalEndsTheLoop(_ signal: TerminalSignal, _ expected: RunLoop.Ending) throws {
    let (_, _, paused) = try Self.run([(0.2, .signal(signal))])
    #expect(paused == expected)
    // While running, the signal is seen between two units of work and ends the loop then.
    let (loop, terminal, running) = try Self.run(Self.keys("p", at: 0) + [(0.2, .signal(signal))])
    #expect(running == expected)
    #expect(loop.state.runner.running)
    #expect(terminal.clock.time < 0.2 + RunPacing.frameSeconds)
  }

  @Test func aResizeRedrawsAtTheNewSize() throws {
    let (_, terminal, _) = try Self.run([(0.2, .resize(width: 90, height: 30))] + Self.keys("q", at: 0.4))
    #expect(terminal.frames.map { [$0.width, $0.height] } == [[120, 36], [90, 30], [90, 30]])
    #expect(terminal.invalidations == 1)
  }

  /// Ctrl-Z gives the terminal back and stops; once continued, the whole screen is drawn again.
  @Test(arguments: [TerminalSignal.suspend, .resume])
  func aStopIsFollowedByAFullRedraw(_ signal: TerminalSignal) throws {
    let (_, terminal, ending) = try Self.run([(0.2, .signal(signal))] + Self.keys("q", at: 0.4))
    #expect(ending == .quit)
    #expect(terminal.suspensions == (signal == .suspend ? 1 : 0))
    #expect(terminal.invalidations == 1)
    #expect(terminal.frames.count == 3)
    #expect(terminal.frames[1] == terminal.frames[0])
  }

  /// A paused loop sleeps in the key read: one read, without a timeout, and one frame per key.
  @Test func anIdleLoopWaitsForAKey() throws {
    let (loop, terminal, ending) = try Self.run(Self.keys(" ", at: 5) + Self.keys("q", at: 9))
    #expect(ending == .quit)
    #expect(terminal.reads == [-1, -1])
    #expect(terminal.frames.count == 3)
    #expect(loop.state.stepper.reached == 1)
  }

  /// When the terminal cannot show UTF-8, the status line says why from the start.
  @Test func theTerminalsNoteIsShown() throws {
    let clock = VirtualClock()
    let terminal = RecordingTerminal(clock: clock, script: Self.keys("q", at: 0.1))
    terminal.note = "ASCII screen: a note"
    var loop = RunLoop(state: try AppState(config: RunConfiguration()), terminal: terminal, clock: clock)
    _ = loop.run()
    #expect(terminal.frames.first?.plainText.contains("ASCII screen: a note") == true)
  }
}

/// The status message stands out for a few seconds of the loop's clock, then is drawn plain.
@Suite("The status message in time")
struct StatusMessageTests {
  static func messageCell(_ frame: Frame, _ message: String) -> Cell? {
    let last = frame.height - 1
    let row = (0..<frame.width).map { frame[$0, last].character }
    let text = String(row)
    guard let range = text.range(of: message) else { return nil }
    return frame[text.distance(from: text.startIndex, to: range.lowerBound), last]
  }

  @Test func aNewMessageIsReversedThenPlainWhilePaused() throws {
    // `s` says "one colour scale for all layers" at 1 s; q at 10 s.
    let clock = VirtualClock()
    let terminal = RecordingTerminal(clock: clock, script: RunLoopTests.keys("s", at: 1) + RunLoopTests.keys("q", at: 10))
    var loop = RunLoop(state: try AppState(config: RunConfiguration()), terminal: terminal, clock: clock)
    _ = loop.run()
    // A paused loop waits no longer than the message stands out, then draws it plain once.
    #expect(terminal.reads.count == 3)
    #expect(terminal.reads[0] == -1 && terminal.reads[2] == -1)
    #expect(terminal.reads[1] > 0 && terminal.reads[1] <= Int(AppState.messageHoldSeconds * 1000))
    let message = "one colour scale for all layers"
    let fresh = try #require(Self.messageCell(terminal.frames[1], message))
    let settled = try #require(Self.messageCell(terminal.frames[2], message))
    // Reverse video against the bar: the settled message is reversed as the bar is.
    let bar = terminal.frames[2][0, terminal.frames[2].height - 1]
    #expect(fresh.attributes.contains(.reverse) != bar.attributes.contains(.reverse))
    #expect(settled.attributes.contains(.reverse) == bar.attributes.contains(.reverse))
  }

  @Test func ticksAgeTheMessageRunningOrNot() throws {
    var state = try AppState(config: RunConfiguration())
    state.update(.toggleSharedScale)
    #expect(state.messageIsNew)
    #expect(state.msUntilMessageSettles == Int(AppState.messageHoldSeconds * 1000))
    state.update(.tick(seconds: AppState.messageHoldSeconds / 2))
    #expect(state.messageIsNew)
    state.update(.tick(seconds: AppState.messageHoldSeconds / 2))
    #expect(!state.messageIsNew && state.msUntilMessageSettles == nil)
    // A new action's message stands out afresh, even in the same words.
    state.update(.toggleSharedScale)
    state.update(.toggleSharedScale)
    #expect(state.messageIsNew && state.messageAge == 0)
    let context = RenderContext(level: .xterm256, unicode: true)
    let frame = Screen.render(state, width: 120, height: 36, context: context)
    let message = try #require(state.message)
    let cell = try #require(Self.messageCell(frame, message))
    #expect(cell.attributes.contains(.reverse) && !frame[0, frame.height - 1].attributes.contains(.reverse))
  }
}
