import ArgumentParser
import BackstepCore
import BackstepUI

/// `backstep check`: the analytic gradient against finite differences, layer by layer.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare backpropagation's gradient with finite differences, per layer.",
    discussion: """
      Every weight and bias is nudged by ±h and ±2h, and the fourth-order central difference \
      of the batch loss (data plus regularisation, no dropout) is compared with dW and db. \
      A relative error below 1e-6 is a pass. The exit status is 1 when a layer fails.

      Examples:
        backstep check
        backstep check --layers 6,6 --activation elu --loss mse --l2 0.01
        backstep check --model net.json --steps 100     (train 100 steps first)
      """)

  @OptionGroup var options: RunOptions

  @Option(name: .long, parsing: .unconditional, help: "Train this many steps before checking, at least 0 (default 0).")
  var steps: Int = 0

  func validate() throws {
    if steps < 0 { throw ValidationError("--steps must be at least 0, not \(steps)") }
  }

  func run() throws {
    let resolved = try options.configuration().resolve()
    var stepper = try resolved.makeStepper(historyLimit: 1)
    stepper.run(iterations: steps)
    var schedule = stepper.schedule
    let rows = schedule.next()
    let input = stepper.data.train.inputs.gatherRows(rows)
    let target = stepper.data.train.targets.gatherRows(rows)
    let results = GradientCheck.run(
      network: stepper.network, input: input, target: target, regularization: stepper.settings.regularization)
    try Console.out("gradient check: \(stepper.network.architecture), \(stepper.network.loss.rawValue), batch of \(rows.count), step \(stepper.step)")
    try Console.out(GradientCheck.table(results))
    for line in GradientCheckDrillDown.lines(results) { try Console.out(line) }
    if !results.allSatisfy(\.passed) { throw ExitCode(1) }
  }
}
