import BackstepCore
import Testing

/// Breakpoints read from text, as `--break-on`, `break-on:` and `:break` give them.
@Suite("Breakpoint conditions from text")
struct BreakConditionTests {
  static let forms: [(String, BreakCondition)] = [
    ("nan", .nan), ("vanishing", .vanishing), ("exploding", .exploding), ("plateau", .plateau(steps: 200)), ("plateau:50", .plateau(steps: 50)),
    ("dead", .dead(fraction: 0.5)), ("dead:0.8", .dead(fraction: 0.8)), ("saturated", .saturated(fraction: 0.5)),
    ("saturated:1", .saturated(fraction: 1)), ("step:412", .step(412)), ("stage:B2", .stage(.backward(2))), ("stage:f1", .stage(.forward(1))),
    ("stage:loss", .stage(.loss)), ("stage:update", .stage(.update)), ("loss<0.05", .lossBelow(0.05)), ("loss>2", .lossAbove(2)),
    (" Exploding ", .exploding),
  ]

  @Test(arguments: forms.indices)
  func everyFormIsReadAndWrittenBack(_ i: Int) throws {
    let (text, expected) = Self.forms[i]
    let condition = try BreakCondition(parsing: text)
    #expect(condition == expected)
    #expect(try BreakCondition(parsing: condition.description) == condition)
  }

  @Test func anUnknownNameListsTheForms() {
    #expect(throws: ConfigurationError("unknown breakpoint 'vanish' (expected one of \(BreakCondition.forms))", setting: "break-on")) {
      try BreakCondition(parsing: "vanish")
    }
  }

  @Test(arguments: ["plateau:0", "plateau:x", "dead:0", "dead:1.5", "saturated:-1", "step:0", "step", "stage:X3", "stage:B0", "loss<", "loss>inf", "nan:1"])
  func aBadArgumentIsRefusedNamingTheBreakpoint(_ text: String) {
    do {
      _ = try BreakCondition(parsing: text)
      Issue.record("\(text) was read")
    } catch let e as ConfigurationError {
      #expect(e.setting == "break-on")
      #expect(e.message.contains("'\(text)'"), "\(e.message)")
    } catch {
      Issue.record("\(error)")
    }
  }

  @Test func aListKeepsItsOrderOnceEachAndOffIsEmpty() throws {
    #expect(try BreakCondition.list("exploding, nan,exploding,loss<0.1") == [.exploding, .nan, .lossBelow(0.1)])
    for off in ["off", "none", "", " OFF "] { #expect(try BreakCondition.list(off) == []) }
    #expect(throws: ConfigurationError.self) { try BreakCondition.list("nan,,exploding") }
    #expect(Breakpoints([.nan, .plateau(steps: 5)]).text == "nan,plateau:5")
    #expect(Breakpoints().text == "off")
  }

  @Test func aStageMustNameALayerOfTheNetwork() throws {
    #expect(throws: ConfigurationError.self) { try BreakCondition.stage(.backward(4)).check(depth: 3) }
    try BreakCondition.stage(.forward(3)).check(depth: 3)
    var s = try StepperTests.make()
    #expect(throws: ConfigurationError.self) { try s.watch(for: [.stage(.backward(9))]) }
    #expect(s.breakpoints == .standard)
  }

  @Test func togglingAndWatchingAgainKeepHitCounts() throws {
    var s = try StepperTests.make()
    try s.watch(for: [.stage(.loss), .nan])
    // Stops at the loss, finishes the iteration, stops at the next loss.
    let hits = (0..<3).map { _ in s.finishIterationChecked() }
    #expect(hits.map { $0?.stage } == [.loss, nil, .loss])
    #expect(s.breakpoints.entries[0].hits == 2)
    let toggled = s.breakpoints.toggle(0)
    let outOfRange = s.breakpoints.toggle(5)
    #expect(toggled && !outOfRange)
    let after = s.finishIterationChecked()
    #expect(after == nil, "a switched-off breakpoint does not stop")
    #expect(s.breakpoints.entries[0].hits == 2)
    try s.watch(for: [.exploding, .stage(.loss)])
    #expect(s.breakpoints.conditions == [.exploding, .stage(.loss)])
    #expect(s.breakpoints.entries[1].hits == 2 && s.breakpoints.entries[1].enabled)
  }
}
