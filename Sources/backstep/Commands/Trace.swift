import ArgumentParser
import BackstepCore

/// `backstep trace`: one JSON line per optimizer step, every intermediate value included.
struct Trace: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train and write a JSON Lines trace of every step, for comparison with other tools.",
    discussion: """
      Each line holds the step, the batch rows, the loss parts, z, a and δ per layer, dW and db \
      before and after clipping, the weights after the update and the gradient norms. Numbers \
      print with full precision; NaN and infinity print as null. docs/formats.md lists the keys.

      Examples:
        backstep trace --layers 2 --steps 3 --batch-size full --no-shuffle
        backstep trace --model m.json --data d.csv --optimizer adam --steps 10 --out t.jsonl
      """)

  @OptionGroup var options: RunOptions
  @OptionGroup(title: "Stopping") var stopping: StoppingOptions

  @Option(name: .long, help: ArgumentHelp("Write the trace here (atomically) instead of to stdout.", valueName: "file.jsonl"))
  var out: String?

  func run() throws {
    let resolved = try options.configuration().resolve()
    var stepper = try resolved.makeStepper(historyLimit: 1)
    let plan = try TrainingPlan(stepper: stepper, stopping: stopping, defaultSteps: 10)
    let sink = try out.map { path throws(FileError) in try AtomicFile.Writer(path: path) }
    do {
      var hit: BreakHit?
      _ = try plan.execute(&stepper, progress: Progress(total: plan.totalSteps, enabled: sink != nil && Console.stderrIsTerminal), hit: &hit) { s in
        let line = TraceWriter.line(for: s)
        if let sink { try sink.write(line + "\n") } else { try Console.out(line) }
      }
      try sink?.commit()
    } catch {
      sink?.discard()
      throw error
    }
  }
}
