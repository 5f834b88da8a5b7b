import BackstepCore
import Testing

/// Each example's loss ℓ_i, from the loss stage: the batch's data loss is their mean for every
/// loss, and the batch's value keeps the bits it had.
@Suite("Per-example loss")
struct ExampleLossTests {
  static func specs(for loss: Loss) -> [LayerSpec] {
    let output: LayerSpec =
      switch loss {
      case .bce: LayerSpec(units: 2, activation: .sigmoid)
      case .ce: LayerSpec(units: 3, activation: .softmax)
      case .mse, .mseMean: LayerSpec(units: 2, activation: .tanh)
      }
    return [LayerSpec(units: 4, activation: .relu), output]
  }

  @Test(arguments: Loss.allCases)
  func theMeanOfTheExamplesIsTheDataLoss(loss: Loss) throws {
    var s = try RecordFixture.stepper(Self.specs(for: loss), loss: loss, rows: 7, seed: 11)
    for _ in 0...s.network.depth { s.advance() }
    #expect(s.lastStage == .loss)
    let examples = s.record.exampleLoss
    #expect(examples.count == 7)
    let mean = examples.reduce(0, +) / Double(examples.count)
    #expect(abs(mean - s.record.dataLoss) <= 1e-12 * max(1, abs(s.record.dataLoss)), "\(mean) vs \(s.record.dataLoss)")
    #expect(examples.allSatisfy { $0 >= 0 }, "every loss here is non-negative")
  }

  @Test(arguments: Loss.allCases)
  func eachExampleIsItsOwnRowsLoss(loss: Loss) throws {
    var s = try RecordFixture.stepper(Self.specs(for: loss), loss: loss, rows: 4, seed: 3)
    for _ in 0...s.network.depth { s.advance() }
    let out = s.record.layers[s.network.depth - 1]
    for i in 0..<4 {
      // The same loss over a batch of this one row is this row's ℓ_i.
      let one = [i]
      let alone = loss.value(z: out.z.gatherRows(one), a: out.a.gatherRows(one), target: s.record.target.gatherRows(one))
      #expect(abs(alone - s.record.exampleLoss[i]) <= 1e-15 * max(1, abs(alone)), "example \(i)")
    }
  }

  @Test(arguments: Loss.allCases)
  func theBatchValueIsUnchangedByAskingForTheExamples(loss: Loss) throws {
    var s = try RecordFixture.stepper(Self.specs(for: loss), loss: loss, rows: 6, seed: 5)
    for _ in 0..<s.network.depth { s.advance() }
    let out = s.record.layers[s.network.depth - 1]
    var examples = [Double](repeating: .nan, count: 6)
    let withExamples = loss.value(z: out.z, a: out.a, target: s.record.target, examples: &examples)
    #expect(withExamples == loss.value(z: out.z, a: out.a, target: s.record.target))
    #expect(examples.allSatisfy { $0.isFinite }, "every entry was written")
  }
}
