import BackstepCore
import Foundation
import FuzzDriver

/// One libFuzzer input as a CSV file, read as plain data and as class labels. A thrown
/// DataError is a correct answer; only a trap, a hang or running out of memory is a bug.
exit(
  fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, count in
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: count))
    _ = try? CSVDataLoader.parse(bytes: bytes, path: "fuzz.csv")
    _ = try? CSVDataLoader.parse(bytes: bytes, path: "fuzz.csv", classLabels: true)
    _ = try? CSVDataLoader.parse(bytes: bytes, path: "fuzz.csv", classLabels: true, classes: 3)
    return 0
  })
