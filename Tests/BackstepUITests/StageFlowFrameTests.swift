import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The stage run last frames the maps it reads (light corners) and writes (heavy corners), the
/// same set StageFlow names, and names in each band's label column what it reads and writes
/// there, drawn or not.
@Suite("Operand and result frames")
struct StageFlowFrameTests {
  static let context = RenderContext(level: .xterm256, unicode: true)

  /// Every stage of one iteration of the default 2-4-4-1 network, with the state after it.
  static func everyStage() throws -> [(Stage, AppState)] {
    var state = try AppState(config: RunConfiguration())
    state.update(.finishIteration)
    var result: [(Stage, AppState)] = []
    for _ in state.stepper.stages {
      state.update(.step)
      if let stage = state.stepper.lastStage { result.append((stage, state)) }
    }
    return result
  }

  static func cell(_ frame: Frame, _ x: Int, _ y: Int) -> Character { frame.text(row: y)[frame.text(row: y).index(frame.text(row: y).startIndex, offsetBy: x)] }

  @Test func theFramedMapsAreTheStagesDrawnOperandsAndResults() throws {
    let stages = try Self.everyStage()
    #expect(stages.count == 3 + 1 + 3 + 1)
    for (stage, state) in stages {
      let (frame, regions) = Screen.draw(state, width: 250, height: 70, context: Self.context)
      let flow = StageFlow.of(stage, network: state.stepper.network)
      let frames = NetworkTable.frames(regions.heatMaps, flow: flow)
      let drawn = Set(regions.heatMaps.map { MapRef(layer: $0.layer, map: $0.map) })
      #expect(Set(frames.map { MapRef(layer: $0.region.layer, map: $0.region.map) }) == drawn.intersection(flow.reads + flow.writes), "\(stage)")
      for f in frames {
        let g = f.region.geometry
        let corner = Self.cell(frame, g.area.x - 1, g.area.y)
        if f.role == .result {
          #expect(corner == "┏", "\(stage): \(f.region.map)\(f.region.layer) framed as a result")
        } else {
          #expect(corner == "┌" || corner == "┓", "\(stage): \(f.region.map)\(f.region.layer) framed as an operand")
        }
      }
      // A map the stage neither reads nor writes has no corner at its top left.
      for region in regions.heatMaps where !frames.contains(where: { $0.region.layer == region.layer && $0.region.map == region.map }) {
        #expect(!"┌┏".contains(Self.cell(frame, region.geometry.area.x - 1, region.geometry.area.y)), "\(stage): \(region.map)\(region.layer)")
      }
    }
  }

  @Test func backwardTwoReadsDeltaThreeWThreeAndFPrimeAndWritesDeltaTwo() throws {
    let (_, state) = try #require(try Self.everyStage().first { $0.0 == .backward(2) })
    let regions = Screen.draw(state, width: 250, height: 70, context: Self.context).regions
    let frames = NetworkTable.frames(regions.heatMaps, flow: StageFlow.of(.backward(2), network: state.stepper.network))
    let roles = Dictionary(frames.map { (MapRef(layer: $0.region.layer, map: $0.region.map), $0.role) }, uniquingKeysWith: { a, _ in a })
    #expect(roles[MapRef(layer: 3, map: .delta)] == .operand)
    #expect(roles[MapRef(layer: 2, map: .fPrime)] == .operand)
    #expect(roles[MapRef(layer: 2, map: .delta)] == .result)
    #expect(roles[MapRef(layer: 2, map: .dW)] == .result)
  }

  @Test func aMapReadButNotDrawnIsNamedInItsBand() throws {
    let (_, state) = try #require(try Self.everyStage().first { $0.0 == .forward(2) })
    #expect(state.view.quantity == .a, "W₂ and b₂ are not drawn")
    let text = Screen.render(state, width: 120, height: 36, context: Self.context).plainText
    #expect(text.contains("in W₂"))
    #expect(text.contains("out z₂"))
    #expect(
      NetworkTable.flowLines(StageFlow.of(.forward(2), network: state.stepper.network), layer: 2, width: 10, math: .unicode).map(\.0) == [
        "in W₂ b₂", "out z₂ a₂",
      ])
    #expect(NetworkTable.flowLines(StageFlow.of(.forward(2), network: state.stepper.network), layer: 1, width: 10, math: .unicode).map(\.0) == ["in a₁"])
  }

  @Test func monochromeTellsOperandsFromResultsByTheirCorners() throws {
    let (_, state) = try #require(try Self.everyStage().first { $0.0 == .backward(2) })
    let mono = RenderContext(level: .none, unicode: true)
    let (frame, regions) = Screen.draw(state, width: 120, height: 36, context: mono)
    let delta2 = try #require(regions.heatMaps.first { $0.layer == 2 && $0.map == .delta })
    let delta3 = try #require(regions.heatMaps.first { $0.layer == 3 && $0.map == .delta })
    #expect(Self.cell(frame, delta2.geometry.area.x - 1, delta2.geometry.area.y) == "┏")
    #expect(Self.cell(frame, delta3.geometry.area.x - 1, delta3.geometry.area.y) == "┌")
    let ascii = Screen.draw(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: false)).frame
    #expect(Self.cell(ascii, delta2.geometry.area.x - 1, delta2.geometry.area.y) == "#")
    #expect(Self.cell(ascii, delta3.geometry.area.x - 1, delta3.geometry.area.y) == "+")
  }

  @Test func theWrapKeepsWholeNames() {
    #expect(NetworkTable.wrap("out", ["δ₂", "dW₂", "db₂"], width: 7) == ["out δ₂", " dW₂", " db₂"])
    #expect(NetworkTable.wrap("in", [], width: 7).isEmpty)
    #expect(NetworkTable.wrap("in", ["f′(z₂)"], width: 7) == ["in", " f′(z₂)"])
    #expect(NetworkTable.name(MapRef(layer: 2, map: .fPrime), .unicode) == "f′(z₂)", "as the caption writes it")
  }
}
