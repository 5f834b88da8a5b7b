import Testing

@testable import BackstepCore

@Suite("Value ranges for plot axes")
struct ValueRangeTests {
  @Test func theRangeLeavesOutWhatIsNotFiniteOrNotMeasured() throws {
    let range = ValueRange(of: [nil, 2, .nan, -1, 0.5, .infinity, 0])
    #expect(range.low == -1 && range.high == 2)
    #expect(range.lowPositive == 0.5 && range.highPositive == 2)
    let linear = try #require(range.ends(log: false))
    #expect(linear.low == -1 && linear.high == 2)
    let log = try #require(range.ends(log: true))
    #expect(log.low == Elementary.log10(0.5) && log.high == Elementary.log10(2))
    #expect(ValueRange(of: [nil, .nan]).ends(log: false) == nil)
    #expect(ValueRange(of: [-3, 0]).ends(log: true) == nil)
  }

  /// The history keeps the range of the losses it keeps: as they arrive, after a rewind drops
  /// entries, and after thinning drops every other one.
  @Test func theHistoryKeepsTheRangeOfItsLosses() throws {
    var history = TrainingHistory(layers: 0, capacity: 6)
    func diagnostics(_ step: Int) -> IterationDiagnostics {
      var d = IterationDiagnostics(step: step, layers: [], batchLoss: 1)
      d.trainLoss = step == 3 ? .nan : 10 / Double(step)
      d.testLoss = step % 2 == 0 ? 0.5 * Double(step) : nil
      return d
    }
    for step in 1...5 {
      history.append(diagnostics(step))
      #expect(history.lossRange == ValueRange(of: history.trainLoss + history.testLoss))
    }
    #expect(history.lossRange.high == 10 && history.lossRange.low == 1)
    history.truncate(toStep: 2)
    #expect(history.lossRange == ValueRange(of: history.trainLoss + history.testLoss))
    #expect(history.lossRange.high == 10 && history.lossRange.low == 1)
    for step in 3...8 { history.append(diagnostics(step)) }
    #expect(history.stride == 2)
    #expect(history.lossRange == ValueRange(of: history.trainLoss + history.testLoss))
    #expect(history.lossRange.high == 5)
  }
}

extension ValueRangeTests {
  @Test func theUnionOfTwoRangesIsTheRangeOfBothSeries() {
    let a: [Double?] = [0.5, 2, nil, -1]
    let b: [Double?] = [0.01, 3, .nan]
    #expect(ValueRange(of: a).union(ValueRange(of: b)) == ValueRange(of: a + b))
    #expect(ValueRange().union(ValueRange(of: b)) == ValueRange(of: b))
  }
}
