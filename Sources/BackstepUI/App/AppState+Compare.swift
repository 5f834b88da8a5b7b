import BackstepCore

/// Two networks in lockstep: the session (A, as the settings describe it) and ``AppState/other``
/// (B, with the settings of `config.compare` laid over A's), built together by the core's
/// ``Comparison`` on the same data, batches and starting weights, and stepped together by
/// ``Lockstep`` so that both are always in the same iteration.
extension AppState {
  /// Whether two networks are compared.
  public var isComparing: Bool { other != nil }

  /// The network the cursor, the caption and the explain panel read, and the one that fills
  /// the screen when the two do not fit side by side: A unless the switch key chose B.
  public var focused: Session { focus == .right ? other ?? session : session }

  /// One network of the comparison (A without one).
  public func session(_ side: Side) -> Session { side == .right ? other ?? session : session }

  /// The sessions on screen, A first.
  public var sessions: [Session] { [session] + (other.map { [$0] } ?? []) }

  /// Runs `both` on the two steppers of a comparison, or `one` on the session's own.
  mutating func stepping<T>(one: (inout Stepper) -> T, both: (inout Stepper, inout Stepper) -> T) -> T {
    guard var b = other else { return one(&session.stepper) }
    // Taken out while it steps, so that its buffers are not copied on write.
    other = nil
    defer { other = b }
    return both(&session.stepper, &b.stepper)
  }

  /// Runs `iterations` whole iterations in every network, after finishing the one under way.
  public mutating func run(iterations: Int) {
    stepping(one: { $0.run(iterations: iterations) }, both: { Lockstep.run(&$0, &$1, iterations: iterations) })
  }

  /// Rebuilds both networks of the comparison from the session's configuration (which names
  /// the change), new weights shared where they fit. Whether B kept its own settings while A's
  /// changed: the change names the setting just edited.
  @discardableResult
  mutating func rebuildComparison(dropModel: Bool) throws -> Bool {
    var next = session.config
    if dropModel && next.model != nil { next.model = nil }
    do {
      let comparison = try next.makeComparison()
      let keptOwn = next != session.committed && other?.committed == comparison.rightConfiguration
      session.install(comparison.left, config: next, label: comparison.leftLabel)
      if other == nil {
        other = Session(config: comparison.rightConfiguration, stepper: comparison.right, label: comparison.rightLabel)
      } else {
        other?.install(comparison.right, config: comparison.rightConfiguration, label: comparison.rightLabel)
      }
      return keptOwn
    } catch {
      session.config = session.committed
      throw error
    }
  }

  /// Applies a change that keeps the weights (training settings, breakpoints) to the session,
  /// and in a comparison to B as well, with the change laid over A's new configuration. B goes
  /// first, so that a refusal leaves both as they were. Returns what the session's change
  /// returned, and whether B kept its own settings while A's changed.
  mutating func applyToBoth<T>(_ apply: (inout Session) throws -> T) throws -> (result: T, keptOwn: Bool) {
    guard var b = other, let change = session.config.compare else { return (try apply(&session), false) }
    do {
      let edited = session.config != session.committed
      let next = try change.applied(to: session.config)
      let keptOwn = edited && next == b.committed
      b.config = next
      _ = try apply(&b)
      let result = try apply(&session)
      other = b
      // A's heading names A's value of each compared setting, which the change may have moved.
      if let label = try? session.config.comparedLeftLabel() { session.label = label }
      return (result, keptOwn)
    } catch {
      session.config = session.committed
      throw error
    }
  }

  /// "; B keeps activation=relu": said after a change that B's own settings override.
  func keptNote(_ keptOwn: Bool) -> String {
    guard keptOwn, let change = session.config.compare else { return "" }
    return "; \(Side.right.letter) keeps \(change.text)"
  }

  /// `:compare SETTINGS` starts a comparison against the current settings, both runs restarted
  /// from shared starting weights; `:compare off` keeps network A as it is and drops B.
  mutating func compare(_ change: SettingsChange?) {
    guard let change else {
      guard isComparing else {
        message = "no comparison to switch off"
        return
      }
      other = nil
      focus = .left
      // The cursor may stand on a layer B has and A has not.
      clampCursor()
      session.config.compare = nil
      session.committed.compare = nil
      session.label = nil
      message = "comparison off: network A goes on alone"
      return
    }
    session.config.compare = change
    do {
      try rebuildComparison(dropModel: false)
      runner.running = false
      clampCursor()
      message = "comparing \(session.label ?? "A") with \(other?.label ?? "B"); both runs restarted"
    } catch {
      message = "cannot: \(error)"
    }
  }

  /// Switches the network the screen shows and the cursor reads.
  mutating func switchNetwork() {
    guard isComparing else {
      message = "one network: :compare SETTINGS adds a second (e.g. :compare act=relu)"
      return
    }
    focus = focus.other
    clampCursor()
    message = "showing \(focused.label ?? focus.letter)"
  }

  /// "B: relu — vanishing at B1 of step 3, …": a breakpoint's hit, naming the network in a comparison.
  func hitNote(_ hit: BreakHit, side: Side) -> String {
    guard isComparing else { return "\(hit)" }
    return "\(session(side).label ?? side.letter) — \(hit)"
  }

  /// Records each hit on its network's session, for the caption.
  mutating func record(_ hits: [ComparedHit]) {
    for h in hits {
      if h.side == .right { other?.lastBreak = h.hit } else { session.lastBreak = h.hit }
    }
  }
}
