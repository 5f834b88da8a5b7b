import Foundation
import Testing

/// Files are replaced whole or not at all, and nothing but the named file changes: links are
/// followed, devices and FIFOs are written through, permissions are kept, and no temporary
/// file outlives the program.
@Suite("Writing files", .serialized)
struct FileWritingTests {
  func type(_ path: String) -> mode_t? {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
  }

  func leftovers(_ dir: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
  }

  @Test func savingThroughASymlinkReplacesTheTarget() throws {
    let dir = try Binary.temporaryDirectory()
    try "old".write(toFile: dir + "/real.json", atomically: false, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real.json")
    let r = try Binary.run(["train", "--steps", "1", "--save", dir + "/link.json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(type(dir + "/link.json") == S_IFLNK, "the link is still a link")
    #expect(try String(contentsOfFile: dir + "/real.json", encoding: .utf8).contains("backstep.model"))
    #expect(try leftovers(dir).isEmpty)
  }

  @Test func savingKeepsTheFilesPermissions() throws {
    let dir = try Binary.temporaryDirectory()
    let path = dir + "/m.json"
    try "old".write(toFile: path, atomically: false, encoding: .utf8)
    chmod(path, 0o600)
    let r = try Binary.run(["train", "--steps", "1", "--save", path])
    #expect(r.status == 0, "\(r.stderr)")
    var info = stat()
    #expect(stat(path, &info) == 0)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(try String(contentsOfFile: path, encoding: .utf8).contains("backstep.model"))
  }

  @Test func aNewFileGetsTheUmasksPermissions() throws {
    let dir = try Binary.temporaryDirectory()
    let r = try Binary.shell("umask 027; \"$B\" train --steps 1 --save m.json", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    var info = stat()
    #expect(stat(dir + "/m.json", &info) == 0)
    #expect(info.st_mode & 0o777 == 0o640)
  }

  /// A private copy of /dev/full (same device numbers), so that a bug could replace only the
  /// copy and never the machine's own device node.
  @Test(arguments: [["train", "--steps", "1", "--save"], ["trace", "--steps", "1", "--out"]])
  func aFullDeviceIsWrittenThroughAndKept(_ args: [String]) throws {
    let dir = try Binary.temporaryDirectory()
    let device = dir + "/full"
    // Major 1, minor 7 is full(4). Where mknod is not allowed there is nothing to test.
    guard mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0 else { return }
    let r = try Binary.run(args + [device])
    #expect(r.status == 74, "\(r.stderr)")
    #expect(r.stderr.contains("no space left on device"), "\(r.stderr)")
    #expect(type(device) == S_IFCHR, "the device node is still a character device")
    #expect(try leftovers(dir).isEmpty)
  }

  @Test func aFIFOIsWrittenThrough() throws {
    let dir = try Binary.temporaryDirectory()
    let fifo = dir + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    let r = try Binary.shell("cat pipe > got & \"$B\" trace --steps 2 --out pipe; s=$?; wait; exit $s", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(type(fifo) == S_IFIFO, "the FIFO is still a FIFO")
    #expect(try String(contentsOfFile: dir + "/got", encoding: .utf8).split(separator: "\n").count == 2)
  }

  @Test func outToDevStdoutWritesToTheStream() throws {
    let r = try Binary.run(["trace", "--steps", "2", "--out", "/dev/stdout"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.split(separator: "\n").count == 2)
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalDuringTraceLeavesNoTemporaryFile(_ signal: Int32) throws {
    let dir = try Binary.temporaryDirectory()
    let pid = try Spawn.start([Binary.path, "trace", "--steps", "100000000", "--out", dir + "/t.jsonl"])
    let deadline = Date().addingTimeInterval(20)
    while try leftovers(dir).isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    #expect(try !leftovers(dir).isEmpty, "the trace is being written to a temporary file")
    kill(pid, signal)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    #expect(status & 0x7F == signal, "the program still ends by the signal")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
  }

  @Test(arguments: [
    ("/nonexistent/dir/m.json", "no such directory"),
    ("/", "is a directory"),
  ])
  func saveChecksThePathBeforeTraining(_ path: String, _ reason: String) throws {
    let r = try Binary.run(["train", "--steps", "100000000", "--save", path])
    #expect(r.status == 73, "\(r.stderr)")
    #expect(r.stderr.contains("cannot create the file here: \(reason)"), "\(r.stderr)")
    #expect(r.stdout.isEmpty, "refused before training")
  }

  @Test func aDivergedRunKeepsTheSavedModel() throws {
    let dir = try Binary.temporaryDirectory()
    let path = dir + "/m.json"
    try "the old model".write(toFile: path, atomically: false, encoding: .utf8)
    let r = try Binary.run([
      "train", "--layers", "16,16,16,16,16,16", "--activation", "relu", "--output", "identity", "--loss", "mse", "--init", "normal:2",
      "--lr", "0.01", "--seed", "4", "--steps", "50", "--save", path,
    ])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stderr.contains("training diverged"), "\(r.stderr)")
    #expect(r.stderr.contains("of step 3"), "names the step: \(r.stderr)")
    #expect(r.stdout.contains("train loss"), "the summary is still printed")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "the old model")
  }

  @Test func aTraceWritesNonFiniteNumbersAsNull() throws {
    let r = try Binary.run([
      "trace", "--layers", "16,16,16,16,16,16", "--activation", "relu", "--output", "identity", "--loss", "mse", "--init", "normal:2",
      "--lr", "0.01", "--seed", "4", "--steps", "50",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let last = try #require(r.stdout.split(separator: "\n").last)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    #expect(object["loss"] is NSNull, "the loss that is not finite is null")
  }
}
