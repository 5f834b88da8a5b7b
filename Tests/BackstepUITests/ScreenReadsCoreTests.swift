import TermGrid
import Testing

@testable import BackstepCore
@testable import BackstepUI

/// The screen reads what the core computed: the caption's numbers are the stage's readings,
/// the heat maps' colour limits the core's scales, and the decision surface the core's outputs.
@Suite("The screen reads the core")
struct ScreenReadsCoreTests {
  static func state(_ configure: (inout RunConfiguration) -> Void = { _ in }) throws -> AppState {
    var config = RunConfiguration()
    configure(&config)
    return try AppState(config: config)
  }

  static func caption(_ state: AppState) -> String {
    Caption.stageLine(state.stepper, .unicode).runs.map(\.0).joined()
  }

  /// Steps the state until `stage` has run.
  static func run(_ state: inout AppState, to stage: Stage) {
    repeat { state.update(.step) } while state.stepper.lastStage != stage
  }

  @Test func theForwardCaptionQuotesTheStagesReading() throws {
    var state = try Self.state()
    Self.run(&state, to: .forward(1))
    let reading = try #require(state.stepper.record.layers[0].forwardReading)
    let text = Self.caption(state)
    #expect(text.contains("mean |a| = \(Caption.f(reading.meanAbsActivation))"))
    #expect(text.contains("\(Int((reading.saturatedFraction * 100).rounded()))% saturated"))
  }

  @Test func theReluCaptionCountsTheReadingsDeadUnits() throws {
    var state = try Self.state { $0.activation = .relu }
    Self.run(&state, to: .forward(1))
    let reading = try #require(state.stepper.record.layers[0].forwardReading)
    #expect(Self.caption(state).contains("\(reading.deadUnits) of \(reading.units) units dead"))
  }

  @Test func theBackwardCaptionQuotesTheStagesNormsAndVerdict() throws {
    var state = try Self.state()
    let depth = state.stepper.network.depth
    Self.run(&state, to: .backward(depth))
    let reading = try #require(state.stepper.record.layers[depth - 1].backwardReading)
    let text = Self.caption(state)
    #expect(text.contains("= \(Caption.f(reading.normDelta)), "))
    #expect(text.contains("= \(Caption.f(reading.normDW)) (\(reading.verdict.rawValue))"))
  }

  /// The thresholds are defined once, in the core: changing the stepper's changes what the
  /// caption says.
  @Test func theCaptionsVerdictAndSaturationFollowTheCoresThresholds() throws {
    var state = try Self.state()
    var strict = state
    strict.stepper.thresholds.vanishingNorm = 1e9
    strict.stepper.saturation.tanhMagnitude = 0
    Self.run(&state, to: .forward(1))
    Self.run(&strict, to: .forward(1))
    #expect(!Self.caption(state).contains("100% saturated"))
    #expect(Self.caption(strict).contains("100% saturated"))
    let depth = state.stepper.network.depth
    Self.run(&state, to: .backward(depth))
    Self.run(&strict, to: .backward(depth))
    #expect(Self.caption(state).contains("(healthy)"))
    #expect(Self.caption(strict).contains("(vanishing)"))
  }

