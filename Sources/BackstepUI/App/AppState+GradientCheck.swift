import BackstepCore

/// The gradient check from the keyboard or the prompt.
extension AppState {
  /// The gradient check on the next batch, in an overlay; refused, saying why, when it is
  /// beyond ``WorkBudget``: it cannot be interrupted, and the screen would not answer a key.
  mutating func gradientCheck() {
    var schedule = stepper.schedule
    let rows = schedule.next()
    let cost = WorkBudget.gradientCheck(stepper.network, rows: rows.count)
    guard cost <= WorkBudget.multiplyAdds else {
      overlay = .gradientCheck(
        """
        not run: \(stepper.network.parameterCount) parameters on a batch of \(rows.count) rows take \(Format.short(Double(cost), digits: 2))
        multiply-adds (four forward passes per parameter), over the
        \(Format.short(Double(WorkBudget.multiplyAdds), digits: 1)) the screen does in one piece (about half a second):
        no key can be read until it ends. Run `backstep check` with
        the same settings, or check a smaller network or batch.
        """)
      return
    }
    let results = GradientCheck.run(
      network: stepper.network, input: stepper.data.train.inputs.gatherRows(rows),
      target: stepper.data.train.targets.gatherRows(rows), regularization: stepper.settings.regularization)
    overlay = .gradientCheck(
      (["batch of \(rows.count) rows", GradientCheck.table(results)] + GradientCheckDrillDown.lines(results)).joined(separator: "\n"))
  }
}
