import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// Two networks compared in the application state: built together, stepped, run and rewound
/// together through ``AppState/update(_:)``, and started, switched and stopped from the keys
/// and the prompt.
@Suite("Comparison in the state")
struct ComparisonStateTests {
  /// Seven sigmoid layers on the full circle set (the vanishing lesson's network), compared with
  /// the settings `change`.
  static func deepSigmoid(against change: String = "activation=relu", breakOn: [BreakCondition]? = nil) throws -> AppState {
    var config = RunConfiguration()
    config.dataset = "circle"
    config.layers = [8, 8, 8, 8, 8, 8, 8]
    config.activation = .sigmoid
    config.initializer = "xavier"
    config.lr = 0.1
    config.batchSize = 0
    config.seed = 3
    config.breakOn = breakOn
    config.compare = try SettingsChange(change)
    return try AppState(config: config)
  }

  static func type(_ line: String, into state: inout AppState) {
    for key in LessonKeys.presses(line) { state.handle(key) }
  }

  /// The iteration each network is in, which lockstep keeps the same.
  static func steps(_ state: AppState) -> [Int] { state.sessions.map(\.stepper.record.step) }

  @Test func bothNetworksStartFromTheSameWeightsAndAreLabelled() throws {
    let state = try Self.deepSigmoid()
    let b = try #require(state.other)
    #expect(state.session.label == "A: sigmoid")
    #expect(b.label == "B: relu")
    #expect(b.stepper.network.layers.map(\.weights) == state.stepper.network.layers.map(\.weights))
    #expect(b.stepper.network.layers.first?.activation == .relu)
    #expect(state.stepper.network.layers.first?.activation == .sigmoid)
  }

  @Test func everySteppingKeyActsOnBoth() throws {
    var state = try Self.deepSigmoid()
    state.handle(.character(" "))
    #expect(state.sessions.map(\.stepper.reached) == [1, 1])
    state.handle(.character("n"))
    #expect(Self.steps(state) == [1, 1])
    #expect(state.sessions.allSatisfy { $0.stepper.reached == $0.stepper.stages.count })
    state.handle(.character("n"))
    state.handle(.character("b"))
    #expect(Self.steps(state) == [2, 2])
    #expect(state.sessions.map { $0.stepper.stages.count - $0.stepper.reached } == [1, 1])
    state.handle(.character("B"))
    #expect(Self.steps(state) == [1, 1])
    state.handle(.character("e"))
    #expect(state.sessions.map(\.stepper.epoch) == [2, 2])
    #expect(Self.steps(state)[0] == Self.steps(state)[1])
  }

  @Test func networksOfDifferentDepthsStayInOneIteration() throws {
    var state = try Self.deepSigmoid(against: "layers=4")
    let depths = state.sessions.map(\.stepper.network.depth)
    #expect(depths == [8, 2])
    for _ in 0..<9 { state.handle(.character(" ")) }
    // The shallow network has finished its step and waits at its update for the deep one.
    #expect(state.other?.stepper.reached == state.other?.stepper.stages.count)
    #expect(Self.steps(state) == [1, 1])
    state.handle(.character("n"))
    state.handle(.character("n"))
    #expect(Self.steps(state) == [2, 2])
  }

  @Test func runModeStepsBothAtOnePace() throws {
    var state = try Self.deepSigmoid()
    state.handle(.character("p"))
    for _ in 0..<5 {
      state.update(.tick(seconds: 0.01))
      while state.owesWork { state.runOwedWork() }
    }
    state.handle(.character("p"))
    #expect(Self.steps(state)[0] > 0)
    #expect(state.other?.stepper.reached == state.stepper.reached)
    #expect(Self.steps(state)[0] == Self.steps(state)[1])
  }

  @Test func resetAndNewSeedRebuildBoth() throws {
    var state = try Self.deepSigmoid()
    state.handle(.character("n"))
    state.handle(.character("r"))
    #expect(Self.steps(state) == [0, 0])
    state.handle(.character("R"))
    #expect(state.other?.config.seed == 4)
    let b = try #require(state.other)
    #expect(b.stepper.network.layers.map(\.weights) == state.stepper.network.layers.map(\.weights))
  }

  @Test func aBreakpointSaysWhichNetworkHeldIt() throws {
    var state = try Self.deepSigmoid(breakOn: [.vanishing])
    let stages = state.stepper.stages.count
    for _ in 0..<stages where state.message == nil { state.handle(.character(" ")) }
    let byHand = try #require(state.message)
    #expect(byHand.hasPrefix("break: A: sigmoid — vanishing at B"))
    #expect(state.session.lastBreak != nil)
    #expect(state.other?.lastBreak == nil)
    // Run mode stops at the same stage, saying the same.
    state.handle(.character("r"))
    state.handle(.character("p"))
    for _ in 0..<200 where state.runner.running {
      state.update(.tick(seconds: 0.01))
      while state.owesWork { state.runOwedWork() }
    }
    #expect(!state.runner.running)
    #expect(state.message == byHand)
  }

