import CKernels

/// How a kernel path adds the terms of one sum, so that a sum written out term by term (the
/// inspector's ``TermSum``) comes to the bits the kernels computed.
///
/// The portable path and the baselines (SSE2, NEON) add in order and round every product
/// before its sum. The fused paths (AVX2 with FMA, AVX-512) add each product with one rounding,
/// and sum a dense layer's db, and its dW when it has at most 1,024 weights, over the examples
/// in eight lanes that are added once at the end: the order of the blocked dense step, whose
/// lanes are eight examples side by side (docs/performance.md). Both give the portable numbers
/// to about 1e-15 relative.
public enum Summation: Equatable, Sendable {
  /// start + t₀ + t₁ + …, each term rounded before it is added.
  case inOrder
  /// start + t₀ + t₁ + …, each two-factor product added with one rounding (a fused multiply-add).
  case fused
  /// Lane j (0 ≤ j < 8) sums the terms j, j + 8, … as ``fused`` does, from 0; the total is
  /// start + ((s₀ + s₁) + (s₂ + s₃)) + ((s₄ + s₅) + (s₆ + s₇)).
  case lanes

  /// The number of lanes of ``lanes``.
  public static let laneCount = Int(BK_LANES)

  /// The most weights a layer may have for a fused path to sum its dW in lanes.
  public static let laneWeights = Int(BK_LANE_WEIGHTS)

  /// How `path` sums a product over inputs or units: z of a dense layer, and dL/da from the layer above.
  public static func products(on path: KernelPath) -> Summation { path.isFused ? .fused : .inOrder }

  /// How `path` sums a dense layer's dW (`weights`: the layer's count of them) or, with nil, its db over the examples.
  public static func examples(on path: KernelPath, weights: Int? = nil) -> Summation {
    guard path.isFused else { return .inOrder }
    return weights.map { $0 <= laneWeights } ?? true ? .lanes : .fused
  }

  /// start plus `terms`, each given as its factors (one or two) and its rounded value, added this way.
  func total(start: Double, _ terms: [(factors: [Double], value: Double)]) -> Double {
    switch self {
    case .inOrder:
      return terms.reduce(start) { $0 + $1.value }
    case .fused:
      return terms.reduce(start) { Self.add($1, to: $0) }
    case .lanes:
      var lanes = Array(repeating: 0.0, count: Self.laneCount)
      for (i, term) in terms.enumerated() { lanes[i % Self.laneCount] = Self.add(term, to: lanes[i % Self.laneCount]) }
      return start + (((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7])))
    }
  }

  /// s + x·y with one rounding for a product of two factors; s + the term's value otherwise.
  private static func add(_ term: (factors: [Double], value: Double), to s: Double) -> Double {
    term.factors.count == 2 ? s.addingProduct(term.factors[0], term.factors[1]) : s + term.value
  }
}
