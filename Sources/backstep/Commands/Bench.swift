import ArgumentParser
import BackstepCore
import BackstepUI
import Foundation

/// `backstep bench`: measures the engine and the screen against the performance budget.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure training speed, frame rendering, what the screen sends, stepping, start-up and memory.",
    discussion: """
      The training figure runs the reference work: a 2-8-8-1 network (tanh, tanh, sigmoid) with \
      BCE on 500 circle points, full batch, plain SGD with lr 0.03, 2000 steps, loaded from the \
      copy of the reference problem built into backstep. Its final loss must be \
      0.24922646362129, which proves the work is the same as the peers'. Times are medians of \
      several runs; compare ratios measured in the same run, not absolute figures.

      Examples:
        backstep bench
        backstep bench --json
        backstep bench --compare
        backstep bench --compare --peer ~/numpy_peer.py
        backstep bench --scaling          # time per iteration against width, depth, batch
      """)

  @Flag(name: .long, help: "One JSON object per line instead of a table.")
  var json = false

  @Flag(name: .long, help: "Also run the numpy peer in the same run and print the ratio.")
  var compare = false

  @Option(name: .long, help: ArgumentHelp("The numpy peer that --compare runs.", valueName: "path"))
  var peer: String = "../shared/bench/numpy_peer.py"

  @Option(name: .long, help: ArgumentHelp("The jax peer (whole loop compiled) that --compare runs when jax is installed.", valueName: "path"))
  var jaxPeer: String = "../shared/bench/jax_peer.py"

  @Flag(name: .long, help: "Also measure how time per iteration grows with width, depth and batch.")
  var scaling = false

  @Option(name: .long, parsing: .unconditional, help: "Repetitions of each measurement, at least 1 (the median is reported).")
  var runs: Int = 5

  @Option(name: .long, parsing: .unconditional, help: "Steps of the reference training, at least 1 (2000 proves the final loss).")
  var steps: Int = ReferenceProblem.steps

  @Option(
    name: .long, parsing: .upToNextOption,
    help: ArgumentHelp("Run only these measurements: \(Bench.measurements.joined(separator: ", ")).", valueName: "name"))
  var only: [String] = []

  /// The measurements --only can pick, in the order they run.
  static let measurements = ["train", "run-mode", "traffic", "stage", "rewind", "render", "frames", "first-frame", "memory"]

  func wants(_ name: String) -> Bool { only.isEmpty || only.contains(name) }

  func validate() throws {
    for name in only where !Bench.measurements.contains(name) {
      throw ValidationError("--only takes \(Bench.measurements.joined(separator: ", ")); not '\(name)'")
    }
    if runs < 1 { throw ValidationError("--runs must be at least 1, not \(runs)") }
    if steps < 1 { throw ValidationError("--steps must be at least 1, not \(steps)") }
  }

  func run() throws {
    var report = BenchReport(json: json)
    let training = wants("train") || wants("run-mode") || compare ? try BenchTraining.reference(runs: runs, steps: steps) : nil
    if let training, wants("train") {
      try report.add(
        "kernels", [("path", .text(KernelPath.current.rawValue)), ("available", .text(KernelPath.available.map(\.rawValue).joined(separator: " ")))],
        text: "kernels       \(KernelPath.selection.description); this machine runs \(KernelPath.available.map(\.rawValue).joined(separator: ", "))")
      try report.add(
        "train-reference",
        [
          ("examples_per_s", .number(training.examplesPerSecond)), ("final_loss", .number(training.finalLoss)),
          ("median_s", .number(training.medianSeconds)), ("matches_reference", .flag(training.matches)),
        ],
        text:
          "training      \(Format.short(training.examplesPerSecond / 1e6, digits: 3)) M examples/s, final loss \(String(format: "%.14f", training.finalLoss)) \(training.matches ? "(matches the reference)" : "(DIFFERS from 0.24922646362129)")"
      )
    }
    if wants("run-mode"), let training {
      let run = try BenchRunMode.measure(seconds: 2)
      let share = run.examplesPerSecond / training.examplesPerSecond
      try report.add(
        "run-mode",
        [
          ("frames_per_s", .number(run.framesPerSecond)), ("examples_per_s", .number(run.examplesPerSecond)),
          ("share_of_headless", .number(share)),
        ],
        text:
          "run mode      \(Format.short(run.framesPerSecond, digits: 3)) frames/s at 120×36 while training \(Format.short(run.examplesPerSecond / 1e6, digits: 3)) M examples/s, \(Format.short(share * 100, digits: 3)) % of headless"
      )
      let wide = try BenchRunMode.measure(seconds: 2, work: .layers(Array(repeating: 64, count: 8)))
      try report.add(
        "run-mode-8x64", [("frames_per_s", .number(wide.framesPerSecond)), ("examples_per_s", .number(wide.examplesPerSecond))],
        text:
          "run mode      \(Format.short(wide.framesPerSecond, digits: 3)) frames/s at 120×36 on eight hidden layers of 64 units, training \(Format.short(wide.examplesPerSecond / 1e3, digits: 3)) k examples/s"
      )
    }
    if wants("traffic") {
      if let traffic = try BenchTraffic.measure(seconds: 2) {
        try report.add(
          "traffic",
          [
            ("bytes_per_s", .number(traffic.bytesPerSecond)), ("bytes_per_frame", .number(traffic.bytesPerFrame)),
            ("frames_per_s", .number(traffic.framesPerSecond)), ("idle_bytes", .number(Double(traffic.idleBytes))),
          ],
          text:
            "traffic       \(Format.short(traffic.bytesPerSecond / 1000, digits: 3)) kB/s sent by ncurses in run mode at 120×36 (\(Format.short(traffic.bytesPerFrame / 1000, digits: 3)) kB a frame at \(Format.short(traffic.framesPerSecond, digits: 3)) frames/s); \(traffic.idleBytes) bytes for \(BenchTraffic.idleDraws) frames of a paused screen"
        )
      } else {
        try report.add("traffic", [("skipped", .flag(true))], text: "traffic       skipped: no pseudo-terminal, or ncurses does not know xterm-256color")
      }
    }
    if wants("stage") {
      for (name, stepper) in try BenchStepping.networks() {
        let perStage = BenchStepping.secondsPerStage(stepper, runs: runs)
        try report.add(
          "stage-\(name)", [("us_per_stage", .number(perStage * 1e6))],
          text: "one stage     \(Format.short(perStage * 1e6, digits: 3)) µs on \(name)")
      }
    }
    if wants("rewind") {
      let rewind = try BenchMemory.rewindHistoryBytes(iterations: 10_000)
      try report.add(
        "rewind-history", [("iterations", .number(10_000)), ("bytes", .number(Double(rewind)))],
        text: "rewind        \(Format.short(Double(rewind) / 1_048_576, digits: 3)) MB for 10,000 iterations of the reference network")
    }
    if wants("render") {
      for (width, height) in [(200, 60), (120, 36)] {
        let ms = try BenchScreen.millisecondsPerFrame(width: width, height: height, runs: runs)
        try report.add(
          "render-\(width)x\(height)", [("ms_per_frame", .number(ms))],
          text: "one frame     \(Format.short(ms, digits: 3)) ms at \(width)×\(height), 256 colours, mid backward pass")
      }
    }
    if wants("frames") {
      for network in BenchFrames.networks {
        for running in [true, false] {
          let ms = try BenchFrames.measure(network, width: 200, height: 60, running: running, runs: runs)
          let mode = running ? "running" : "paused"
          try report.add(
            "frame-\(network.name)-\(mode)", [("ms_median", .number(ms.median)), ("ms_worst", .number(ms.worst))],
            text:
              "one frame     \(Format.short(ms.median, digits: 3)) ms (slowest \(Format.short(ms.worst, digits: 3))) at 200×60 on \(network.name), \(mode)")
        }
      }
    }
    if wants("first-frame"), let ms = BenchScreen.millisecondsToFirstFrame(runs: runs) {
      try report.add(
        "first-frame", [("ms", .number(ms))],
        text: "first frame   \(Format.short(ms, digits: 3)) ms from start to a 120×36 frame written (backstep render)")
    }
    if wants("memory"), let mb = BenchMemory.programPeakResidentMB() {
      try report.add(
        "peak-memory", [("resident_mb", .number(mb))],
        text: "memory        \(Format.short(mb, digits: 3)) MB peak resident: backstep after 10,000 iterations with its rewind history, drawing 200×60")
    }
    if compare, let training {
      try addPeer("numpy-peer", label: "numpy peer", requirement: "numpy", script: peer, against: training, to: &report)
      try addPeer("jax-peer", label: "jax peer  ", requirement: "jax", script: jaxPeer, against: training, to: &report)
    }
    if scaling {
      let rows = try BenchScaling.rows(runs: runs) { Progress.note("scaling: \($0)") }
      Progress.clearNote()
      for row in rows {
        try report.add(
          "scaling-\(row.axis)",
          [
            ("value", .number(Double(row.value))), ("shape", .text(row.shape.map(String.init).joined(separator: "-"))),
            ("batch", .number(Double(row.batch))), ("us_per_iteration", .number(row.secondsPerIteration * 1e6)),
            ("multiply_adds", .number(row.work)), ("ns_per_multiply_add", .number(row.nanosecondsPerMultiplyAdd)),
          ],
          text: "scaling       " + Text.pad(row.axis + " " + String(row.value), 11) + Text.pad(row.shapeText, 14) + "B=" + Text.pad(String(row.batch), 6)
            + String(format: "%10.1f µs/iteration %6.2f ns per B·Σn·n", row.secondsPerIteration * 1e6, row.nanosecondsPerMultiplyAdd))
      }
    }
  }

  /// Runs a peer on the reference work and reports its rate beside backstep's, measured in the same run.
  private func addPeer(
    _ name: String, label: String, requirement: String, script: String, against training: BenchTraining.Result, to report: inout BenchReport
  ) throws {
    guard let result = BenchPeer.run(script: script, steps: steps) else {
      return try report.add(name, [("skipped", .flag(true))], text: "\(label)    skipped: python3 with \(requirement) did not run \(script)")
    }
    let ratio = training.examplesPerSecond / result.examplesPerSecond
    try report.add(
      name,
      [("examples_per_s", .number(result.examplesPerSecond)), ("final_loss", .number(result.finalLoss)), ("ratio", .number(ratio))],
      text: "\(label)    \(Format.short(result.examplesPerSecond / 1e6, digits: 3)) M examples/s; backstep is \(Format.short(ratio, digits: 3))× as fast")
  }
}
