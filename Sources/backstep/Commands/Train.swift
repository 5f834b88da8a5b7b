import ArgumentParser
import BackstepCore
import Foundation

/// `backstep train`: headless training with a progress line and a summary.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train without a screen, and print the losses and accuracy.",
    discussion: """
      Every setting of the visualizer is a flag here. Training runs whole iterations at full \
      speed; a progress line is drawn on stderr when stderr is a terminal.

      Examples:
        backstep train --dataset xor --layers 8,8 --steps 3000
        backstep train --optimizer adam --lr 0.01 --batch-size full --epochs 200 --save xor.json
        backstep train --data points.csv --targets label --loss ce --layers 16 --target-loss 0.05
        backstep train --model xor.json --steps 500 --save xor.json     (resume and save again)
      """)

  @OptionGroup var options: RunOptions
  @OptionGroup(title: "Stopping") var stopping: StoppingOptions

  @Option(name: .long, help: ArgumentHelp("Save the trained model here (atomically).", valueName: "file.json"))
  var save: String?

  func run() throws {
    let resolved = try options.configuration().resolve()
    var stepper = try resolved.makeStepper(historyLimit: 1)
    let plan = TrainingPlan(stepper: stepper, stopping: stopping)
    let progress = Progress(total: plan.totalSteps, enabled: Console.stderrIsTerminal)
    let reason = try plan.execute(&stepper, progress: progress)
    progress.finish()
    Console.out(Summary.text(for: stepper, stoppedBecause: reason))
    if let save {
      try ModelFile(
        network: stepper.network, training: stepper.settings, optimizerState: stepper.optimizerState,
        schedulePosition: stepper.schedule.position, data: resolved.dataSource
      ).save(path: save)
      Console.out("saved \(save)")
    }
  }
}