  /// `:clip` visibly works: the bars keep the gradient before clipping and say what clipping
  /// let through, which the core measured.
  @Test func theGradientBarsShowWhatClippingLetThrough() throws {
    var state = try Self.state()
    state.update(.openPrompt)
    for c in "clip 1e-3" { state.update(.promptInput(c)) }
    state.update(.promptSubmit)
    state.update(.finishIteration)
    let d = try #require(state.stepper.history.latest).layers
    #expect(d.allSatisfy { $0.wasClipped })
    let text = Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: true)).plainText
    let depth = d.count
    let row = try #require(text.split(separator: "\n").first { $0.contains("│L\(depth) ") && $0.contains("▆") })
    #expect(row.hasSuffix(Format.short(d[depth - 1].normDW, digits: 2) + "   →" + Format.short(d[depth - 1].normAppliedDW, digits: 2) + " │"))
    #expect(text.contains("before → after clipping"))
  }

  @Test func theUpdateCaptionNamesTheLargestUpdateRatio() throws {
    var state = try Self.state()
    Self.run(&state, to: .update)
    let largest = try #require(state.stepper.record.diagnostics?.largestUpdateRatio)
    #expect(largest.ratio == state.stepper.record.diagnostics?.layers.map(\.updateRatio).max())
    #expect(Self.caption(state).contains("largest ‖ΔW‖/‖W‖ = \(Caption.f(largest.ratio)) (layer \(largest.layer))"))
  }

  /// The table's limits are the core's: per map, or the column's when shared.
  @Test func theTablesLimitsAreTheCoresScales() throws {
    var state = try Self.state()
    state.stepper.run(iterations: 2)
    state.update(.step)
    for shared in [false, true] {
      if shared { state.update(.toggleSharedScale) }
      let table = NetworkTable(shown: state.shown)
      for l in 1...state.stepper.network.depth {
        for map in [ShownMap.a, .delta, .dW] {
          let expected = shared ? state.stepper.sharedScale(of: map) : state.stepper.scale(of: map, layer: l)
          #expect(table.limit(map, layer: l) == expected.limit)
        }
      }
    }
  }

  /// A scale the core supplies changes the drawing: the table measures nothing itself.
  @Test func theTableDrawsWithTheScaleItIsGiven() throws {
    var state = try Self.state()
    state.stepper.run(iterations: 1)
    state.update(.step)
    let context = RenderContext(level: .xterm256, unicode: true)
    let before = Screen.render(state, width: 120, height: 36, context: context)
    state.stepper.record.layers[0].forwardReading?.scales[.a] = MapScale(largest: 1e6)
    let after = Screen.render(state, width: 120, height: 36, context: context)
    #expect(before != after)
  }

  @Test func theStatesSurfaceIsTheNetworksOutputOnThePanelsGrid() throws {
    var state = try Self.state()
    let context = RenderContext(level: .xterm256, unicode: true)
    state.refreshSurface(width: 120, height: 36, context: context)
    let surface = try #require(state.session.surface)
    let grid = try #require(
      AppState.surfaceGrid(width: 120, height: 36, network: state.stepper.network, plane: surface.plane, context: context))
    #expect(surface.columns == grid.columns && surface.rows == grid.rows)
    for (c, r) in [(0, 0), (grid.columns - 1, grid.rows - 1), (grid.columns / 2, grid.rows / 3)] {
      let (x, y) = surface.point(column: c, row: r)
      let one = state.stepper.network.forwardLogits(Matrix(rows: 1, cols: 2, storage: [x, y]), mode: .evaluation).a
      #expect(surface.outputs[r * grid.columns + c, 0] == one[0, 0])
    }
  }

  /// The surface follows the weights: after an update and after a rewind, once per change,
  /// and a refresh with nothing changed keeps the surface it has.
  @Test func theSurfaceFollowsTheWeights() throws {
    var state = try Self.state()
    let context = RenderContext(level: .xterm256, unicode: true)
    func refreshed() throws -> OutputSurface {
      state.refreshSurface(width: 120, height: 36, context: context)
      return try #require(state.session.surface)
    }
    let initial = try refreshed()
    #expect(try refreshed() == initial)
    state.update(.finishIteration)
    let trained = try refreshed()
    #expect(trained.outputs != initial.outputs)
    #expect(trained.isCurrent(for: state.stepper.network, plane: trained.plane, columns: trained.columns, rows: trained.rows))
    state.update(.backIteration)
    #expect(try refreshed() == initial)
  }

  /// The widget draws the values it is given: a surface of output x (left negative, right
  /// positive) and one of −x draw mirror images, with the boundary between them.
  @Test func theWidgetDrawsTheSurfaceItIsGiven() throws {
    func surface(_ sign: Double) throws -> OutputSurface {
      let layer = DenseLayer(weights: Matrix(rows: 1, cols: 2, storage: [sign, 0]), bias: [0], activation: .identity)
      let network = try Network(inputs: 2, layers: [layer], loss: .mse)
      return OutputSurface(network: network, plane: .init(xMin: -1, xMax: 1, yMin: -1, yMax: 1), columns: 10, rows: 5)
    }
    let context = RenderContext(level: .none, unicode: true)
    let area = Rect(x: 0, y: 0, width: 40, height: 7)
    let plot = try #require(DecisionSurface.geometry(in: area, plane: .init(xMin: -1, xMax: 1, yMin: -1, yMax: 1), context: context)).plot
    func row(_ s: OutputSurface) -> [Character] {
      var frame = Frame(width: area.width, height: area.height)
      DecisionSurface(surface: s, points: Matrix(rows: 0, cols: 2), labels: nil, targets: Matrix(rows: 0, cols: 1))
        .render(in: area, into: &frame, context: context)
      return (plot.x..<plot.maxX).map { frame[$0, plot.y + plot.height / 2].character }
    }
    let plus = row(try surface(1)), minus = row(try surface(-1))
    let quarter = plot.width / 4
    #expect(plus.prefix(quarter).allSatisfy { $0 == " " } && plus.suffix(quarter).allSatisfy { $0 != " " })
    #expect(minus.prefix(quarter).allSatisfy { $0 != " " } && minus.suffix(quarter).allSatisfy { $0 == " " })
    #expect(plus.contains(context.glyphs.vertical) && minus.contains(context.glyphs.vertical))
  }

}
