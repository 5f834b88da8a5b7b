import TermGrid
import Testing

@testable import BackstepCore
@testable import BackstepUI

/// Drawing never traps, whatever the numbers: every widget and whole screens are drawn for
/// NaN, ±∞, ±1e308, ±1e−308 and −0, at every colour level, in UTF-8 and in ASCII, small,
/// ordinary and large. The states come from real steppers (an exploding network that
/// diverges, a network whose weights are the value) and from matrices filled with the value.
@Suite("Extreme values on screen")
struct ExtremeValueTests {
  static let values: [Double] = [.nan, .infinity, -.infinity, 1e308, -1e308, 1e-308, -1e-308, -0.0]
  static let contexts: [RenderContext] =
    [ColorLevel.truecolor, .xterm256, .ansi16, .none].flatMap { level in
      [RenderContext(level: level, unicode: true), RenderContext(level: level, unicode: false)]
    }
  static let sizes = [(20, 5), (80, 24), (250, 70)]

  /// The settings of demos/07-exploding.yaml: ReLU layers with oversized weights that reach NaN.
  static func exploding() -> RunConfiguration {
    var config = RunConfiguration()
    config.dataset = "circle"
    config.layers = [16, 16, 16, 16, 16, 16]
    config.activation = .relu
    config.output = .identity
    config.loss = .mse
    config.initializer = "normal:2"
    config.lr = 0.01
    config.seed = 4
    return config
  }

  /// `backstep render --config demos/07-exploding.yaml --size 120x36 --iterations 2 --color none`
  /// (and `--ascii`) trapped: a network output of ∞ became a glyph index in the decision surface.
  @Test(arguments: [true, false])
  func theExplodingDemoRendersWithoutColour(_ unicode: Bool) throws {
    var state = try AppState(config: Self.exploding())
    let context = RenderContext(level: .none, unicode: unicode)
    state.stepper.run(iterations: 2)
    state.refreshSurface(width: 120, height: 36, context: context)
    let frame = Screen.render(state, width: 120, height: 36, context: context)
    #expect(frame.plainText.contains("output over the input plane"))
  }

  /// A state whose network weights are all `value`, with one iteration and three stages run,
  /// and then every matrix of the record set to `value` as well.
  static func state(filledWith value: Double) throws -> AppState {
    var state = try AppState(config: RunConfiguration())
    let s = state.stepper
    // Network's initialiser refuses weights that are not finite; the layers are set after it.
    var network = s.network
    for p in network.parameters {
      network.modify(p.key) { $0 = Array(repeating: value, count: p.count) }
    }
    state.stepper = try Stepper(network: network, data: s.data, settings: s.settings)
    state.stepper.run(iterations: 1)
    for _ in 0..<3 { state.update(.step) }
    for i in state.stepper.record.layers.indices {
      for keyPath in [\LayerRecord.z, \.a, \.delta, \.dW, \.updateW] {
        let m = state.stepper.record.layers[i][keyPath: keyPath]
        state.stepper.record.layers[i][keyPath: keyPath] = Matrix(rows: m.rows, cols: m.cols, storage: Array(repeating: value, count: m.count))
      }
    }
    return state
  }

  /// The exploding network at several points on its way to NaN, stage by stage.
  static func explodingStates() throws -> [AppState] {
    var state = try AppState(config: exploding())
    var states: [AppState] = []
    for iteration in 0..<5 {
      state.stepper.finishIteration()
      if iteration >= 1 { states.append(state) }
    }
    for _ in 0..<7 {
      state.update(.step)
      states.append(state)
    }
    return states
  }

  @Test(arguments: values)
  func wholeScreensWithValue(_ value: Double) throws {
    var states = [try Self.state(filledWith: value)]
    var views = states[0]
    for action in [Action.cycleQuantity, .toggleLogScale, .toggleSharedScale] {
      views.update(action)
      states.append(views)
    }
    for state in states {
      for context in Self.contexts {
        for (width, height) in Self.sizes {
          let frame = Screen.render(state, width: width, height: height, context: context)
          #expect(frame.width == width && frame.height == height)
        }
      }
    }
  }

