import BackstepCore
import Testing

@testable import BackstepUI

/// The update stage's caption writes each optimizer's rule with the values its iteration ran
/// with, never a bare "adam step".
@Suite("The update caption's rule")
struct UpdateRuleTests {
  /// The caption after one whole iteration with these settings.
  static func caption(_ edit: (inout RunConfiguration) -> Void) throws -> String {
    var config = RunConfiguration()
    edit(&config)
    var state = try AppState(config: config)
    state.update(.finishIteration)
    #expect(state.stepper.lastStage == .update)
    return Caption.stageLine(state.stepper, .unicode).runs.map(\.0).joined()
  }

  @Test func plainSGDIsOneStepOfTheGradient() throws {
    let text = try Self.caption { $0.lr = 0.05 }
    #expect(text.contains("W ← W − 0.05·dW"), "\(text)")
  }

  @Test func momentumNamesItsVelocity() throws {
    let text = try Self.caption {
      $0.momentum = 0.9
      $0.lr = 0.01
    }
    #expect(text.contains("b ← 0.9·b + dW, W ← W − 0.01·b"), "\(text)")
    let nesterov = try Self.caption {
      $0.momentum = 0.9
      $0.nesterov = true
    }
    #expect(nesterov.contains("·(dW + 0.9·b)"), "\(nesterov)")
  }

  @Test func everyOtherOptimizerWritesItsRule() throws {
    let expected = [
      "adam": "m ← 0.9·m + 0.1·dW, v ← 0.999·v + 0.001·dW², W ← W − 0.001·mˆ/(√vˆ + 1e-8)",
      "adagrad": "s ← s + dW², W ← W − 0.01·dW/(√s + 1e-10)",
      "rmsprop": "v ← 0.99·v + 0.01·dW², W ← W − 0.01·dW/(√v + 1e-8)",
      "adadelta": "v ← 0.9·v + 0.1·dW², Δ = √(u + 1e-6)/√(v + 1e-6)·dW, W ← W − 1·Δ",
    ]
    for (kind, rule) in expected {
      let text = try Self.caption { $0.optimizer = kind }
      #expect(text.contains(kind + ": " + rule), "\(text)")
      #expect(!text.contains(" step (lr"), "\(text)")
    }
  }
}
