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
      if state.running && state.speed == .unlimited {
        RunPacing.train(&state, from: last) {
          key = session.readKey(timeout: 0)
          return key != nil || session.hasSignal
        }
      } else {
        let timeout = state.running ? max(1, Int((RunPacing.frameSeconds - (RunPacing.now() - last)) * 1000)) : -1
        key = session.readKey(timeout: timeout)
      }
      if let key { handle(key, &state, session) }
      if let sig = session.takeSignal() { return ending(sig) }
      let t = RunPacing.now()
      if state.running && state.speed != .unlimited { state.update(.tick(seconds: t - last)) }
      last = t
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
