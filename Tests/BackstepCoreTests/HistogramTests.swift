import BackstepCore
import Testing

@Suite("Histograms")
struct HistogramTests {
  @Test func countsAddUpToTheValuesWithNonFiniteApart() {
    let values = [-2, -1.5, -0.01, 0, 0.01, 1, 2, .nan, .infinity, -.infinity, .nan]
    let h = Histogram(of: values, scale: MapScale(of: values), bins: 4)
    #expect(h.range == -2...2)
    // Bins [-2,-1), [-1,0), [0,1), [1,2]: the top value falls in the last, closed bin.
    #expect(h.counts == [2, 1, 2, 2])
    #expect(h.nan == 2 && h.positiveInfinity == 1 && h.negativeInfinity == 1)
    #expect(h.total == values.count)
    #expect(h.largestCount == 2)
  }

  @Test func aNonNegativeMapIsBinnedFromZero() {
    let values = (0..<100).map { Double($0) / 33 }
    let h = Histogram(of: values, scale: MapScale(of: values), nonNegative: true, bins: 3)
    #expect(h.range.lowerBound == 0 && h.range.upperBound == 99.0 / 33)
    #expect(h.counts == [33, 33, 34])
    #expect(h.total == 100 && h.nonFinite == 0)
  }

  @Test func everyLayersValuesAreCountedOnce() throws {
    var s = try StepperTests.make(hidden: [6, 5], activation: .relu)
    s.finishIteration()
    for subject in LayerHistograms.Subject.allCases {
      let histograms = LayerHistograms(s, subject: subject)
      #expect(histograms.layers.count == s.network.depth)
      for entry in histograms.layers {
        let expected: Int
        switch subject {
        case .weights: expected = s.network.values(of: ParameterKey(layer: entry.layer, name: .weights)).count
        case .gradients: expected = s.record.layers[entry.layer - 1].dW.count
        case .activations: expected = s.record.layers[entry.layer - 1].a.count
        }
        #expect(entry.histogram.total == expected && entry.rows * entry.columns == expected, "\(subject) L\(entry.layer)")
      }
    }
    // relu's a cannot be negative; its axis starts at 0.
    #expect(LayerHistograms(s, subject: .activations).layers[0].histogram.range.lowerBound == 0)
    #expect(LayerHistograms(s, subject: .weights).layers[0].histogram.range.lowerBound < 0)
  }
}
