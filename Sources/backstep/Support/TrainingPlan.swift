import BackstepCore

/// How many steps a headless run takes, and the loop that takes them.
struct TrainingPlan {
  let totalSteps: Int
  let targetLoss: Double?

  init(stepper: Stepper, stopping: StoppingOptions) {
    if let epochs = stopping.epochs {
      totalSteps = epochs * stepper.schedule.stepsPerEpoch
    } else {
      totalSteps = stopping.steps ?? 1000
    }
    targetLoss = stopping.targetLoss
  }

  /// Runs the steps, calling `each` after every one. Returns why it stopped.
  func execute(_ stepper: inout Stepper, progress: Progress, each: (Stepper) throws -> Void = { _ in }) rethrows -> String {
    for done in 0..<totalSteps {
      stepper.finishIteration()
      try each(stepper)
      progress.update(step: done + 1, loss: stepper.history.latest?.trainLoss ?? stepper.record.loss)
      if let targetLoss, let loss = stepper.history.latest?.trainLoss, loss <= targetLoss {
        return "reached the target loss \(Format.short(targetLoss)) at step \(stepper.step)"
      }
      if let event = stepper.firstNonFinite {
        return "stopped: NaN or infinity in \(event)"
      }
    }
    return "ran \(totalSteps) steps"
  }
}
