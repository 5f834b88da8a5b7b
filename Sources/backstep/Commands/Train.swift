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

      When NaN or infinity appears the run stops, the summary is printed, the model is not \
      saved (an existing file is kept as it was) and the exit status is 1.

      --metrics FILE.csv writes one row per step for a notebook: step, epoch, batch_loss, \
      train_loss, test_loss, train_accuracy, test_accuracy, then the columns of layer 1: \
      L1_norm_W (‖W‖ before the update), L1_norm_dW, L1_norm_delta, L1_update_ratio \
      (‖ΔW‖/‖W‖, about 1e-3 is the usual guide), L1_mean_abs_a, L1_dead_fraction, \
      L1_saturated_fraction, L1_verdict (healthy, vanishing, exploding, non_finite); then L2_… \
      for layer 2, up to the output layer. Numbers have full precision; nan is a NaN the run \
      produced, an empty cell a value not measured, and pandas reads both as NaN: \
      df = pandas.read_csv("m.csv"); df.plot(x="step", y="L1_norm_dW", logy=True). The file is \
      put in place when training ends, also when it diverges (its last row is then the step \
      that went wrong); an interrupted run leaves an existing file as it was. docs/formats.md \
      describes every column, docs/notebook.md a session in pandas.

      With --break-on LIST, every stage is checked and the run stops right after the first \
      stage where a breakpoint holds: it prints where and why ("break: exploding at B1 of \
      step 412, ‖dW₁‖ = 3.2e+04") with the summary, and the exit status is 3. The model is \
      saved with --save as it stood before the step that broke (that step's batch not yet \
      taken): the visualizer, opened on that file with the same breakpoints, replays the \
      step and stops at the same stage on screen (a plateau excepted: the history is not \
      saved). Saving \
      there rather than not at all keeps what the break is about for a closer look. A NaN or \
      infinity is still a failure, with status 1.

      Examples:
        backstep train --dataset xor --layers 8,8 --steps 3000
        backstep train --optimizer adam --lr 0.01 --batch-size full --epochs 200 --save xor.json
        backstep train --data points.csv --targets label --loss ce --layers 16 --target-loss 0.05
        backstep train --model xor.json --steps 500 --save xor.json     (resume and save again)
        backstep train --dataset spiral --layers 16,16 --steps 2000 --metrics spiral.csv
        backstep train --config demos/07-exploding.yaml --break-on exploding --save at-break.json
      """)

  @OptionGroup var options: RunOptions
  @OptionGroup(title: "Stopping") var stopping: StoppingOptions

  @Option(name: .long, help: ArgumentHelp("Save the trained model here (atomically).", valueName: "file.json"))
  var save: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write one CSV row per step (losses, accuracy, per-layer norms, ratios, fractions, verdicts) here, atomically; see below.",
      valueName: "file.csv"))
  var metrics: String?

  func run() throws {
    let resolved = try options.configuration().resolve()
    var stepper = try resolved.makeStepper(historyLimit: 1)
    let plan = try TrainingPlan(stepper: stepper, stopping: stopping)
    if let save { try AtomicFile.check(save) }
    let table = try metrics.map { path throws(FileError) in try MetricsWriter(path: path, layers: stepper.network.depth) }
    let progress = Progress(total: plan.totalSteps, enabled: Console.stderrIsTerminal)
    var hit: BreakHit?
    let reason: String
    do {
      defer { progress.finish() }
      reason = try plan.execute(&stepper, progress: progress, breakpoints: resolved.watchesBreakpoints, hit: &hit) { s in
        try s.history.latest.map { try table?.append($0) }
      }
      // Kept when the run diverged or broke too: the last rows show how it went.
      try table?.commit()
    } catch {
      table?.discard()
      throw error
    }
    // At a break, the run as a model file keeps it: the step that broke not yet taken. (A NaN
    // is kept where it appeared: the run failed, and is reported so.)
    if hit?.fault == nil { stepper.abandonIteration() }
    // The summary is printed before saving, and a failure to print it is reported after:
    // a full stdout should not cost the trained model.
    let printed = Result { () throws(OutputError) in try Console.out(Summary.text(for: stepper, stoppedBecause: reason)) }
    let wrote = table.map { "wrote \($0.rows) rows of metrics to \($0.path)" }
    if let event = stepper.firstNonFinite {
      if let wrote { try Console.out(wrote) }
      throw Diverged(event: event, kept: save)
    }
    if let save {
      try ModelFile(
        network: stepper.network, training: stepper.settings, optimizerState: stepper.optimizerState,
        schedulePosition: stepper.schedule.position, data: resolved.dataSource
      ).save(path: save)
    }
    try printed.get()
    if let wrote { try Console.out(wrote) }
    if let save { try Console.out("saved \(save)" + (hit == nil ? "" : " at step \(stepper.step), before the step that broke")) }
    if let hit { throw BreakReached(hit: hit) }
  }
}
