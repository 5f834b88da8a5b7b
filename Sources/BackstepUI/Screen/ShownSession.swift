import BackstepCore

/// One network as the screen draws it: its session, with what every network on screen shares —
/// the view options, the inspector's cursor and the selected example. The network table, the
/// example strip, the caption and the explain panel draw one of these, never the whole state.
struct ShownSession {
  let session: Session
  let view: ViewOptions
  let cursor: Cursor
  /// The selected example's 0-based position in the batch.
  let example: Int

  var stepper: Stepper { session.stepper }
}

extension AppState {
  /// The session on screen, as the screen draws it.
  var shown: ShownSession { ShownSession(session: session, view: view, cursor: cursor, example: example) }
}
