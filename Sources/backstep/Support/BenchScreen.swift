import BackstepCore
import BackstepUI
import Foundation
import TermGrid

/// Frames and start-up: what a person waits for on screen.
enum BenchScreen {
  /// Milliseconds to render one whole frame of the default screen, in the middle of a
  /// backward pass (every panel has numbers), at 256 colours with UTF-8 glyphs.
  static func millisecondsPerFrame(width: Int, height: Int, runs: Int) throws -> Double {
    var state = try AppState(config: RunConfiguration())
    state.stepper.run(iterations: 20)
    for _ in 0..<5 { state.update(.step) }
    let context = RenderContext(level: .xterm256, unicode: true)
    let frames = 50
    var sink = 0
    let seconds = medianSeconds(runs: runs) {
      for _ in 0..<frames { sink &+= Screen.render(state, width: width, height: height, context: context).width }
    }
    precondition(sink > 0)
    return seconds / Double(frames) * 1e3
  }

  /// Milliseconds from starting this binary to its first frame written: `backstep render` at
  /// 120×36 and 256 colours, as a new process, output discarded. Nil if it cannot be started.
  static func millisecondsToFirstFrame(runs: Int) -> Double? {
    guard let executable = Bundle.main.executableURL else { return nil }
    var failed = false
    let seconds = medianSeconds(runs: runs) {
      let process = Process()
      process.executableURL = executable
      process.arguments = ["render", "--size", "120x36", "--color", "256"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      do {
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { failed = true }
      } catch { failed = true }
    }
    return failed ? nil : seconds * 1e3
  }
}
