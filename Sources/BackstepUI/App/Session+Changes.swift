import BackstepCore

/// A session's settings changed while it runs: rebuilt from its configuration, retrained from
/// the next iteration, or watched for other breakpoints. A refused change puts `config` back
/// to the committed one and throws why, so nothing half-applied stays.
extension Session {
  /// Rebuilds the run from `config`: new weights from the seed, new data (``install(_:config:label:)``).
  /// `dropModel` forgets a loaded model file, whose weights no longer fit a changed network.
  mutating func rebuild(dropModel: Bool) throws {
    var next = config
    if dropModel && next.model != nil {
      next.model = nil
    }
    do {
      install(try next.resolve().makeStepper(), config: next, label: label)
    } catch {
      config = committed
      throw error
    }
  }

  /// Puts a stepper newly built from `config` in place of the current one: the old run's loss
  /// curve stays as the ghost (the latest one that has a curve), labelled by what it had that
  /// the new run has not, and the breakpoints keep their switches.
  mutating func install(_ built: Stepper, config next: RunConfiguration, label: String?) {
    let old = (history: stepper.history, aspects: RunAspects.of(committed, stepper))
    let watched = stepper.breakpoints
    stepper = built
    stepper.keepSwitches(of: watched)
    config = next
    committed = next
    self.label = label
    if let taken = LossGhost(history: old.history, aspects: old.aspects) { ghost = taken }
    ghost?.relabel(against: RunAspects.of(committed, stepper))
  }

  /// Changes the training settings from the next iteration on and keeps the weights: the
  /// settings now waiting, and the step they take effect from (nil when nothing changes).
  mutating func reconfigure() throws -> (settings: TrainingSettings, from: Int?) {
    do {
      var probe = config
      probe.model = nil
      let settings = try probe.trainingSettings(base: stepper.upcomingSettings, seed: stepper.settings.seed)
      let from = try stepper.reconfigure(settings)
      committed = config
      return (settings, from)
    } catch {
      config = committed
      throw error
    }
  }

  /// Applies the configuration's breakpoints and thresholds to the running stepper: nothing is
  /// rebuilt and training goes on from where it is. Whether the list of breakpoints changed.
  mutating func rewatch() throws -> Bool {
    do {
      let thresholds = try config.thresholds()
      try stepper.watch(for: Breakpoints.watched(config.breakOn))
      stepper.thresholds = thresholds
      let listChanged = config.breakOn != committed.breakOn
      committed = config
      return listChanged
    } catch {
      config = committed
      throw error
    }
  }
}
