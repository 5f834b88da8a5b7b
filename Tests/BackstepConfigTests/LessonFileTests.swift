import BackstepConfig
import BackstepCore
import Foundation
import Testing

@Suite("Lesson file")
struct LessonFileTests {
  static let keyNames = ["space", "n", "e", "p"]

  func parse(_ text: String) throws -> Lesson { try LessonFile.parse(Data(text.utf8), path: "l.yaml", keyNames: Self.keyNames) }

  func failure(_ text: String) -> String? {
    do {
      _ = try parse(text)
      return nil
    } catch let e as FileError {
      return e.description
    } catch {
      return "unexpected \(error)"
    }
  }

  static let good = """
    title: Vanishing
    summary: seven sigmoid layers
    setup:
      dataset: circle
      layers: [8, 8]
      seed: 3
    view: {scale: shared}
    steps:
      - keys: [space, space]
        caption: "z is {z 1 1 2} at {stage}"
      - run: {until: "step:5"}
        caption: "loss {loss} after {step} steps"
        expect: [loss < 2, "verdict 1 = healthy"]
      - keys: ":lr 0.3"
        caption: plain
        expect: finite
    """

  @Test func aGoodLessonReadsItsSetupStepsAndClaims() throws {
    let lesson = try parse(Self.good)
    #expect(lesson.title == "Vanishing")
    #expect(lesson.summary == "seven sigmoid layers")
    #expect(lesson.setup.layers == [8, 8])
    #expect(lesson.setup.seed == 3)
    #expect(lesson.setup.view?.scale == .shared)
    #expect(lesson.steps.count == 3)
    #expect(lesson.steps[0].play == .keys(["space", "space"]))
    #expect(lesson.steps[0].caption.placeholders.map(\.text) == ["z 1 1 2", "stage"])
    #expect(lesson.steps[1].play == .run(.step(5)))
    #expect(lesson.steps[1].expectations.map(\.expectation.text) == ["loss < 2", "verdict 1 = healthy"])
    #expect(lesson.steps[1].expectations.map(\.line) == [13, 13])
    #expect(lesson.steps[2].play == .keys([":lr 0.3"]))
    #expect(lesson.steps[2].line == 14)
  }

  @Test func theSettingsReaderTakesALessonsSetup() throws {
    let config = try ConfigFile.parse(Self.good, path: "l.yaml")
    #expect(config.layers == [8, 8])
    #expect(config.dataset == "circle")
    #expect(config.view?.scale == .shared)
  }

  @Test func anUnknownKeyIsNamedAtItsPlace() {
    #expect(failure("title: x\nsetup: {}\nstesp: []\n")?.hasPrefix("l.yaml:3:1: unknown key \"stesp\"") == true)
    #expect(failure("setup: {}\nsteps:\n  - keys: n\n    captoin: x\n")?.hasPrefix("l.yaml:4:5: unknown key \"captoin\"") == true)
  }

  @Test func anUnknownPlaceholderIsNamedAtItsOwnColumn() {
    let quoted = failure("setup: {}\nsteps:\n  - keys: n\n    caption: \"loss {los}\"\n")
    #expect(quoted?.hasPrefix("l.yaml:4:20: caption: unknown placeholder {los}") == true)
    let plain = failure("setup: {}\nsteps:\n  - keys: n\n    caption: step {step} and {norm dW}\n")
    #expect(plain?.hasPrefix("l.yaml:4:30: caption: unknown placeholder {norm dW}") == true)
    // Folded over lines, the text's columns are not the file's: the caption's own place.
    let folded = failure("setup: {}\nsteps:\n  - keys: n\n    caption: >-\n      a\n      {x}\n")
    #expect(folded?.hasPrefix("l.yaml:4:14: caption: unknown placeholder {x}") == true)
  }

  @Test func aKeyNotInTheKeyMapIsNamedAtItsPlace() {
    let message = failure("setup: {}\nsteps:\n  - keys: [space, Z]\n    caption: x\n")
    #expect(message?.hasPrefix("l.yaml:3:19: keys: \"Z\" is not a key of the key map") == true)
  }

  @Test func aSettingOfTheSetupIsCheckedAsInASettingsFile() {
    #expect(failure("setup:\n  lr: -1\nsteps: []\n")?.hasPrefix("l.yaml:2:7: lr (the learning rate) must be > 0") == true)
  }

  @Test func anExpectationOrTargetThatDoesNotReadIsAnError() {
    #expect(failure("setup: {}\nsteps:\n  - keys: n\n    caption: x\n    expect: loss ~ 3\n")?.hasPrefix("l.yaml:5:13: expect:") == true)
    #expect(failure("setup: {}\nsteps:\n  - run: {until: wobble}\n    caption: x\n")?.hasPrefix("l.yaml:3:18: until: unknown breakpoint") == true)
  }

  @Test func aYAMLErrorHasItsLine() {
    #expect(failure("setup: {}\nsteps:\n  - keys: [n\n    caption: x\n")?.contains("l.yaml:4:") == true)
  }
}
