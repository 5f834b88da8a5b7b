import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// At a projector's sizes (80×24, 100×30) nothing collides and no number is cut: each stage of
/// an iteration of the default network and of a deep sigmoid one, with clipping on, drawn
/// whole.
@Suite("Projector sizes")
struct ProjectorSizeTests {
  static let sizes = [(80, 24), (100, 30)]

  static func states(_ configure: (inout RunConfiguration) -> Void) throws -> [AppState] {
    var config = RunConfiguration()
    configure(&config)
    var state = try AppState(config: config)
    var states = [state]
    for _ in 0..<3 { state.update(.finishIteration) }
    for _ in 0..<state.stepper.stages.count {
      state.update(.step)
      states.append(state)
    }
    return states
  }

  static func frames(_ configure: @escaping (inout RunConfiguration) -> Void) throws -> [String] {
    try states(configure).flatMap { state in
      sizes.map { w, h in Screen.render(state, width: w, height: h, context: RenderContext(level: .none, unicode: true)).plainText }
    }
  }

  /// The default network, or a deep sigmoid one with clipping on.
  static func configure(deep: Bool) -> (inout RunConfiguration) -> Void {
    guard deep else { return { _ in } }
    return {
      $0.layers = Array(repeating: 8, count: 7)
      $0.activation = .sigmoid
      $0.clipNorm = 0.01
    }
  }

  @Test(arguments: [false, true])
  func nothingCollidesAndNoNumberIsCut(deep: Bool) throws {
    for text in try Self.frames(Self.configure(deep: deep)) {
      let lines = text.split(separator: "\n").map(String.init)
      for line in lines {
        #expect(line.range(of: #"at B\d+ at B"#, options: .regularExpression) == nil, "\(line)")
        #expect(line.range(of: #"[0-9.]…"#, options: .regularExpression) == nil, "a number cut: \(line)")
      }
      let header = try #require(lines.first)
      #expect(header.contains("lr=") && header.contains("batch "), "\(header)")
      // Once an update has measured it, the loss title keeps the accuracy, labelled.
      if !header.contains("step 0 ") { #expect(lines.contains { $0.contains("test acc ") }, "\(text)") }
    }
  }
}
