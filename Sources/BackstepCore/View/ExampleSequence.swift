/// An example's input sequence as the screen plots it: one series per feature over
/// t = 1 … T, each with its own range for its axis. The input row holds `x1@1, x2@1, …, x1@T,
/// x2@T` (I features a time step), so feature i at time step t is `input[(t − 1)·I + i]`.
public struct ExampleSequence: Equatable, Sendable {
  /// `features[i][t − 1]`: feature i + 1 at time step t.
  public let features: [[Double]]
  /// The range of each feature's series.
  public let ranges: [ValueRange]

  /// The sequence of an input row `[T·I]` of `features` values a time step.
  public init(input: [Double], features count: Int) {
    let I = max(1, count)
    let T = input.count / I
    features = (0..<I).map { i in (0..<T).map { t in input[t * I + i] } }
    ranges = features.map { ValueRange(of: $0.map { Optional($0) }) }
  }
}

extension Stepper {
  /// The input sequence of the example at `position` (0-based) of the current batch; nil for a
  /// network that does not read sequences, or when ``example(_:)`` has none.
  public func exampleSequence(_ position: Int) -> ExampleSequence? {
    example(position).flatMap(exampleSequence(of:))
  }

  /// The sequence of an example already read (``example(_:)``), so a screen that shows both
  /// reads the example once; nil when the network is not recurrent.
  public func exampleSequence(of reading: ExampleReading) -> ExampleSequence? {
    network.isRecurrent ? ExampleSequence(input: reading.input, features: network.inputCount) : nil
  }
}
