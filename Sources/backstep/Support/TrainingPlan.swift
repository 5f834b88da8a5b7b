import BackstepCore

/// How many steps a headless run takes, and the loop that takes them.
struct TrainingPlan {
  let totalSteps: Int
  let targetLoss: Double?

  /// The steps that `stopping` asks for (`defaultSteps` when it names none). Refuses a plan
  /// whose count overflows, or that would carry the step count or the batch position past
  /// ``ModelFile/maxCount``, where a saved model could no longer be read back.
  init(stepper: Stepper, stopping: StoppingOptions, defaultSteps: Int = 1000) throws {
    targetLoss = stopping.targetLoss
    let perEpoch = stepper.schedule.stepsPerEpoch
    if let epochs = stopping.epochs {
      let (steps, overflow) = epochs.multipliedReportingOverflow(by: perEpoch)
      guard !overflow, steps <= ModelFile.maxCount else {
        throw ConfigurationError(
          "\(epochs) epochs of \(perEpoch) steps are more than \(ModelFile.maxCount) steps, the most a run can count", setting: "epochs")
      }
      totalSteps = steps
    } else {
      totalSteps = stopping.steps ?? defaultSteps
    }
    let setting = stopping.epochs == nil ? "steps" : "epochs"
    let (endStep, stepOverflow) = stepper.step.addingReportingOverflow(totalSteps)
    let (rows, rowOverflow) = totalSteps.multipliedReportingOverflow(by: stepper.schedule.batchSize)
    let (endRow, positionOverflow) = stepper.schedule.position.addingReportingOverflow(rows)
    guard !stepOverflow, !rowOverflow, !positionOverflow, endStep <= ModelFile.maxCount, endRow <= ModelFile.maxCount else {
      throw ConfigurationError(
        "\(totalSteps) steps from step \(stepper.step) would count past \(ModelFile.maxCount), the most a model file holds", setting: setting)
    }
  }

  /// Runs the steps, calling `each` after every one. Returns why it stopped. With
  /// `breakpoints`, every stage is checked and the run stops right after the first stage where
  /// one of the stepper's breakpoints holds: ``hit`` then says which.
  func execute(
    _ stepper: inout Stepper, progress: Progress, breakpoints: Bool = false, hit: inout BreakHit?, each: (Stepper) throws -> Void = { _ in }
  ) rethrows -> String {
    for done in 0..<totalSteps {
      if breakpoints {
        hit = stepper.finishIterationChecked()
        if let hit, hit.fault == nil { return "break: \(hit)" }
        // A NaN is not a break: its step runs to its end, as without breakpoints, so that the
        // step is measured (and written to --metrics) once, with the damage in it.
        if hit != nil, stepper.reached < stepper.stages.count { stepper.finishIteration() }
      } else {
        stepper.finishIteration()
      }
      try each(stepper)
      progress.update(step: done + 1, loss: stepper.history.latest?.trainLoss ?? stepper.record.loss)
      if let targetLoss, let loss = stepper.history.latest?.trainLoss, loss <= targetLoss {
        return "reached the target loss \(Format.short(targetLoss)) at step \(stepper.step)"
      }
      if let event = stepper.firstNonFinite {
        return "stopped: NaN or infinity in \(event)"
      }
    }
    return "ran \(totalSteps) step" + (totalSteps == 1 ? "" : "s")
  }
}

/// Training that produced NaN or infinity: the run failed, and a model file is not replaced.
struct Diverged: Error, CustomStringConvertible {
  let event: NonFiniteEvent
  /// The model file that was kept as it was, if one was to be saved.
  let kept: String?

  var description: String {
    "training diverged: NaN or infinity first appeared in \(event)" + (kept.map { "; \($0) not saved, the file is unchanged" } ?? "")
  }
}

/// Training stopped at a breakpoint (`train --break-on`): exit status 3.
struct BreakReached: Error, CustomStringConvertible {
  let hit: BreakHit

  var description: String { "stopped at a breakpoint: \(hit)" }
}
