import Testing

@testable import BackstepCore

/// Whether a map's colours run from zero or centre on zero is decided by what its values can
/// be (the activation's range, σ² ≥ 0), declared once in the core, never by the values.
@Suite("Colour spans")
struct ColourSpanTests {
  /// Every activation's values lie in the range it declares, tails included.
  @Test(arguments: Activation.hidden)
  func anActivationStaysInItsRange(_ f: Activation) {
    let range = f.range
    for i in -400...400 {
      let z = Double(i) / 10
      #expect(range.contains(f.value(z)), "\(f.rawValue)(\(z)) = \(f.value(z)) is outside \(range)")
    }
  }

  @Test func theOutputsThatCannotBeNegativeAreTheOnesWhoseRangeStartsAtZero() {
    let nonNegative = Activation.allCases.filter(\.cannotBeNegative)
    #expect(Set(nonNegative) == [.sigmoid, .relu, .softplus, .softmax])
    for f in Activation.allCases where !f.cannotBeNegative {
      #expect((-50...50).contains { f.value(Double($0) / 5) < 0 }, "\(f.rawValue) is said to go below zero but never does")
    }
  }

  /// A sigmoid layer whose outputs all lie near 0.5 runs 0…1, so 0.5 is half way.
  @Test func aBoundedRangeSetsTheTopWhateverTheValues() {
    let span = ColourSpan(MapScale(of: [0.49, 0.5, 0.52]), within: ShownMap.a.range(activation: .sigmoid))
    #expect(span == ColourSpan(fromZero: true, top: 1, isRange: true))
    let tanh = ColourSpan(MapScale(of: [0.1, -0.2]), within: ShownMap.a.range(activation: .tanh))
    #expect(tanh == ColourSpan(fromZero: false, top: 1, isRange: true))
  }

  @Test func anUnboundedRangeTakesTheMapsLimit() {
    let relu = ColourSpan(MapScale(of: [0, 3.5, 1]), within: ShownMap.a.range(activation: .relu))
    #expect(relu == ColourSpan(fromZero: true, top: 3.5))
    let variance = ColourSpan(MapScale(of: [0.2, 0.7]), within: ShownMap.variance.range())
    #expect(variance == ColourSpan(fromZero: true, top: 0.7))
    for map in [ShownMap.z, .delta, .dW, .weights, .xhat, .mean] {
      #expect(ColourSpan(MapScale(of: [-2, 1]), within: map.range(activation: .relu)) == ColourSpan(fromZero: false, top: 2), "\(map)")
    }
    #expect(ShownMap.a.range() == nil)
  }
}
