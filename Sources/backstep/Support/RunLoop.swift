import BackstepCore
import BackstepUI
import CursesTerminal
import Foundation
import TermGrid

/// The interactive loop: read a key, update the state, draw. While paused it sleeps in the key
/// read, so an idle screen uses no CPU; while running it draws about 30 frames a second and
/// trains in between (see ``RunPacing``).
enum RunLoop {
  /// Runs until q, Ctrl-C or a signal. Returns SIGTERM or SIGHUP when one ended it.
  static func run(_ initial: AppState) throws -> Int32? {
    var state = initial
    let session = try TerminalSession.start()
    defer { session.close() }
    state.renderContext = RenderContext(level: session.colorLevel, unicode: session.unicode)
    state.update(.resize(width: session.size.width, height: session.size.height))
    if let note = session.localeNote { state.message = note }
    var last = RunPacing.now()
    draw(state, session)
    while !state.shouldQuit {
      if let sig = session.takeSignal() { return ending(sig) }
      var key: Key?
      if state.running {
        // The time since the last frame becomes owed work; it is run one stage or iteration
        // at a time with keys read in between, at every speed.
        let start = RunPacing.now()
        state.update(.tick(seconds: start - last))
        last = start
        RunPacing.train(&state, from: start) {
          key = session.readKey(timeout: 0)
          return key != nil || session.hasSignal
        }
        if key == nil && state.running && state.speed != .unlimited && !session.hasSignal {
          key = session.readKey(timeout: RunPacing.msLeft(inFrameFrom: start))
        }
      } else {
        key = session.readKey(timeout: -1)
        last = RunPacing.now()
      }
      if let key { handle(key, &state, session) }
      if let sig = session.takeSignal() { return ending(sig) }
      // Run mode trains outside update(_:): the surface catches up once a frame, not once a step.
      state.refreshSurface()
      draw(state, session)
    }
    return nil
  }

  /// Ctrl-C is a quit key like q; SIGTERM and SIGHUP end with the shell's 128 + n.
  static func ending(_ signal: Int32) -> Int32? { signal == SIGINT ? nil : signal }

  static func handle(_ key: Key, _ state: inout AppState, _ session: TerminalSession) {
    if key == .resize {
      state.update(.resize(width: session.size.width, height: session.size.height))
      session.invalidate()
    } else {
      state.handle(key)
    }
  }

  static func draw(_ state: AppState, _ session: TerminalSession) {
    let (w, h) = session.size
    session.draw(Screen.render(state, width: w, height: h, context: state.renderContext))
  }
}
