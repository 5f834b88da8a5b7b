import BackstepConfig
import BackstepCore
import Foundation
import FuzzDriver

/// One libFuzzer input as a YAML settings file, read and then turned into training settings.
/// A thrown error is a correct answer; only a trap, a hang or running out of memory is a bug.
exit(
  fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in
    let bytes = Data(UnsafeBufferPointer(start: data, count: count))
    guard let config = try? ConfigFile.parse(bytes, path: "fuzz.yaml") else { return 0 }
    _ = try? config.trainingSettings(base: nil, seed: config.seed ?? 1)
    return 0
  })