  @Test func theSwitchKeyShowsTheOtherNetwork() throws {
    var state = try Self.deepSigmoid()
    #expect(state.focus == .left)
    state.handle(.character(KeyMap.key(for: .switchNetwork).first ?? " "))
    #expect(state.focus == .right)
    #expect(state.focused.label == "B: relu")
    #expect(state.message == "showing B: relu")
    state.handle(.character(KeyMap.key(for: .switchNetwork).first ?? " "))
    #expect(state.focus == .left)
    var alone = try AppState(config: RunConfiguration())
    alone.update(.switchNetwork)
    #expect(alone.focus == .left)
    #expect(alone.message?.contains(":compare") == true)
  }

  @Test func thePromptStartsAndStopsAComparison() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character("n"))
    Self.type(":compare act=relu", into: &state)
    let b = try #require(state.other)
    #expect(b.label == "B: relu")
    #expect(state.session.label == "A: tanh")
    #expect(Self.steps(state) == [0, 0])
    #expect(state.message == "comparing A: tanh with B: relu; both runs restarted")
    state.handle(.character("n"))
    Self.type(":compare off", into: &state)
    #expect(state.other == nil)
    #expect(state.session.label == nil)
    #expect(state.stepper.step == 1)
    Self.type(":compare seed=4", into: &state)
    #expect(state.other == nil)
    #expect(state.message?.contains("seed") == true)
  }

  @Test func aLiveChangeAppliesToBothButBKeepsItsOwnSetting() throws {
    var state = try Self.deepSigmoid()
    Self.type(":lr 0.3", into: &state)
    #expect(state.sessions.map(\.stepper.upcomingSettings.optimizer.resolvedLR) == [0.3, 0.3])
    Self.type(":act tanh", into: &state)
    #expect(state.stepper.network.layers.first?.activation == .tanh)
    #expect(state.other?.stepper.network.layers.first?.activation == .relu)
    #expect(state.session.label == "A: tanh")
    #expect(state.message?.contains("B keeps activation=relu") == true)
    Self.type(":act relu", into: &state)
    #expect(state.stepper.network.layers.first?.activation == .tanh)
    #expect(state.message?.hasPrefix("cannot:") == true)
  }

  /// A's heading names A's value of the compared setting, after a live change moved it too.
  @Test func aHeadingFollowsALiveChangeOfItsSetting() throws {
    var state = try Self.deepSigmoid(against: "lr=0.3")
    #expect(state.session.label == "A: lr 0.1")
    Self.type(":lr 0.2", into: &state)
    #expect(state.session.label == "A: lr 0.2")
    #expect(state.other?.label == "B: lr 0.3")
  }

  /// The activation key steps A past B's own activation, which A cannot take, instead of stopping there.
  @Test func aCycleKeyStepsPastTheOtherNetworksValue() throws {
    var state = try Self.deepSigmoid(against: "activation=tanh")
    var seen: [Activation] = []
    for _ in Choices.activations.indices {
      state.update(.cycleActivation)
      seen.append(try #require(state.stepper.network.layers.first?.activation))
    }
    #expect(!seen.contains(.tanh))
    #expect(Set(seen).count > 2, "the key goes on through the list: \(seen)")
  }

  /// Switching a breakpoint switches the same condition in B, wherever B's list has it.
  @Test func aBreakpointIsSwitchedByItsConditionInBoth() throws {
    var config = RunConfiguration()
    config.layers = [4]
    config.breakOn = [.vanishing]
    config.compare = try SettingsChange("break-on=exploding,vanishing")
    var state = try AppState(config: config)
    let a = state.session.stepper.breakpoints.conditions
    let b = try #require(state.other?.stepper.breakpoints.conditions)
    let i = try #require(a.firstIndex(of: .vanishing))
    let j = try #require(b.firstIndex(of: .vanishing))
    #expect(i != j, "the lists differ in order: \(a) against \(b)")
    state.update(.toggleBreakpoint(i))
    #expect(state.session.stepper.breakpoints.entries[i].enabled == false)
    #expect(state.other?.stepper.breakpoints.entries[j].enabled == false)
    #expect(state.other?.stepper.breakpoints.entries.filter { !$0.enabled }.count == 1)
  }

  /// Leaving a comparison while the cursor stands on a layer only B has brings it back into A.
  @Test func leavingAComparisonKeepsTheCursorInsideA() throws {
    var config = RunConfiguration()
    config.layers = [4]
    config.compare = try SettingsChange("layers=4,4,4")
    var state = try AppState(config: config)
    state.update(.switchNetwork)
    for _ in 0..<3 { state.update(.nextLayer) }
    #expect(state.cursor.layer > state.session.stepper.network.depth)
    Self.type(":compare off", into: &state)
    #expect(state.cursor.layer <= state.session.stepper.network.depth)
    state.update(.moveCursor(dx: 1, dy: 0))
    #expect(state.cursor.layer <= state.session.stepper.network.depth)
  }
}
