import BackstepUI
import Dispatch

/// How run mode at full speed spends a frame: train one iteration at a time until most of the
/// frame is gone, then draw. About every millisecond it asks whether a key is waiting and stops
/// early if so, so a key press reaches the screen within a couple of milliseconds rather than a
/// frame, and a heavy network (one slow iteration) never holds the screen for more than that
/// iteration. The interactive loop and `backstep bench` both pace with this, so the bench
/// measures what a person sees.
enum RunPacing {
  /// The frame interval aimed for: 30 frames a second.
  static let frameSeconds = 1.0 / 30
  /// The share of a frame given to training; the rest is for drawing and the terminal.
  static let trainingShare = 0.85
  /// How often a waiting key is looked for while training.
  static let keySeconds = 0.001

  /// Trains from `start` until `trainingShare` of a frame has passed, the run stops, or
  /// `interrupted` returns true (it is asked about every `keySeconds`).
  static func train(_ state: inout AppState, from start: Double, interrupted: () -> Bool) {
    let deadline = start + frameSeconds * trainingShare
    var nextLook = now() + keySeconds
    while state.running {
      state.runChunk(iterations: 1)
      let t = now()
      // Look for a key before leaving at the deadline too: on a heavy network every
      // iteration passes the deadline, and keys must still get through.
      if t >= nextLook || t >= deadline {
        if interrupted() { return }
        nextLook = t + keySeconds
      }
      if t >= deadline { return }
    }
  }

  /// Seconds since boot, monotonic.
  static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
