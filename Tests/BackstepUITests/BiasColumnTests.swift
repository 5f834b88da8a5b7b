import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// b beside W when the first column shows W: a one-column map on the core's scale of `.bias`,
/// framed as an operand of forward(l), one the cursor stops on and the inspector reads.
@Suite("The b column beside W")
struct BiasColumnTests {
  static let context = RenderContext(level: .xterm256, unicode: true)

  static func state(at stage: Stage) throws -> AppState {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character("v"))
    state.handle(.character("v"))
    repeat { state.update(.step) } while state.stepper.lastStage != stage
    return state
  }

  @Test func everyDenseBandDrawsBRightOfWAndForwardFramesIt() throws {
    let state = try Self.state(at: .forward(2))
    #expect(state.view.quantity == .weights)
    let (frame, regions) = Screen.draw(state, width: 120, height: 36, context: Self.context)
    let depth = state.stepper.network.depth
    for l in 1...depth {
      let w = try #require(regions.heatMaps.first { $0.layer == l && $0.map == .weights })
      let b = try #require(regions.heatMaps.first { $0.layer == l && $0.map == .bias })
      #expect(w.geometry.area.maxX < b.geometry.area.x)
      #expect(b.geometry.shownRows == state.stepper.network.layers[l - 1].units || b.geometry.isPooled)
    }
    let frames = NetworkTable.frames(regions.heatMaps, flow: StageFlow.of(.forward(2), network: state.stepper.network))
    #expect(frames.contains { $0.region.layer == 2 && $0.region.map == .bias && $0.role == .operand })
    #expect(NetworkTable.flowLines(StageFlow.of(.forward(2), network: state.stepper.network), layer: 2, width: 10, math: .unicode)[0].0 == "in W₂ b₂")
    #expect(frame.plainText.contains("in W₂"))
  }

  @Test func itsColoursSpanTheCoresScale() throws {
    let state = try Self.state(at: .forward(1))
    let span = NetworkTable(shown: state.shown).span(.bias, layer: 2)
    #expect(span == ColourSpan(MapScale(largest: state.stepper.scale(of: .bias, layer: 2).limit), within: nil))
  }

  @Test func theCursorGoesFromWToBAndTheInspectorReadsIt() throws {
    var state = try Self.state(at: .forward(1))
    let inputs = state.stepper.network.layers[0].inputs
    state.handle(.left)
    for _ in 0..<inputs { state.handle(.right) }
    #expect(state.cursor == Cursor(layer: 1, row: 0, column: 0, map: .bias))
    let b = state.stepper.network.layers[0].bias[0]
    let text = Screen.render(state, width: 120, height: 36, context: Self.context).plainText
    #expect(text.contains("inspect b₁[1] = \(String(format: "%.10g", b))"))
    state.handle(.right)
    #expect(state.cursor.map == .fPrime)
  }
}
