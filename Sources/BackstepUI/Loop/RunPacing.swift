import TermGrid

/// How run mode spends a frame: run the work owed (one iteration or stage at a time) until
/// most of the frame is gone, then draw. At full speed the work is as much as fits; at a
/// finite speed it is what the ticks have owed. About every millisecond, and after every
/// unit however long it took, it asks whether a key is waiting and stops early if so, so a
/// key press reaches the screen within a couple of milliseconds rather than a frame, and a
/// heavy network (one slow iteration) never holds the screen for more than that iteration,
/// at any speed. ``RunLoop`` paces with this, for a person and for `backstep bench` alike.
enum RunPacing {
  /// The frame interval aimed for: 30 frames a second.
  static let frameSeconds = 1.0 / 30
  /// The share of a frame given to training; the rest is for drawing and the terminal.
  static let trainingShare = 0.85
  /// How often a waiting key is looked for while training.
  static let keySeconds = 0.001

  /// Runs owed work from `start` until `trainingShare` of a frame has passed, the work or the
  /// run stops, or `interrupted` returns true (it is asked about every `keySeconds`).
  static func train(_ state: inout AppState, from start: Double, clock: any RunClock, interrupted: () -> Bool) {
    let deadline = start + frameSeconds * trainingShare
    var nextLook = clock.now() + keySeconds
    while state.owesWork {
      state.runOwedWork()
      let t = clock.now()
      // Look for a key before leaving at the deadline too: on a heavy network every
      // iteration passes the deadline, and keys must still get through.
      if t >= nextLook || t >= deadline {
        if interrupted() { return }
        nextLook = t + keySeconds
      }
      if t >= deadline { return }
    }
  }

  /// Milliseconds left of the frame begun at `start`, at least 1: how long a finite speed
  /// waits for a key once its owed work is done.
  static func msLeft(inFrameFrom start: Double, clock: any RunClock) -> Int {
    Clamp.int((frameSeconds - (clock.now() - start)) * 1000, in: 1...Int(frameSeconds * 1000))
  }
}
