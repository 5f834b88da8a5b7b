import BackstepCore
import BackstepUI
import Foundation
import TermGrid

/// Frames on networks of growing width, as the run loop composes them (``RunLoop/frame(_:width:height:context:)``:
/// the surface, the readings and the explanation brought up to date, then the screen drawn),
/// at 256 colours with UTF-8 glyphs, in the middle of a backward pass.
///
/// Running, the weights change between any two frames (one iteration is trained between them,
/// not timed), so every frame meets a new weight version: the expensive case. Paused, the same
/// state is drawn again and again.
enum BenchFrames {
  /// A network the frames are measured on: its name and hidden widths (nil: the default).
  struct Network {
    var name: String
    var layers: [Int]?
  }

  /// The default network, four hidden layers of 64 units, four of 256.
  static let networks = [
    Network(name: "default", layers: nil), Network(name: "4x64", layers: Array(repeating: 64, count: 4)),
    Network(name: "4x256", layers: Array(repeating: 256, count: 4)),
  ]

  struct Result {
    /// Milliseconds per frame: the median and the slowest of the frames timed.
    var median: Double
    var worst: Double
  }

  /// Times `frames` frames, `runs` times over, of `network` at `width` × `height`, running or paused.
  static func measure(_ network: Network, width: Int, height: Int, running: Bool, frames: Int = 30, runs: Int) throws -> Result {
    var config = RunConfiguration()
    config.layers = network.layers
    var state = try AppState(config: config)
    state.stepper.run(iterations: 20)
    for _ in 0..<(state.stepper.stages.count - 2) { state.stepper.advance() }
    if running { state.update(.toggleRun) }
    let context = RenderContext(level: .xterm256, unicode: true)
    // The first frame computes what a paused screen then keeps; it is not timed.
    var sink = RunLoop.frame(&state, width: width, height: height, context: context).frame.width
    var times: [Double] = []
    for _ in 0..<(frames * runs) {
      if running { for _ in state.stepper.stages { state.stepper.advance() } }
      let start = DispatchTime.now().uptimeNanoseconds
      sink &+= RunLoop.frame(&state, width: width, height: height, context: context).frame.width
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    precondition(sink > 0)
    times.sort()
    return Result(median: times[times.count / 2], worst: times[times.count - 1])
  }
}
