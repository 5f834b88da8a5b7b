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
  /// Which network of a comparison it is; nil for a network on its own.
  var tag: NetworkTag?
  /// Whether the cursor and the caption read this network (a comparison's focus).
  var focused = true
  /// The other network of a comparison, whose breakpoint the caption names too.
  var partner: Session?

  var stepper: Stepper { session.stepper }

  /// "A: sigmoid" in the network's role, for its table and its caption; nil on its own.
  var heading: NetworkHeading? {
    guard let tag, let label = session.label else { return nil }
    return NetworkHeading(tag: tag, label: Side.prefixed(label).rest)
  }
}

extension AppState {
  /// The session on screen, as the screen draws it: the focused one in a comparison.
  var shown: ShownSession { shown(focus) }

  /// One network of the state as the screen draws it.
  func shown(_ side: Side) -> ShownSession {
    ShownSession(
      session: session(side), view: view, cursor: cursor, example: example, tag: isComparing ? (side == .left ? .a : .b) : nil,
      focused: side == focus, partner: isComparing ? session(side.other) : nil)
  }

  /// The layout of a `width` × `height` screen for this state: a table per network where two
  /// fit, the magnitude panel's rows for every network's layers, the lesson's panel.
  func layout(width: Int, height: Int) -> ScreenLayout? {
    ScreenLayout(
      width: width, height: height, depth: sessions.reduce(0) { $0 + $1.stepper.network.depth },
      showSurface: focused.stepper.network.inputCount == 2 || focused.stepper.network.isRecurrent,
      lessonRows: lesson.map { LessonPanel.rows($0, width: width, height: height) } ?? 0,
      tables: sessions.count)
  }
}
