import BackstepConfig
import BackstepCore
import Foundation
import Testing

/// `compare:` in a settings file and in a lesson's setup, as `--compare` text or as a mapping.
@Suite("The compare key")
struct CompareKeyTests {
  func change(_ yaml: String) throws -> SettingsChange? { try ConfigFile.parse(yaml, path: "c.yaml").compare }

  @Test func theFlagsTextOrAMapping() throws {
    #expect(try change("compare: activation=relu\n") == SettingsChange("activation=relu"))
    #expect(try change("compare: {optimizer: adam, lr: 0.001}\n") == SettingsChange("optimizer=adam,lr=0.001"))
    #expect(try change("compare:\n  layers: [8, 8, 8]\n  act: relu\n")?.text == "layers=8,8,8,activation=relu")
    #expect(try change("compare: off\n") == nil)
    #expect(try change("lr: 0.1\n") == nil)
  }

  /// A mistake is named at the line and column of the value at fault, in the core's words.
  @Test(arguments: [
    ("compare: seed=2\n", "c.yaml:1:10: compare: seed cannot differ"),
    ("compare: lr=abc\n", "c.yaml:1:10: compare: lr=abc: lr needs a number"),
    ("compare:\n  act: relu\n  lr: abc\n", "c.yaml:3:7: compare: lr=abc: lr needs a number"),
    ("compare:\n  noise: 5\n", "c.yaml:2:10: compare: noise cannot differ"),
    ("compare: {}\n", "c.yaml:1:10: compare: expected settings that differ"),
    ("compare: [relu]\n", "c.yaml:1:10: compare: expected settings that differ"),
    ("compare:\n  layers: [[8]]\n", "c.yaml:2:12: compare: expected a value"),
  ])
  func mistakesArePlaced(_ yaml: String, _ expected: String) {
    do {
      _ = try ConfigFile.parse(yaml, path: "c.yaml")
      Issue.record("\(yaml) was read")
    } catch let e as FileError {
      #expect(e.description.hasPrefix(expected), "\(e.description)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  /// A lesson's setup may name a change; its placeholders then read either network.
  @Test func aLessonSetupComparesToo() throws {
    let text = """
      title: Two activations
      summary: sigmoid against relu
      setup:
        layers: [8, 8]
        activation: sigmoid
        compare: activation=relu
      steps:
        - keys: [n]
          caption: "A {norm dW 1}, B {B: norm dW 1}"
          expect: ["B: verdict 1 != vanishing"]
      """
    let lesson = try LessonFile.parse(Data(text.utf8), path: "l.yaml", keyNames: ["n"])
    #expect(lesson.setup.compare == (try SettingsChange("activation=relu")))
    #expect(lesson.steps[0].caption.placeholders.map(\.side) == [.left, .right])
    #expect(lesson.steps[0].expectations.first?.expectation.side == .right)
  }
}
