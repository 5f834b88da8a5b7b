import BackstepCore
import Testing

/// An example's input row `[x1@1, x2@1, x1@2, x2@2, x1@3, x2@3]` read back as one series per
/// feature, with each series' range.
@Suite("An example's input sequence")
struct ExampleSequenceTests {
  @Test func theRowIsSplitIntoAFeatureASeries() {
    let s = ExampleSequence(input: [1, -2, 3, 4, 0.5, 6], features: 2)
    #expect(s.features == [[1, 3, 0.5], [-2, 4, 6]])
    #expect(s.ranges[0].ends(log: false)! == (0.5, 3))
    #expect(s.ranges[1].ends(log: false)! == (-2, 6))
  }

  @Test func theSelectedExampleOfARecurrentBatch() throws {
    var s = try RecurrentFixture.stepper(steps: 4)
    #expect(s.exampleSequence(0) == nil, "no batch before the first stage")
    s.advance()
    let sequence = try #require(s.exampleSequence(1))
    let row = s.record.input.row(1)
    #expect(sequence.features.count == 2 && sequence.features.allSatisfy { $0.count == 4 })
    for t in 1...4 { #expect(sequence.features[1][t - 1] == row[(t - 1) * 2 + 1]) }
  }
}
