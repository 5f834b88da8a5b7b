import ArgumentParser
import BackstepCore
import Testing

@testable import backstep

/// The heat-map flags of the visualizer and of render, read in-process and laid over a
/// settings file's `view:` keys.
@Suite("Heat-map flags")
struct ViewOptionTests {
  @Test func theFlagsSetTheScaleModeAndNothingElse() throws {
    let c = try View.parse(["--scale", "shared", "--log"]).configuration()
    #expect(c.view == ViewSettings(scale: .shared, log: true))
    var rest = c
    rest.view = nil
    #expect(rest == RunConfiguration())
    #expect(try View.parse([]).configuration().view == nil)
    #expect(try View.parse(["--scale", "layer", "--no-log"]).configuration().view == ViewSettings(scale: .layer, log: false))
  }

  @Test func flagsOverrideTheSettingsFileOneKeyAtATime() throws {
    let path = try Parsed.file("lesson.yaml", "view: {scale: shared, log: true}\n")
    #expect(try View.parse(["--config", path]).configuration().view == ViewSettings(scale: .shared, log: true))
    #expect(try View.parse(["--config", path, "--no-log"]).configuration().view == ViewSettings(scale: .shared, log: false))
    let render = try Render.parse(["--config", path, "--scale", "layer"])
    #expect(render.view.applied(to: try render.options.configuration()).view == ViewSettings(scale: .layer, log: true))
  }

  @Test func anUnknownScaleIsRefusedWithTheChoices() throws {
    let refusal = try #require(Parsed.refusal(["view", "--scale", "wide"]))
    #expect(refusal.message.contains("layer") && refusal.message.contains("shared"), "\(refusal.message)")
    #expect(refusal.code != .success)
  }
}
