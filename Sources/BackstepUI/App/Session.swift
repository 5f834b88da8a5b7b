import BackstepCore

/// One network's run: the settings it was built from, its stepper, and what the screen keeps
/// about it (the previous run's loss curve, the last breakpoint that held, the value under the
/// cursor explained, its output over the input plane). The application state holds one, or two
/// side by side in lockstep; the screen draws a session, never the whole state.
public struct Session: Sendable {
  /// The settings the run was built from; live changes edit this and rebuild.
  public internal(set) var config: RunConfiguration
  /// The configuration the stepper was last built from. Live changes edit `config` first;
  /// when the change is refused, `config` goes back to this, so nothing half-applied stays.
  var committed: RunConfiguration
  public var stepper: Stepper
  /// The loss curve of the run before the last rebuild, drawn faintly under the current one.
  public internal(set) var ghost: LossGhost?
  /// The last breakpoint that held, in run mode or stepping by hand; the caption names it while
  /// the screen is on its stage.
  public internal(set) var lastBreak: BreakHit?
  /// How the value under the cursor was made, as the core decomposes it; nil until its stage has
  /// run in this iteration. Kept current by `AppState.refreshExplanation()`, so that the caption
  /// and the explain panel only read it.
  public internal(set) var explanation: Decomposition?
  /// The network's output over the input plane, at the surface panel's grid; nil when the
  /// network does not take two inputs. Kept current by `AppState.refreshSurface(width:height:context:)`.
  public internal(set) var surface: OutputSurface?
  /// Run mode's surface in the making, a few grid rows a frame; nil when none is under way.
  var surfaceRefresh: SurfaceRefresh?
  /// What sets this network apart in a comparison, as its heading says it: "A: sigmoid",
  /// "B: relu"; nil for a network on its own.
  public internal(set) var label: String?

  /// Builds the run a configuration describes. Throws what resolving it throws.
  public init(config: RunConfiguration) throws {
    try self.init(config: config, stepper: config.resolve().makeStepper())
  }

  /// A session around a stepper already built from `config`.
  init(config: RunConfiguration, stepper: Stepper, label: String? = nil) {
    self.config = config
    self.committed = config
    self.stepper = stepper
    self.label = label
  }

  /// The examples a batch holds as the maps draw them: the current record's rows, or the
  /// schedule's batch size before the first batch is drawn.
  public var batchExamples: Int { max(stepper.record.input.rows, stepper.schedule.batchSize, 1) }

  /// The 0-based training row of the example at `position`, once its batch is drawn.
  public func trainingRow(ofExample position: Int) -> Int? {
    let rows = stepper.record.batchIndices
    return rows.indices.contains(position) ? rows[position] : nil
  }
}
