import Foundation

/// Runs the built `backstep` binary as a separate process, as a user's shell would.
struct Binary {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The executable built next to the test bundle (`.build/<config>/backstep`).
  static var path: String {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()  // BackstepCLITests
    url.deleteLastPathComponent()  // Tests
    url.deleteLastPathComponent()  // package root
    let candidates = ["debug", "release"].map { url.appendingPathComponent(".build/\($0)/backstep").path }
    if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
      let sibling = URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("backstep").path
      if FileManager.default.isExecutableFile(atPath: sibling) { return sibling }
    }
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("backstep").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
  }

  /// Runs `backstep args…` with no terminal, optionally in a directory and with extra environment.
  static func run(_ args: [String], in directory: String? = nil, environment: [String: String] = [:]) throws -> Result {
    try launch(path, args, in: directory, environment: environment)
  }

  /// Runs `/bin/sh -c script` with `$B` set to the binary, for redirections a `Process` cannot
  /// make (`>/dev/full`, `>&-`, pipes into `head`). Returns the status and what reached the
  /// test's own pipes.
  static func shell(_ script: String, in directory: String? = nil) throws -> Result {
    try launch("/bin/sh", ["-c", script], in: directory, environment: ["B": path])
  }

  private static func launch(_ executable: String, _ args: [String], in directory: String?, environment: [String: String]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = args
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A fresh empty directory for files a test writes.
  static func temporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("backstep-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }
}
