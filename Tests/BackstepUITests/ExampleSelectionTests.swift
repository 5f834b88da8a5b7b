import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// One example of the batch is selected: `,` and `.` move it, wrapping, and it stays in the batch.
@Suite("The selected example")
struct ExampleSelectionTests {
  @Test func dotAndCommaStepThroughTheBatchAndWrap() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character(" "))
    let count = state.stepper.record.input.rows
    #expect(count > 2)
    #expect(state.example == 0)
    state.handle(.character("."))
    state.handle(.character("."))
    #expect(state.example == 2)
    let row = state.stepper.record.batchIndices[2]
    #expect(state.message == "example 3 of \(count) (training row \(row + 1))")
    state.handle(.character(","))
    state.handle(.character(","))
    state.handle(.character(","))
    #expect(state.example == count - 1)
    state.handle(.character("."))
    #expect(state.example == 0)
  }

  @Test func aSmallerBatchKeepsTheSelectionInside() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character(" "))
    for _ in 0..<(state.batchExamples - 1) { state.handle(.character(",")) }
    let before = state.batchExamples
    state.handle(.character("k"))
    state.handle(.character(" "))
    #expect(state.batchExamples != before)
    #expect(state.example >= 0 && state.example < state.batchExamples)
  }

  @Test func aPointOfTheBatchIsSelectedAndAnotherIsNot() throws {
    var state = try AppState(config: RunConfiguration())
    state.handle(.character(" "))
    let batch = state.stepper.record.batchIndices
    state.update(.selectPoint(row: batch[1]))
    #expect(state.example == 1)
    let outside = try #require((0..<state.stepper.data.train.inputs.rows).first { !batch.contains($0) })
    state.update(.selectPoint(row: outside))
    #expect(state.example == 1)
    #expect(state.message == "training row \(outside + 1) is not in this batch")
  }
}
