import BackstepCore
import Testing

@testable import BackstepUI

/// `:bn on` and `:bn off` rebuild the network with and without batchnorm layers.
@Suite("Batch normalisation from the prompt")
struct BatchNormPromptTests {
  static func type(_ line: String, into state: inout AppState) {
    for c in line { state.handle(.character(c)) }
    state.handle(.enter)
  }

  @Test func bnOnAndOffRebuildTheNetwork() throws {
    var state = try AppState(config: RunConfiguration())
    #expect(!state.stepper.network.hasBatchNorm)
    Self.type(":bn on", into: &state)
    #expect(state.config.batchNorm == true)
    #expect(state.stepper.network.architecture.hasPrefix("2-4+bn-4+bn-1"))
    // Every hidden dense layer lost its bias to the batchnorm layer above it.
    #expect(state.stepper.network.layers.compactMap(\.dense).map(\.hasBias) == [false, false, true])
    Self.type(":bn off", into: &state)
    #expect(!state.stepper.network.hasBatchNorm)
    let before = state.config
    Self.type(":bn maybe", into: &state)
    #expect(state.config == before)
    #expect(state.message?.contains("on or off") == true)
  }
}
