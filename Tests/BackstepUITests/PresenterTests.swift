import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// Presenter mode on a scripted terminal in virtual time: the next step, back one, a detour
/// with ordinary keys and the way back, and autoplay.
@Suite("Presenter mode")
struct PresenterTests {
  typealias Script = [(Double, RecordingTerminal.Event)]

  /// Three steps on the default network: one stage, the rest of the iteration, one more stage.
  static func lesson() throws -> Lesson {
    func step(_ keys: [String], _ caption: String, line: Int) throws -> LessonStep {
      LessonStep(play: .keys(keys), caption: try CaptionTemplate(parsing: caption), expectations: [], line: line)
    }
    return Lesson(
      title: "Test lesson", summary: "The default network.", setup: RunConfiguration(),
      steps: [
        try step(["space"], "forward(1): z = {z 1 1 1}", line: 1),
        try step(["n"], "loss {loss} after step {step}", line: 2),
        try step(["space"], "stage {stage}", line: 3),
      ])
  }

  /// In a lesson the surface is computed on the grid the screen draws it on, whose panel is
  /// shorter by the lesson's rows: the grid the surface was drawn at is the one drawn.
  @Test func theSurfaceFitsThePanelALessonLeaves() throws {
    let context = RenderContext(level: .xterm256, unicode: true)
    var shortened = 0
    for (width, height) in [(80, 24), (100, 30), (120, 36), (200, 60), (250, 70)] {
      var state = try AppState(lesson: Self.lesson())
      state.refreshSurface(width: width, height: height, context: context)
      let lesson = try #require(state.lesson)
      let rows = LessonPanel.rows(lesson, width: width, height: height)
      let layout = try #require(ScreenLayout(width: width, height: height, depth: 3, showSurface: true, lessonRows: rows))
      guard let area = layout.surface, let surface = state.session.surface else {
        #expect(layout.surface == nil && state.session.surface == nil, "a surface exactly where the screen has room for one, \(width)×\(height)")
        continue
      }
      let drawn = try #require(DecisionSurface.geometry(in: area.inset(dx: 1, dy: 1), plane: surface.plane, context: context))
      #expect(surface.columns == drawn.columns && surface.rows == drawn.rows, "\(width)×\(height)")
      let plain = try #require(ScreenLayout(width: width, height: height, depth: 3, showSurface: true)?.surface)
      if plain.height != area.height { shortened += 1 }
    }
    #expect(shortened > 0, "at some size the lesson's panel takes rows from the surface's column")
  }

  static func run(_ script: Script, autoplay: Double? = nil) throws -> (RunLoop, RecordingTerminal) {
    let clock = VirtualClock()
    let terminal = RecordingTerminal(clock: clock, script: script + [(100, .key(.character("q")))])
    var loop = RunLoop(state: try AppState(lesson: lesson(), autoplayDelay: autoplay), terminal: terminal, clock: clock)
    _ = loop.run()
    return (loop, terminal)
  }

  /// The state after the lesson's first `n` steps played directly, for comparing.
  static func played(_ n: Int) throws -> AppState {
    var state = try AppState(lesson: lesson())
    for _ in 0..<n { state.playNextLessonStep() }
    return state
  }

  static func text(_ frame: Frame?) -> String { frame?.plainText ?? "" }

  @Test func pageDownPlaysTheNextStepAndShowsItsCaption() throws {
    let (loop, terminal) = try Self.run([(1, .key(.pageDown))])
    #expect(loop.state.lesson?.played == 1)
    #expect(loop.state.stepper.reached == 1)
    let expected = try Self.played(1)
    let z = expected.stepper.record.layers[0].z[0, 0]
    #expect(loop.state.lesson?.caption == "forward(1): z = \(Format.short(z, digits: 4))")
    let screen = Self.text(terminal.frames.last)
    #expect(screen.contains("Test lesson · step 1/3"))
    #expect(screen.contains("forward(1): z = \(Format.short(z, digits: 4))"))
  }

  /// An open help or gradient check does not swallow PgDn: it closes and the lesson plays
  /// on; at the prompt PgDn and → stay the prompt's.
  @Test func pageDownClosesAnOverlayAndPlaysOn() throws {
    var state = try AppState(lesson: Self.lesson())
    state.handle(.character("?"))
    #expect(state.overlay != .none)
    state.handle(.pageDown)
    #expect(state.overlay == .none)
    #expect(state.lesson?.played == 1)
    state.handle(.character(":"))
    state.handle(.right)
    if case .prompt = state.overlay {} else { Issue.record("the prompt stays open under →: \(state.overlay)") }
    #expect(state.lesson?.played == 1)
  }

  /// A message an earlier step's keys left on the status line goes when the next step plays.
  @Test func aStepClearsTheMessageTheStepBeforeLeft() throws {
    let steps = [
      LessonStep(play: .keys(["e"]), caption: try CaptionTemplate(parsing: "an epoch"), expectations: [], line: 1),
      LessonStep(play: .run(try RunTarget(parsing: "step:50")), caption: try CaptionTemplate(parsing: "step {step}"), expectations: [], line: 2),
    ]
    var state = try AppState(lesson: Lesson(title: "Messages", summary: "", setup: RunConfiguration(), steps: steps))
    state.playNextLessonStep()
    #expect(state.message?.contains("epoch") == true)
    state.playNextLessonStep()
    #expect(state.message == nil)
  }

