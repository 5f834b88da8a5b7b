import TermGrid

/// The interactive loop: read a key, update the state, draw. While paused it waits in the key
/// read, so an idle screen uses no CPU; while running it draws about 30 frames a second and
/// trains in between (see ``RunPacing``).
///
/// It knows the terminal only through ``TermGrid/Terminal`` and the time only through
/// ``RunClock``, so a test drives it with scripted keys in virtual time. It keeps the regions
/// of the last frame drawn, and a click is read from them: the state holds no terminal size.
public struct RunLoop {
  /// How the loop ended.
  public enum Ending: Equatable, Sendable {
    /// q, Ctrl-C (as a key or as SIGINT), or the prompt's `quit`.
    case quit
    /// SIGTERM or SIGHUP: the program ends with the shell's 128 + the signal's number.
    case signal(TerminalSignal)
  }

  public private(set) var state: AppState
  /// Where the last frame drawn put its heat maps.
  public private(set) var regions = ScreenRegions()
  let terminal: any Terminal
  let clock: any RunClock
  let context: RenderContext
  /// When run mode was last paid for its time.
  var last: Double
  /// Whether the screen must be drawn again before the loop waits: after a stop.
  var stale = false

  public init(state: AppState, terminal: any Terminal, clock: any RunClock = SystemClock()) {
    self.state = state
    self.terminal = terminal
    self.clock = clock
    context = RenderContext(level: terminal.colorLevel, unicode: terminal.unicode)
    if let note = terminal.note { self.state.message = note }
    last = clock.now()
  }

  /// Runs until q, Ctrl-C or a signal that ends the program.
  public mutating func run() -> Ending {
    draw()
    while !state.shouldQuit {
      if let ending = answerSignals() { return ending }
      if stale { draw() }
      var key: Key?
      if state.runner.running {
        // The time since the last frame becomes owed work; it is run one stage or iteration
        // at a time with keys read in between, at every speed.
        let start = clock.now()
        state.update(.tick(seconds: start - last))
        last = start
        RunPacing.train(&state, from: start, clock: clock) {
          key = terminal.readKey(timeout: 0)
          return key != nil || terminal.hasSignal
        }
        if key == nil && state.runner.running && state.runner.speed != .unlimited && !terminal.hasSignal {
          key = terminal.readKey(timeout: RunPacing.msLeft(inFrameFrom: start, clock: clock))
        }
      } else {
        // Paused: sleep in the key read, but no longer than a new message stands out, so
        // that it is drawn plain again once its time is up.
        key = terminal.readKey(timeout: [state.msUntilMessageSettles, state.msUntilAutoplay].compactMap { $0 }.min() ?? -1)
        let now = clock.now()
        state.update(.tick(seconds: now - last))
        last = now
      }
      if let key { handle(key) }
      if let ending = answerSignals() { return ending }
      draw()
    }
    return .quit
  }

  /// Answers every pending signal: Ctrl-C quits, SIGTERM and SIGHUP end the loop, SIGTSTP
  /// stops the program with the terminal given back, and after a stop the whole screen is to
  /// be drawn again. Nil while the loop goes on.
  mutating func answerSignals() -> Ending? {
    while let signal = terminal.takeSignal() {
      switch signal {
      case .interrupt: return .quit
      case .terminate, .hangUp: return .signal(signal)
      case .suspend, .resume:
        if signal == .suspend { terminal.suspend() }
        // Time stopped is not owed to run mode.
        last = clock.now()
        terminal.invalidate()
        stale = true
      }
    }
    return nil
  }

  /// A key: a resize repaints at the new size (the next draw reads it), a click selects the
  /// heat-map element or the training point under it when no overlay is open, and the rest go
  /// to the state.
  mutating func handle(_ key: Key) {
    switch key {
    case .resize: terminal.invalidate()
    case .mouse(let x, let y):
      guard state.overlay == .none else { return }
      if let cursor = regions.cursor(x: x, y: y) {
        state.update(.select(cursor))
      } else if let row = regions.point(x: x, y: y) {
        state.update(.selectPoint(row: row))
      }
    default: state.handle(key)
    }
  }

  /// Draws the state at the terminal's size and keeps where the heat maps went.
  mutating func draw() {
    let size = terminal.size
    let drawn = Self.frame(&state, width: size.width, height: size.height, context: context)
    terminal.draw(drawn.frame)
    regions = drawn.regions
    stale = false
  }

  /// One frame of `state` as the loop draws it: what the screen reads is brought up to date
  /// first, then drawn. Run mode trains outside ``AppState/update(_:)``, so the surface, the
  /// overlay's readings and the explanation catch up here, once a frame rather than once a
  /// stage. Public so that `backstep bench` times the frame a person gets.
  public static func frame(
    _ state: inout AppState, width: Int, height: Int, context: RenderContext
  ) -> (frame: Frame, regions: ScreenRegions) {
    state.refreshSurface(width: width, height: height, context: context)
    state.fitHelp(width: width, height: height)
    state.refreshOverlay()
    state.refreshExplanation()
    return Screen.draw(state, width: width, height: height, context: context)
  }
}
