import BackstepCore
import TermGrid

@testable import BackstepUI

/// What the tests of the optimizer, histogram and gradient check overlays start from.
enum InsideFixture {
  static let colour = RenderContext(level: .xterm256, unicode: true)
  static let mono = RenderContext(level: .none, unicode: true)

  /// A 2-8-8-1 network (or `layers`) stepped `iterations` times, with `optimizer`; SGD has
  /// momentum 0.9.
  static func state(optimizer: String = "adam", layers: [Int] = [8, 8], activation: Activation = .tanh, iterations: Int = 3) throws -> AppState {
    var config = RunConfiguration()
    config.optimizer = optimizer
    config.momentum = optimizer == "sgd" ? 0.9 : nil
    config.layers = layers
    config.activation = activation
    config.seed = 5
    var state = try AppState(config: config)
    state.stepper.run(iterations: iterations)
    state.message = nil
    return state
  }

  /// The screen's text, in monochrome.
  static func text(_ state: AppState, _ width: Int, _ height: Int) -> String {
    Screen.render(state, width: width, height: height, context: mono).plainText
  }
}
