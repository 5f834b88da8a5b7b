import BackstepCore
import Testing

@Suite("Sequence data")
struct SequenceDataTests {
  @Test(arguments: [BuiltinDataset.adding, .parity, .sine])
  func builtInSetsAreDrawnFromTheSeed(_ set: BuiltinDataset) throws {
    let a = try set.generate(points: 50, noise: 10, steps: 7, seed: 3)
    let b = try set.generate(points: 50, noise: 10, steps: 7, seed: 3)
    let c = try set.generate(points: 50, noise: 10, steps: 7, seed: 4)
    #expect(a == b)
    #expect(a.inputs != c.inputs)
    #expect(a.steps == 7 && a.count == 50)
    #expect(a.featuresPerStep == (set == .adding ? 2 : 1))
    #expect(a.featureNames.first == (set == .adding ? "x1@1" : "x@1"))
    #expect(a.problem == (set == .parity ? .classification : .regression))
  }

  @Test func addingSumsTheTwoMarkedValues() throws {
    let d = try BuiltinDataset.adding.generate(points: 30, noise: 0, steps: 6, seed: 9)
    for i in 0..<d.count {
      let marked = (0..<6).filter { d.inputs[i, 2 * $0 + 1] == 1 }
      #expect(marked.count == 2)
      #expect(d.targets[i, 0] == marked.reduce(0) { $0 + d.inputs[i, 2 * $1] })
    }
    #expect(throws: ConfigurationError.self) { try BuiltinDataset.adding.generate(points: 30, noise: 0, steps: 1, seed: 9) }
  }

  @Test func parityIsTheParityOfTheBits() throws {
    let d = try BuiltinDataset.parity.generate(points: 40, noise: 0, steps: 5, seed: 2)
    for i in 0..<d.count {
      let ones = (0..<5).filter { d.inputs[i, $0] == 1 }.count
      #expect(d.labels?[i] == ones % 2)
    }
  }

  @Test func csvColumnsNamedByTimeStepMakeSequences() throws {
    let d = try CSVDataLoader.parse(text: "a@1,b@1,a@2,b@2,y\n1,2,3,4,0.5\n5,6,7,8,1.5\n", path: "s.csv")
    #expect(d.steps == 2 && d.featuresPerStep == 2)
    #expect(d.inputs.row(1) == [5, 6, 7, 8])
    let one = try CSVDataLoader.parse(text: "x@1,x@2,x@3,y\n1,2,3,0\n", path: "s.csv")
    #expect(one.steps == 3 && one.featuresPerStep == 1)
    #expect(try CSVDataLoader.parse(text: "x1,x2,y\n1,2,0\n", path: "p.csv").steps == nil)
    // An @ that is not followed by a step number is part of a plain column's name.
    let plain = try CSVDataLoader.parse(text: "price@usd,user@host,y\n1,2,0\n", path: "p.csv")
    #expect(plain.steps == nil && plain.inputs.cols == 2)
  }

  @Test(arguments: [
    ("x@1,x@3,y", 2, "x@3", "time step 2 is missing"),
    ("x@2,x@1,y", 1, "x@2", "time step 1 is missing"),
    ("a@1,a@2,b@1,y", 3, "b@1", "out of order"),
    ("a@1,b@1,a@2,y", 3, "a@2", "lacks b@2"),
    ("a@1,b@1,b@2,a@2,y", 3, "b@2", "other features than step 1"),
    ("x@1,x,y", 2, "x", "no time step"),
  ])
  func eachProblemOfTheColumnsIsNamedWhereItIs(_ header: String, _ column: Int, _ name: String, _ words: String) throws {
    let fields = header.split(separator: ",").count
    let row = Array(repeating: "1", count: fields).joined(separator: ",")
    let error = try #require(throws: DataError.self) { try CSVDataLoader.parse(text: header + "\n" + row + "\n", path: "s.csv") }
    #expect(error.line == 1 && error.column == column && error.columnName == name, "\(error)")
    #expect(error.message.contains(words), "\(error)")
  }
}
