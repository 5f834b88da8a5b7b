import Foundation
import Testing

@testable import BackstepCore

/// The model file's `training` section holds the table's model-file keys, in the table's order.
@Suite("Model-file training keys")
struct RawTrainingKeyTests {
  @Test func theSectionWritesEveryModelKeyInTableOrder() throws {
    let settings = TrainingSettings(
      optimizer: OptimizerSettings(kind: .adam, lr: 0.02), clipping: Clipping(maxNorm: 1, maxValue: 2), dropout: 0.1, batchSize: 4, seed: 7)
    let json = RawTraining(settings).json
    let keys = ["optimizer"] + Hyperparameter.all.compactMap(\.modelKey)
    let places = try keys.map { key in try #require(json.range(of: "\"\(key)\":")?.lowerBound, "\(key) is not written: \(json)") }
    #expect(places == places.sorted(), "keys out of the table's order: \(json)")
    #expect(json.filter { $0 == ":" }.count == keys.count, "a key the table does not declare: \(json)")
  }
}