  @Test func wholeScreensOfANetworkThatDiverges() throws {
    let states = try Self.explodingStates()
    #expect(states.contains { $0.stepper.firstNonFinite != nil }, "the exploding network never reached NaN or ∞")
    for state in states {
      for context in Self.contexts {
        for (width, height) in Self.sizes {
          let frame = Screen.render(state, width: width, height: height, context: context)
          #expect(frame.height == height)
        }
      }
    }
  }

  /// Each widget on its own, fed the value directly: alone, among ordinary numbers, and as
  /// the scale's limit.
  @Test(arguments: values)
  func everyWidgetWithValue(_ value: Double) throws {
    let mixed = [1, -0.5, value, 0, 2, value]
    let surfaceNetwork = try Self.state(filledWith: value).stepper.network
    let points = Matrix(rows: 3, cols: 2, storage: [value, 0.5, -1, value, 0.2, 0.3])
    // The plane around points at ±∞ or NaN has grid points that are not numbers either.
    let surface = OutputSurface(network: surfaceNetwork, plane: .init(around: points), columns: 60, rows: 30)
    var widgets: [any Widget<RenderContext>] = [
      MagnitudeBars(bars: [.init(label: "L2", norm: value, verdict: .nonFinite), .init(label: "L1", norm: 0.1, verdict: .healthy)]),
      HistoryStrip(series: [[value, 1, value], [0.1, value, 1e-9]]),
      DecisionSurface(surface: surface, points: points, labels: [0, 1, 2], targets: Matrix(rows: 3, cols: 1, storage: [value, 1, 0])),
      DecisionSurface(surface: surface, points: points, labels: nil, targets: Matrix(rows: 3, cols: 1, storage: [value, 1, 0])),
      TextBlock(Format.short(value)),
    ]
    for logY in [false, true] {
      for (train, test, marker) in [([value, 1, nil, value], [0.5, value], 2), ([value, value], [], nil), ([value, -value, 1e-300], [value], nil)]
        as [([Double?], [Double?], Int?)]
      {
        widgets.append(LossPlot(train: train, test: test, range: ValueRange(of: train + test), logY: logY, marker: marker))
      }
    }
    for values in [Array(repeating: value, count: 6), mixed] {
      for log in [false, true] {
        for limit in [MapScale(of: values).limit, value, 1] {
          var map = HeatMap(values: values, rows: 2, cols: 3)
          map.logMagnitude = log
          map.limit = limit
          map.selected = (1, 2)
          widgets.append(map)
          map.dimmed = true
          widgets.append(map)
        }
      }
    }
    widgets.append(HeatMap(values: [value, 1], rows: 3, cols: 3))  // fewer values than the shape: nothing drawn
    for widget in widgets {
      for context in Self.contexts {
        for (width, height) in Self.sizes {
          var frame = Frame(width: width, height: height)
          widget.render(in: frame.bounds, into: &frame, context: context)
          #expect(frame.height == height)
        }
      }
    }
  }

  /// Accuracy counted from outputs that are not numbers is no score: once a loss is NaN or
  /// infinite, the loss panel says n/a.
  @Test func accuracyIsNotShownOnceTheLossIsNotFinite() throws {
    var state = try AppState(config: Self.exploding())
    var steps = 0
    while state.stepper.history.newestTrainLoss?.isFinite ?? true, steps < 200 {
      state.stepper.finishIteration()
      steps += 1
    }
    let loss = try #require(state.stepper.history.newestTrainLoss)
    #expect(!loss.isFinite)
    let text = Screen.render(state, width: 120, height: 36, context: RenderContext(level: .none, unicode: true)).plainText
    let title = try #require(text.split(separator: "\n").first { $0.contains("┌ loss") })
    #expect(title.contains("acc n/a"), "\(title)")
    #expect(!title.contains("%"))
  }
}
