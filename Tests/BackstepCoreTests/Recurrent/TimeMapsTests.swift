import BackstepCore
import Testing

/// The recurrent band's maps over time, on the network of ``RecurrentHandWorkedTests`` (H = 2
/// relu units, T = 3, one sequence), whose values are worked out there by hand:
///
///     h₁ = [1.5, 0.5], h₂ = [3.375, 0], h₃ = [1.1875, 2.5]
///     δ₃ = [−4.8125, 9.625], δ₂ = [−2.40625, 0], δ₁ = [−1.203125, −0.6015625]
///     dL/dh₃ = [−4.8125, 9.625], δ₃·W_hh = [−2.40625, 3.609375], relu′(z₂) = [1, 0]
@Suite("A recurrent layer's values over time")
struct TimeMapsTests {
  static let h: [[Double]] = [[1.5, 0.5], [3.375, 0], [1.1875, 2.5]]
  static let delta: [[Double]] = [[-1.203125, -0.6015625], [-2.40625, 0], [-4.8125, 9.625]]

  static func stepper(after stages: Int) throws -> Stepper {
    var s = try RecurrentHandWorkedTests.stepper()
    for _ in 0..<stages { s.advance() }
    return s
  }

  /// Column t − 1 of a map, unit by unit.
  static func column(_ m: Matrix, _ t: Int) -> [Double] { (0..<m.rows).map { m[$0, t - 1] } }

  @Test func hFillsInOneColumnPerForwardStep() throws {
    let maps = try #require(try Self.stepper(after: 2).timeMaps(layer: 1, example: 0))
    #expect(maps.units == 2 && maps.steps == 3 && maps.current == 2)
    #expect(Self.column(maps.h, 1) == Self.h[0] && Self.column(maps.h, 2) == Self.h[1])
    #expect(maps.isPresent(.a, t: 2) && !maps.isPresent(.a, t: 3))
    #expect(Self.column(maps.h, 3) == [0, 0], "not yet run: empty, not h₃")
    #expect(!(1...3).contains { maps.isPresent(.delta, t: $0) })
    // The scale covers the steps run: h₂'s 3.375, not the hidden h₃.
    #expect(maps.scale(of: .a).largest == 3.375)
    #expect(try #require(try Self.stepper(after: 1).timeMaps(layer: 1, example: 0)).scale(of: .a).largest == 1.5)
  }

  @Test func deltaFillsInFromTheRight() throws {
    // F1·t1…t3, F2, loss, B2, B1·t3.
    let third = try #require(try Self.stepper(after: 7).timeMaps(layer: 1, example: 0))
    #expect(third.current == 3)
    #expect(Self.column(third.delta, 3) == Self.delta[2] && third.isPresent(.delta, t: 3) && !third.isPresent(.delta, t: 2))
    #expect(third.scale(of: .delta).largest == 9.625)
    #expect(Self.column(third.fPrime, 3) == [1, 1])
    let second = try #require(try Self.stepper(after: 8).timeMaps(layer: 1, example: 0))
    #expect(Self.column(second.delta, 2) == Self.delta[1] && Self.column(second.fPrime, 2) == [1, 0])
    #expect(second.isPresent(.delta, t: 2) && !second.isPresent(.delta, t: 1))
    let whole = try #require(try Self.stepper(after: 9).timeMaps(layer: 1, example: 0))
    #expect((1...3).allSatisfy { Self.column(whole.delta, $0) == Self.delta[$0 - 1] })
  }

  @Test func aNewIterationStartsWithEmptyColumns() throws {
    var s = try Self.stepper(after: 0)
    s.finishIteration()
    s.advance()
    let maps = try #require(s.timeMaps(layer: 1, example: 0))
    #expect(maps.isPresent(.a, t: 1) && !maps.isPresent(.a, t: 2))
    #expect(!(1...3).contains { maps.isPresent(.delta, t: $0) }, "the last iteration's δ is not shown")
    #expect(maps.scale(of: .delta) == MapScale())
  }

  @Test func eachBackwardStepKeepsItsNorm() throws {
    let s = try Self.stepper(after: 8)
    let norms = try #require(s.record.layers[0].recurrent?.measuredNorms)
    let expected = Self.delta.map { $0.reduce(0) { $0 + $1 * $1 }.squareRoot() }
    #expect(norms == [nil, expected[1], expected[2]])
    #expect(s.gradientThroughTime?.norms == norms)
    let whole = try Self.stepper(after: 9)
    #expect(whole.record.layers[0].recurrent?.measuredNorms == whole.record.layers[0].recurrent?.deltaNorms.map { Optional($0) })
  }

  @Test func aDeltaEntryIsWhatReachesHTimesFPrime() throws {
    var s = try Self.stepper(after: 8)
    let fromAbove = try #require(s.timeStepDelta(layer: 1, example: 0, unit: 1, t: 3))
    #expect(fromAbove.fromAbove && fromAbove.incoming == 9.625 && fromAbove.fPrime == 1 && fromAbove.value == 9.625)
    let back = try #require(s.timeStepDelta(layer: 1, example: 0, unit: 0, t: 2))
    #expect(!back.fromAbove && back.incoming == -2.40625 && back.fPrime == 1 && back.value == Self.delta[1][0])
    let dead = try #require(s.timeStepDelta(layer: 1, example: 0, unit: 1, t: 2))
    #expect(dead.incoming == 3.609375 && dead.fPrime == 0 && dead.value == 0)
    #expect(s.timeStepDelta(layer: 1, example: 0, unit: 0, t: 1) == nil, "B1·t1 has not run")
    #expect(s.timeStepDelta(layer: 2, example: 0, unit: 0, t: 1) == nil)
    // After the update W_hh has moved; the parts are still those the stage used.
    s.advance()
    s.advance()
    #expect(s.lastStage == .update)
    #expect(s.timeStepDelta(layer: 1, example: 0, unit: 0, t: 2)?.incoming == -2.40625)
  }

  @Test func aLongSequenceShowsAWindowAroundTheCurrentStep() {
    #expect(TimeMaps.window(columns: 5, steps: 3, current: 2) == 1...3)
    #expect(TimeMaps.window(columns: 30, steps: 100, current: 50) == 35...64)
    #expect(TimeMaps.window(columns: 30, steps: 100, current: 1) == 1...30)
    #expect(TimeMaps.window(columns: 30, steps: 100, current: 100) == 71...100)
    #expect(TimeMaps.window(columns: 30, steps: 100, current: nil) == 1...30)
    #expect(TimeMaps.window(columns: 0, steps: 4, current: 3) == 3...3)
  }

  @Test func onlyARecurrentLayerHasMapsOverTime() throws {
    let s = try Self.stepper(after: 2)
    #expect(s.timeMaps(layer: 2, example: 0) == nil)
    #expect(s.timeMaps(layer: 1, example: 1) == nil, "one sequence in the batch")
    #expect(try Self.stepper(after: 0).timeMaps(layer: 1, example: 0) == nil)
  }
}
