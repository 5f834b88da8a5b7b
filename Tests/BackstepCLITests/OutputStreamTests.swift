import Foundation
import Testing

/// Output that cannot be written: a full device, a closed stream, a reader that went away.
/// Each ends with status 74 and a message when stderr works, never with a crash.
@Suite("Output streams", .serialized)
struct OutputStreamTests {
  @Test(arguments: [
    "\"$B\" train --steps 2 >/dev/full",
    "\"$B\" trace --steps 2 >/dev/full",
    "\"$B\" render --size 80x24 >/dev/full",
    "\"$B\" check >/dev/full",
    "\"$B\" --help >/dev/full",
  ])
  func aFullStdoutIsAnIOError(_ script: String) throws {
    let r = try Binary.shell(script)
    #expect(r.status == 74, "\(script): \(r.stderr)")
    #expect(r.stderr.contains("backstep: cannot write to standard output: no space left on device"), "\(script): \(r.stderr)")
    #expect(!r.stderr.contains("Fatal error"))
  }

  @Test func aClosedStdoutIsAnIOError() throws {
    let r = try Binary.shell("\"$B\" train --steps 2 >&-")
    #expect(r.status == 74, "\(r.stderr)")
    #expect(r.stderr.contains("standard output is closed"), "\(r.stderr)")
  }

  /// With stderr broken too there is nowhere to say anything: the status alone tells.
  @Test(arguments: ["\"$B\" train --steps 2 >/dev/full 2>/dev/full", "\"$B\" train --bogus 2>/dev/full", "\"$B\" train --steps 2 >&- 2>&-"])
  func aBrokenStderrStillGivesTheStatus(_ script: String) throws {
    let r = try Binary.shell(script + "; echo \"status $?\"")
    #expect(r.stdout.contains("status 74"), "\(script): \(r.stdout) \(r.stderr)")
    #expect(!r.stderr.contains("Fatal error"))
  }

  /// `trace | head -1`: the reader leaves early; the program ends at once, quietly, with 74.
  @Test func aClosedPipeEndsQuietly() throws {
    let piped = try Binary.shell("( \"$B\" trace --steps 100000; echo \"status $?\" >&2 ) | head -c 10 >/dev/null")
    #expect(piped.stderr == "status 74\n", "stderr was \(piped.stderr)")
  }
}
