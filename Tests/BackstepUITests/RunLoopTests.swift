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
    guard case .iterations(let rate) = loop.state.speed else {
      Issue.record("the speed below the default runs whole iterations, not \(loop.state.speed.label)")
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
      let (loop, terminal, _) = try Self.run(Self.keys("++p", at: 0) + Self.keys("p", at: time) + Self.keys("q", at: 1), clock: VirtualClock())
      return (loop, terminal)
    }
    let (early, terminal) = try pausedRun(at: pauseAt)
    let (late, _) = try pausedRun(at: pauseAt + later)
    #expect(early.state.speed == .unlimited)
    #expect(!early.state.running)
    let pause = try #require(terminal.delivered.first { $0.time >= pauseAt })
    #expect(pause.key == .character("p"))
    // A look every millisecond, and the two readings that begin a frame.
    #expect(pause.time - pauseAt <= RunPacing.keySeconds + 3 * reading)
    // Each stage costs one reading of the clock: `later` is worth this many stages.
    let stagesLater = Self.stagesRun(late.state) - Self.stagesRun(early.state)
    #expect(stagesLater > 0)
    #expect(Double(stagesLater) <= later / reading)
    // Once paused, the loop waits for the next key without a timeout.
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
    #expect(loop.state.running)
    #expect(loop.state.stepper.step > 0)
  }

  @Test(arguments: [(TerminalSignal.terminate, RunLoop.Ending.signal(.terminate)), (.hangUp, .signal(.hangUp)), (.interrupt, .quit)])
  func aSignalEndsTheLoop(_ signal: TerminalSignal, _ expected: RunLoop.Ending) throws {
    let (_, _, paused) = try Self.run([(0.2, .signal(signal))])
    #expect(paused == expected)
    // While running, the signal is seen between two units of work and ends the loop then.
    let (loop, terminal, running) = try Self.run(Self.keys("p", at: 0) + [(0.2, .signal(signal))])
    #expect(running == expected)
    #expect(loop.state.running)
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
