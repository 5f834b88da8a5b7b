import BackstepCore
import BackstepUI
import CursesTerminal
import Dispatch
import Foundation
import TermGrid

/// The interactive loop: read a key, update the state, draw. While paused it sleeps in the key
/// read, so an idle screen uses no CPU; while running it draws about 30 frames a second and
/// trains in between.
enum RunLoop {
  static let frameSeconds = 1.0 / 30

  /// Runs until q, Ctrl-C or a signal. Returns SIGTERM or SIGHUP when one ended it.
  static func run(_ initial: AppState) throws -> Int32? {
    var state = initial
    let session = try TerminalSession.start()
    defer { session.close() }
    state.renderContext = RenderContext(level: session.colorLevel, unicode: session.unicode)
    var size = session.size
    state.update(.resize(width: size.width, height: size.height))
    var last = now()
    draw(state, session)
    var ending: Int32?
    while !state.shouldQuit {
      if let sig = session.takeSignal() {
        ending = sig
        break
      }
      let timeout = state.running ? max(1, Int((frameSeconds - (now() - last)) * 1000)) : -1
      if let key = session.readKey(timeout: timeout) {
        if key == .resize {
          size = session.size
          state.update(.resize(width: size.width, height: size.height))
          session.invalidate()
        } else {
          state.handle(key)
        }
      }
      if let sig = session.takeSignal() {
        ending = sig
        break
      }
      let t = now()
      if state.running {
        if state.speed == .unlimited {
          // Train until most of the frame is spent, then draw.
          let deadline = last + frameSeconds * 0.8
          repeat { state.runChunk() } while now() < deadline && state.running
        } else {
          state.update(.tick(seconds: t - last))
        }
      }
      last = t
      draw(state, session)
    }
    // Ctrl-C is a quit key like q; SIGTERM and SIGHUP end with the shell's 128 + n.
    return ending == SIGINT ? nil : ending
  }

  static func draw(_ state: AppState, _ session: TerminalSession) {
    let (w, h) = session.size
    session.draw(Screen.render(state, width: w, height: h, context: state.renderContext))
  }

  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
