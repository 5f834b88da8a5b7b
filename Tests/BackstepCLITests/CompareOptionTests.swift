import ArgumentParser
import BackstepCore
import Testing

@testable import backstep

/// `--compare` on the commands that open the screen, read in-process and laid over a settings
/// file's `compare:`.
@Suite("The compare flag")
struct CompareOptionTests {
  @Test func theFlagNamesTheChange() throws {
    let c = try View.parse(["--layers", "8,8", "--compare", "optimizer=adam,lr=0.001"]).configuration()
    #expect(c.compare == (try SettingsChange("optimizer=adam,lr=0.001")))
    #expect(c.layers == [8, 8])
    #expect(try View.parse([]).configuration().compare == nil)
    let render = try Render.parse(["--compare", "act=relu"])
    #expect(try render.compare.applied(to: render.options.configuration()).compare?.names == ["activation"])
  }

  /// The flag replaces the file's change; `off` takes it away.
  @Test func theFlagOverridesTheSettingsFile() throws {
    let path = try Parsed.file("c.yaml", "compare: activation=relu\n")
    #expect(try View.parse(["--config", path]).configuration().compare?.text == "activation=relu")
    #expect(try View.parse(["--config", path, "--compare", "lr=0.5"]).configuration().compare?.text == "lr=0.5")
    #expect(try View.parse(["--config", path, "--compare", "off"]).configuration().compare == nil)
  }

  /// A change that cannot be is refused as the flag's (which the message then names), with a usage exit status.
  @Test(arguments: [("seed=3", "seed cannot differ"), ("lr=x", "lr=x: lr needs a number"), ("", "compare needs a setting")])
  func aBadChangeIsRefused(_ text: String, _ message: String) throws {
    do {
      _ = try View.parse(["--compare", text]).configuration()
      Issue.record("\(text) was taken")
    } catch {
      #expect((error as? ConfigurationError)?.setting == "compare")
      #expect(Failure.describe(error).hasPrefix(message), "\(Failure.describe(error))")
      #expect(Failure.status(for: error) == ExitStatus.usage)
    }
  }
}
