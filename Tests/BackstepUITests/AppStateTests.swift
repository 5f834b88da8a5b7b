import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The visualizer's logic without a terminal: actions, keys and the command prompt.
@Suite("App state")
struct AppStateTests {
  static func fresh() throws -> AppState { try AppState(config: RunConfiguration()) }

  @Test func spaceAdvancesOneStageAndBackReturns() throws {
    var state = try Self.fresh()
    state.handle(.character(" "))
    #expect(state.stepper.reached == 1)
    state.handle(.character(" "))
    #expect(state.stepper.reached == 2)
    state.handle(.character("b"))
    #expect(state.stepper.reached == 1)
  }

  @Test func nFinishesTheIterationAndCapitalBRewindsIt() throws {
    var state = try Self.fresh()
    let start = state.stepper.network.layers.map(\.weights)
    state.handle(.character("n"))
    #expect(state.stepper.optimizerState.step == 1)
    #expect(state.stepper.network.layers.map(\.weights) != start)
    state.handle(.character("B"))
    #expect(state.stepper.optimizerState.step == 0)
    #expect(state.stepper.network.layers.map(\.weights) == start)
  }

  @Test func theHelpOverlayTakesKeysUntilEscape() throws {
    var state = try Self.fresh()
    let reached = state.stepper.reached
    state.handle(.character("?"))
    #expect(state.overlay == .help(page: 0))
    state.handle(.character(" "))  // closes help, does not step
    #expect(state.overlay == .none)
    #expect(state.stepper.reached == reached)
  }

  @Test(arguments: [
    (":lr 0.3", "lr"), (":act relu", "activation"), (":layers 8,8,8", "layers"), (":opt adam", "optimizer"), (":data spiral", "dataset"),
  ])
  func thePromptSetsThingsByName(_ command: String, _ what: String) throws {
    var state = try Self.fresh()
    for c in command { state.handle(.character(c)) }
    state.handle(.enter)
    #expect(state.overlay == .none)
    switch what {
    case "lr": #expect(state.config.lr == 0.3)
    case "activation": #expect(state.stepper.network.layers.first?.activation == .relu)
    case "layers": #expect(state.stepper.network.layers.map(\.units) == [8, 8, 8, 1])
    case "optimizer": #expect(state.config.optimizer == "adam")
    default: #expect(state.config.dataset == "spiral")
    }
  }

  @Test func aBadPromptCommandSaysWhyAndChangesNothing() throws {
    var state = try Self.fresh()
    let before = state.config
    for c in ":lr -1" { state.handle(.character(c)) }
    state.handle(.enter)
    #expect(state.config.lr == before.lr)
    #expect(state.message?.isEmpty == false)
  }

