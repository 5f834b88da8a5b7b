import BackstepCore
import Foundation

/// The median wall time of `runs` calls.
func medianSeconds(runs: Int, _ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  times.sort()
  return times[times.count / 2]
}

/// The reference training run.
enum BenchTraining {
  struct Result {
    var examplesPerSecond: Double
    var finalLoss: Double
    var medianSeconds: Double
    var matches: Bool
  }

  static func reference(runs: Int, steps: Int) throws -> Result {
    let start = try ReferenceProblem.stepper()
    var finalLoss = Double.nan
    let seconds = medianSeconds(runs: runs) {
      var s = start
      s.train(iterations: steps)
      finalLoss = Evaluation.loss(of: s.network, on: s.data.train) ?? .nan
    }
    let examples = Double(start.data.train.count * steps)
    let matches = steps == ReferenceProblem.steps && abs(finalLoss - ReferenceProblem.expectedFinalLoss) < 1e-9
    return Result(examplesPerSecond: examples / seconds, finalLoss: finalLoss, medianSeconds: seconds, matches: matches)
  }
}

/// One stage of the stepper, on small and deep networks.
enum BenchStepping {
  static func networks() throws -> [(String, Stepper)] {
    let reference = try ReferenceProblem.stepper()
    let deepSpecs = Array(repeating: LayerSpec(units: 64, activation: .tanh), count: 11) + [LayerSpec(units: 1, activation: .sigmoid)]
    let deep = try Network(inputs: 2, specs: deepSpecs, loss: .bce, initializer: .xavierUniform, seed: 1)
    var deepStepper = try Stepper(
      network: deep, data: reference.data, settings: TrainingSettings(batchSize: nil, shuffle: false), historyLimit: 1)
    deepStepper.evaluationInterval = 0
    return [("reference-2-8-8-1", reference), ("12-layers-64-wide", deepStepper)]
  }

  static func secondsPerStage(_ stepper: Stepper, runs: Int) -> Double {
    let stages = stepper.stages.count * 20
    return medianSeconds(runs: runs) {
      var s = stepper
      for _ in 0..<stages { s.advance() }
    } / Double(stages)
  }
}

/// Memory figures.
enum BenchMemory {
  static func rewindHistoryBytes(iterations: Int) throws -> Int {
    let (network, data) = try ReferenceProblem.load()
    var s = try Stepper(
      network: network, data: DataSplit(train: data, test: data.subset([])),
      settings: TrainingSettings(batchSize: nil, shuffle: false), historyLimit: iterations)
    s.evaluationInterval = 0
    s.run(iterations: iterations)
    return s.rewindByteCount
  }

  /// Peak resident set size of the program as a person runs it: a child `backstep render`
  /// that keeps a full 10,000-iteration rewind history and draws a 200×60 frame. The child
  /// reports its own VmHWM: the parent's rusage of its children would also count the pages
  /// of the bench itself, which a forked child holds until it starts the new program.
  static func programPeakResidentMB() -> Double? {
    guard let executable = Bundle.main.executableURL else { return nil }
    let process = Process()
    process.executableURL = executable
    process.arguments = ["render", "--size", "200x60", "--color", "256", "--iterations", "10000", "--print-peak-memory"]
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("peak_resident_kb=") }),
      let kb = Double(line.dropFirst("peak_resident_kb=".count))
    else { return nil }
    return kb / 1024
  }
}

/// The numpy peer, run as a child process.
enum BenchPeer {
  struct Result {
    var examplesPerSecond: Double
    var finalLoss: Double
  }

  static func run(script: String, steps: Int) -> Result? {
    guard FileManager.default.fileExists(atPath: script) else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, "--steps", String(steps)]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let rate = object["examples_per_s"] as? Double ?? (object["examples_per_s"] as? Int).map(Double.init),
      let loss = object["final_loss"] as? Double
    else { return nil }
    return Result(examplesPerSecond: rate, finalLoss: loss)
  }
}
