import BackstepCore
import Foundation
import FuzzDriver

/// One libFuzzer input as a model file. A thrown FileError is a correct answer; only a trap,
/// a hang or running out of memory is a bug.
exit(
  fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in
    _ = try? ModelFile.parse(Data(UnsafeBufferPointer(start: data, count: count)), path: "fuzz.json")
    return 0
  })