  /// The prompt checks a value by the same rule as the flags and settings files: the widest
  /// layer is LayerSpec.maxUnits, and a momentum outside [0, 1] is refused with its range.
  @Test(arguments: [
    (":momentum 2", false), (":momentum 0.5", true), (":layers 100,100", true), (":layers 5000", false),
    (":dropout 1", false), (":batch full", true), (":batch 0", false), (":points 1", false),
  ])
  func promptValuesFollowTheSettingRules(_ line: String, accepted: Bool) throws {
    var state = try Self.fresh()
    let before = state.config
    for c in line { state.handle(.character(c)) }
    state.handle(.enter)
    #expect((state.config != before) == accepted, "\(line): \(state.message ?? "")")
    if !accepted {
      let message = try #require(state.message)
      #expect(!message.contains("--"), "speaks of settings, not flags: \(message)")
    }
    if line == ":momentum 2" { #expect(state.message?.contains("[0, 1]") == true) }
  }

  @Test func qQuits() throws {
    var state = try Self.fresh()
    state.handle(.character("q"))
    #expect(state.shouldQuit)
  }

  /// Runs the work ticks have owed, one unit at a time, as the run loop does.
  static func payOwedWork(_ state: inout AppState, limit: Int = 100_000) {
    for _ in 0..<limit where state.owesWork { state.runOwedWork() }
  }

  @Test func runModeStepsOnTicksAndPauses() throws {
    var state = try Self.fresh()
    state.handle(.character("p"))
    #expect(state.runner.running)
    state.update(.tick(seconds: 0.5))
    Self.payOwedWork(&state)
    #expect(state.stepper.optimizerState.step > 0 || state.stepper.reached > 0)
    state.handle(.character("p"))
    #expect(!state.runner.running)
    let step = state.stepper.optimizerState.step, reached = state.stepper.reached
    state.update(.tick(seconds: 0.5))
    Self.payOwedWork(&state)
    #expect(state.stepper.optimizerState.step == step && state.stepper.reached == reached)
  }

  /// A tick only owes work: however much time passed, it is run one stage at a time, so the
  /// run loop can read a key between any two stages of a heavy network.
  @Test func aTickOwesIterationsThatRunAStageAtATime() throws {
    var state = try Self.fresh()
    state.handle(.character("p"))
    state.update(.tick(seconds: 60))
    #expect(state.stepper.optimizerState.step == 0 && state.stepper.reached == state.stepper.stages.count)
    #expect(state.owesWork)
    state.runOwedWork()
    #expect(state.stepper.optimizerState.step == 0 && state.stepper.reached == 1)
    for _ in 1..<state.stepper.stages.count { state.runOwedWork() }
    #expect(state.stepper.optimizerState.step == 1 && state.stepper.reached == state.stepper.stages.count)
    state.handle(.character("p"))
    #expect(!state.owesWork, "a pause leaves nothing owed")
  }

  /// Measuring the loss over every row runs inside the update stage, where no key can be
  /// read: run mode leaves it out when it is beyond the budget, and says so.
  @Test func runModeLeavesOutAWholeSetLossTooLargeToMeasure() throws {
    var config = RunConfiguration()
    config.layers = [32, 32]
    config.points = 60_000  // 2 passes × 60,000 rows × 1,120 weights: just over 10⁸
    var state = try AppState(config: config)
    state.handle(.character("p"))
    #expect(state.message?.contains("whole-set loss only when stepping") == true)
    state.update(.tick(seconds: 0.05))
    Self.payOwedWork(&state)
    #expect(state.stepper.step >= 1)
    #expect(state.stepper.history.trainLoss.allSatisfy { $0 == nil })
    state.handle(.character("p"))
    state.handle(.character("n"))
    #expect(state.stepper.history.newestTrainLoss != nil, "stepping by hand measures it")
  }

  /// A long pause between ticks (a slow machine, a suspended process) is not paid back at
  /// once: at most a quarter second of work is owed.
  @Test func runModeDoesNotCatchUpALongStall() throws {
    var state = try Self.fresh()
    guard case .iterations(let rate) = state.runner.speed else {
      Issue.record("the default speed should count iterations, not \(state.runner.speed)")
      return
    }
    state.handle(.character("p"))
    state.update(.tick(seconds: 60))
    Self.payOwedWork(&state)
    #expect(state.stepper.optimizerState.step == Int(rate / 4))
  }

  /// A gradient check cannot be interrupted: above the budget it is refused, saying why and
  /// what the limit is; below it, it runs.
  @Test func aGradientCheckTooLargeForTheScreenIsRefused() throws {
    var config = RunConfiguration()
    config.layers = [64, 64, 64]
    var state = try AppState(config: config)
    state.handle(.character("g"))
    guard case .gradientCheck(let text) = state.overlay else {
      Issue.record("no gradient check overlay")
      return
    }
    #expect(text.hasPrefix("not run: \(state.stepper.network.parameterCount) parameters"))
    #expect(text.contains("\(Format.short(Double(WorkBudget.multiplyAdds), digits: 1)) the screen does in one piece") && text.contains("backstep check"))
    var small = try Self.fresh()
    small.handle(.character("g"))
    guard case .gradientCheck(let table) = small.overlay else {
      Issue.record("no gradient check overlay")
      return
    }
    #expect(!table.contains("not run") && table.contains("batch of"))
  }
}

/// The prompt takes every setting of the table by its key and its short names.
@Suite("Prompt names")
struct PromptNameTests {
  @Test(arguments: Hyperparameter.all.flatMap(\.promptNames))
  func everyTableNameIsASetting(_ name: String) throws {
    #expect(throws: PromptCommand.Refusal.self) { try PromptCommand.parse("\(name) x") }
    #expect(PromptCommand.names.contains(Hyperparameter.named(name)?.promptNames.min { $0.count < $1.count } ?? "?"))
    do {
      _ = try PromptCommand.parse("\(name) x")
    } catch let refusal as PromptCommand.Refusal {
      #expect(!refusal.description.hasPrefix("unknown setting"), "\(name): \(refusal)")
    }
  }

  /// Settings the prompt did not list before now reach it through the table.
  @Test func aSettingOfTheTableIsApplied() throws {
    var c = RunConfiguration()
    guard case .set(let change, let scope) = try PromptCommand.parse("beta1 0.5") else {
      Issue.record("beta1 is not a setting")
      return
    }
    change(&c)
    #expect(c.beta1 == 0.5 && scope == .training)
  }

  /// `:clip 0` turns clipping off rather than being refused by the rule (> 0).
  @Test func clipZeroTurnsClippingOff() throws {
    var c = RunConfiguration()
    c.clipNorm = 1
    guard case .set(let change, _) = try PromptCommand.parse("clip 0") else {
      Issue.record("clip is not a setting")
      return
    }
    change(&c)
    #expect(c.clipNorm == nil)
    #expect(throws: PromptCommand.Refusal.self) { try PromptCommand.parse("lr 0") }
  }

  /// `:rnn 0` takes the recurrent layer away; `:seqlen` is seq-len's prompt name.
  @Test func rnnZeroTakesTheRecurrentLayerAway() throws {
    var c = RunConfiguration()
    c.rnn = 8
    guard case .set(let off, let scope) = try PromptCommand.parse("rnn 0"), case .set(let steps, _) = try PromptCommand.parse("seqlen 20") else {
      Issue.record("rnn or seqlen is not a setting")
      return
    }
    off(&c)
    steps(&c)
    #expect(c.rnn == nil && c.seqLen == 20 && scope == .network)
    #expect(throws: PromptCommand.Refusal.self) { try PromptCommand.parse("seqlen 0") }
  }

  /// The names of the string-valued settings at the prompt are not table names.
  @Test func textNamesAreNotTableNames() {
    for name in PromptCommand.textNames { #expect(Hyperparameter.named(name) == nil, "\(name)") }
  }
}