  @Test func theRightArrowPlaysTheLessonAndUpStillMovesTheCursor() throws {
    let (loop, _) = try Self.run([(1, .key(.right)), (2, .key(.right)), (3, .key(.down))])
    #expect(loop.state.lesson?.played == 2)
    #expect(loop.state.stepper.step == 1)
    #expect(loop.state.cursor != Cursor())
  }

  @Test func backPlaysTheLessonAgainToTheStepBefore() throws {
    let (loop, terminal) = try Self.run([(1, .key(.pageDown)), (2, .key(.pageDown)), (3, .key(.pageUp))])
    let expected = try Self.played(1)
    #expect(loop.state.lesson?.played == 1)
    #expect(loop.state.stepper.step == expected.stepper.step)
    #expect(loop.state.stepper.reached == expected.stepper.reached)
    #expect(loop.state.stepper.network == expected.stepper.network)
    #expect(loop.state.lesson?.caption == expected.lesson?.caption)
    #expect(Self.text(terminal.frames.last).contains("step 1/3"))
  }

  @Test func aDetourWithOrdinaryKeysAndTheWayBack() throws {
    // Step 1, then a detour of two iterations and a view change, then the lesson goes on from
    // there; back one lesson step leaves the detour behind.
    let detour: Script = [(2, .key(.character("n"))), (2.1, .key(.character("n"))), (2.2, .key(.character("v")))]
    let (onward, _) = try Self.run([(1, .key(.pageDown))] + detour + [(3, .key(.pageDown))])
    #expect(onward.state.stepper.step == 3)
    #expect(onward.state.view.quantity != .a)
    #expect(onward.state.lesson?.played == 2)
    let (back, _) = try Self.run([(1, .key(.pageDown))] + detour + [(3, .key(.pageDown)), (4, .key(.pageUp))])
    let expected = try Self.played(1)
    #expect(back.state.lesson?.played == 1)
    #expect(back.state.stepper.step == 0)
    #expect(back.state.stepper.reached == expected.stepper.reached)
    #expect(back.state.stepper.network == expected.stepper.network)
    #expect(back.state.view.quantity == .a)
  }

  @Test func backAtTheStartSaysSo() throws {
    let (loop, _) = try Self.run([(1, .key(.pageUp))])
    #expect(loop.state.lesson?.played == 0)
    #expect(loop.state.message == "at the lesson's start")
  }

  @Test func autoplayPlaysEveryStepAtItsDelayAndEnds() throws {
    let clock = VirtualClock()
    // No keys: with the script spent the terminal would hang up on a wait for ever, so the
    // lesson must end by itself.
    let terminal = RecordingTerminal(clock: clock, script: [])
    var loop = RunLoop(state: try AppState(lesson: Self.lesson(), autoplayDelay: 2), terminal: terminal, clock: clock)
    let ending = loop.run()
    #expect(ending == .quit)
    #expect(loop.state.lesson?.played == 3)
    #expect(loop.state.shouldQuit)
    // Three steps and the wait after the last, two seconds each.
    #expect(clock.time >= 8 && clock.time < 8.1)
    let positions = terminal.frames.map { Self.text($0) }.compactMap { t in ["start/3", "step 1/3", "step 2/3", "step 3/3"].first { t.contains($0) } }
    let shown = positions.enumerated().filter { $0.offset == 0 || positions[$0.offset - 1] != $0.element }.map(\.element)
    #expect(shown == ["start/3", "step 1/3", "step 2/3", "step 3/3"])
    #expect(Self.text(terminal.frames.last).contains("Test lesson · step 3/3 · autoplay every 2 s"))
  }

  @Test func aLongCaptionGetsTheRowsItNeedsAt80x24() throws {
    let words = (1...30).map { "word\($0)" }.joined(separator: " ")
    let lesson = Lesson(
      title: "Long", summary: "", setup: RunConfiguration(),
      steps: [LessonStep(play: .keys(["n"]), caption: try CaptionTemplate(parsing: words + " {step}"), expectations: [], line: 1)])
    var state = try AppState(lesson: lesson)
    state.playNextLessonStep()
    let context = RenderContext(level: .none, unicode: true)
    state.refreshSurface(width: 80, height: 24, context: context)
    let screen = Screen.render(state, width: 80, height: 24, context: context).plainText
    #expect(screen.contains("word1 "))
    #expect(screen.contains("word30 1"))
    #expect(screen.split(separator: "\n").count == 24)
  }

  @Test func theHelpListsThePresentersKeysOnlyInPresenterMode() throws {
    let state = try AppState(lesson: Self.lesson())
    let context = RenderContext(level: .none, unicode: true)
    #expect(KeyTableTests.helpPages(state, width: 160, height: 50, context: context).contains { $0.contains("next lesson step") })
    let plain = try AppState(config: RunConfiguration())
    let plainPages = KeyTableTests.helpPages(plain, width: 160, height: 50, context: context)
    #expect(!plainPages.isEmpty && !plainPages.contains { $0.contains("next lesson step") })
  }

  @Test func aLessonsKeyNamesAreTheTablesAndACommandIsTypedAtThePrompt() {
    #expect(LessonKeys.presses("space") == [.character(" ")])
    #expect(LessonKeys.presses("Enter") == [.enter])
    #expect(LessonKeys.presses(":lr 0.3") == ":lr 0.3".map(Key.character) + [.enter])
    for name in KeyMap.keyNames { #expect(KeyBinding.key(named: name).map(KeyBinding.name(of:)) == name) }
    #expect(KeyBinding.key(named: "PgDn") == nil)
  }
}
