import ArgumentParser
import BackstepCore
import Foundation

/// `backstep bench`: measures the engine and the screen against the performance budget.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure training speed, frame rendering, stepping, start-up and memory.",
    discussion: """
      The training figure runs the reference work: a 2-8-8-1 network (tanh, tanh, sigmoid) with \
      BCE on 500 circle points, full batch, plain SGD with lr 0.03, 2000 steps, loaded from the \
      copy of the reference problem built into backstep. Its final loss must be \
      0.24922646362129, which proves the work is the same as the peers'. Times are medians of \
      several runs; compare ratios measured in the same run, not absolute figures.

      Examples:
        backstep bench
        backstep bench --json
        backstep bench --compare ../shared/bench/numpy_peer.py
      """)

  @Flag(name: .long, help: "One JSON object per line instead of a table.")
  var json = false

  @Option(name: .long, help: ArgumentHelp("Run this numpy peer in the same run and print the ratio.", valueName: "numpy_peer.py"))
  var compare: String?

  @Option(name: .long, help: "Repetitions of each measurement (the median is reported).")
  var runs: Int = 5

  @Option(name: .long, help: "Steps of the reference training (2000 proves the final loss).")
  var steps: Int = ReferenceProblem.steps

  func validate() throws {
    if runs < 1 { throw ValidationError("--runs must be at least 1") }
    if steps < 1 { throw ValidationError("--steps must be at least 1") }
  }

  func run() throws {
    var report = BenchReport(json: json)
    let training = try BenchTraining.reference(runs: runs, steps: steps)
    report.add(
      "train-reference",
      [("examples_per_s", .number(training.examplesPerSecond)), ("final_loss", .number(training.finalLoss)),
       ("median_s", .number(training.medianSeconds)), ("matches_reference", .flag(training.matches))],
      text: "training      \(Format.short(training.examplesPerSecond / 1e6, digits: 3)) M examples/s, final loss \(String(format: "%.14f", training.finalLoss)) \(training.matches ? "(matches the reference)" : "(DIFFERS from 0.24922646362129)")")
    for (name, stepper) in try BenchStepping.networks() {
      let perStage = BenchStepping.secondsPerStage(stepper, runs: runs)
      report.add(
        "stage-\(name)", [("us_per_stage", .number(perStage * 1e6))],
        text: "one stage     \(Format.short(perStage * 1e6, digits: 3)) µs on \(name)")
    }
    let rewind = try BenchMemory.rewindHistoryBytes(iterations: 10_000)
    report.add(
      "rewind-history", [("iterations", .number(10_000)), ("bytes", .number(Double(rewind)))],
      text: "rewind        \(Format.short(Double(rewind) / 1_048_576, digits: 3)) MB for 10,000 iterations of the reference network")
    report.add(
      "peak-memory", [("resident_mb", .number(BenchMemory.peakResidentMB()))],
      text: "memory        \(Format.short(BenchMemory.peakResidentMB(), digits: 3)) MB peak resident")
    if let compare {
      if let peer = BenchPeer.run(script: compare, steps: steps) {
        report.add(
          "numpy-peer", [("examples_per_s", .number(peer.examplesPerSecond)), ("final_loss", .number(peer.finalLoss)),
                         ("ratio", .number(training.examplesPerSecond / peer.examplesPerSecond))],
          text: "numpy peer    \(Format.short(peer.examplesPerSecond / 1e6, digits: 3)) M examples/s; backstep is \(Format.short(training.examplesPerSecond / peer.examplesPerSecond, digits: 3))× as fast")
      } else {
        report.add("numpy-peer", [("skipped", .flag(true))], text: "numpy peer    skipped: python3 with numpy did not run \(compare)")
      }
    }
    report.print()
  }
}
