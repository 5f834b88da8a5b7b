import BackstepCore
import Testing

@Suite("Built-in data sets")
struct BuiltinDatasetTests {
  /// The sets of points in the plane; the sequence sets have their own tests.
  @Test(arguments: BuiltinDataset.allCases.filter { !$0.isSequence })
  func shapesAndRanges(_ set: BuiltinDataset) throws {
    let d = try set.generate(points: 300, noise: 10, seed: 4)
    #expect(d.count == 300)
    #expect(d.featureCount == 2)
    #expect(d.inputs.storage.allSatisfy { $0.isFinite && abs($0) <= 1.5 })
    switch set.problem {
    case .regression:
      #expect(d.targetCount == 1 && d.labels == nil)
      #expect(d.targets.storage.allSatisfy { abs($0) <= 1.2 })
    case .classification:
      let labels = try #require(d.labels)
      #expect(labels.count == 300)
      #expect(d.targetCount == (set == .spiral3 ? 3 : 1))
    }
  }

  @Test(arguments: BuiltinDataset.allCases)
  func sameSeedSameDataDifferentSeedDifferentData(_ set: BuiltinDataset) throws {
    let a = try set.generate(points: 100, noise: 20, seed: 1)
    let b = try set.generate(points: 100, noise: 20, seed: 1)
    let c = try set.generate(points: 100, noise: 20, seed: 2)
    #expect(a == b)
    #expect(a.inputs != c.inputs)
  }

  /// Sets built class by class are exactly balanced when the noise does not move labels.
  @Test(arguments: [BuiltinDataset.circle, .gauss, .spiral, .moons])
  func classesAreBalanced(_ set: BuiltinDataset) throws {
    let d = try set.generate(points: 400, noise: 0, seed: 3)
    let ones = try #require(d.labels).filter { $0 == 1 }.count
    #expect(ones == 200)
  }

  @Test func xorIsRoughlyBalancedAndThreeClassesExactly() throws {
    let xor = try BuiltinDataset.xor.generate(points: 1000, noise: 0, seed: 3)
    let ones = try #require(xor.labels).filter { $0 == 1 }.count
    #expect((400...600).contains(ones))
    let three = try BuiltinDataset.spiral3.generate(points: 300, noise: 0, seed: 3)
    for k in 0..<3 { #expect(try #require(three.labels).filter { $0 == k }.count == 100) }
    #expect(three.targets.storage.reduce(0, +) == 300)
  }

  @Test func cleanCircleFollowsTheRadiusRule() throws {
    let d = try BuiltinDataset.circle.generate(points: 200, noise: 0, seed: 9)
    for i in 0..<d.count {
      let r = (d.inputs[i, 0] * d.inputs[i, 0] + d.inputs[i, 1] * d.inputs[i, 1]).squareRoot() * 6
      #expect((r < 2.5) == (d.labels?[i] == 1))
    }
  }

  @Test func cleanXorFollowsTheQuadrantRule() throws {
    let d = try BuiltinDataset.xor.generate(points: 200, noise: 0, seed: 9)
    for i in 0..<d.count { #expect((d.inputs[i, 0] * d.inputs[i, 1] >= 0) == (d.labels?[i] == 1)) }
  }

  @Test func planeTargetsAreTheScaledSum() throws {
    let d = try BuiltinDataset.plane.generate(points: 50, noise: 0, seed: 2)
    for i in 0..<d.count { #expect(abs(d.targets[i, 0] - (d.inputs[i, 0] + d.inputs[i, 1]) * 6 / 10) < 1e-12) }
  }

  @Test(arguments: [(1, 0.0), (100, -1.0), (100, 51.0), (100, Double.nan)])
  func badOptionsThrow(_ points: Int, _ noise: Double) {
    #expect(throws: ConfigurationError.self) { try BuiltinDataset.circle.generate(points: points, noise: noise, seed: 1) }
  }
}
