import Testing

@testable import BackstepCore

@Suite("Output surface")
struct OutputSurfaceTests {
  static func network(seed: UInt64 = 3) throws -> Network {
    try Network(
      inputs: 2, specs: [LayerSpec(units: 5, activation: .tanh), LayerSpec(units: 3, activation: .softmax)], loss: .ce,
      initializer: .xavierUniform, seed: seed)
  }

  @Test func eachGridPointHoldsTheNetworksOutputThere() throws {
    let network = try Self.network()
    let plane = OutputSurface.Plane(xMin: -2, xMax: 1, yMin: -0.5, yMax: 3)
    let surface = OutputSurface(network: network, plane: plane, columns: 7, rows: 4)
    #expect(surface.outputs.rows == 28 && surface.outputs.cols == 3)
    #expect(surface.outputActivation == .softmax)
    for (c, r) in [(0, 0), (6, 3), (3, 1), (5, 2)] {
      let (x, y) = surface.point(column: c, row: r)
      #expect(x == -2 + (Double(c) + 0.5) / 7 * 3)
      #expect(y == 3 - (Double(r) + 0.5) / 4 * 3.5)
      let one = network.forwardLogits(Matrix(rows: 1, cols: 2, storage: [x, y]), mode: .evaluation).a
      for k in 0..<3 { #expect(surface.outputs[r * 7 + c, k] == one[0, k]) }
    }
  }

  @Test func theCentrePixelsOfADrawingOfTheGridsSizeAreItsPoints() throws {
    let surface = OutputSurface(network: try Self.network(), plane: .init(xMin: -1, xMax: 1, yMin: -1, yMax: 1), columns: 9, rows: 5)
    for c in 0..<9 {
      for r in 0..<5 { #expect(surface.index(pixel: c, r, of: 9, 5) == r * 9 + c) }
    }
    // A drawing twice as wide takes each point twice; a smaller one the nearest point.
    #expect((0..<18).map { surface.index(pixel: $0, 0, of: 18, 5) } == (0..<9).flatMap { [$0, $0] })
    #expect(surface.index(pixel: 2, 2, of: 3, 3) == 4 * 9 + 7)
  }

  @Test func aSurfaceIsCurrentOnlyForItsNetworkPlaneAndGrid() throws {
    let network = try Self.network()
    let plane = OutputSurface.Plane(around: Matrix([[3, -4], [0.5, 0.5]])!)
    #expect(plane == .init(xMin: -1, xMax: 3, yMin: -4, yMax: 1))
    let surface = OutputSurface(network: network, plane: plane, columns: 4, rows: 4)
    #expect(surface.isCurrent(for: network, plane: plane, columns: 4, rows: 4))
    #expect(!surface.isCurrent(for: try Self.network(seed: 4), plane: plane, columns: 4, rows: 4))
    #expect(!surface.isCurrent(for: network, plane: plane, columns: 5, rows: 4))
    #expect(!surface.isCurrent(for: network, plane: .init(around: Matrix(rows: 0, cols: 2)), columns: 4, rows: 4))
  }

  /// Each grid point's class is the one the network predicts there, and its confidence says
  /// how far the output is from the boundary: 0 at the boundary, 1 at a certain output.
  @Test func eachGridPointHasThePredictedClassAndItsConfidence() throws {
    let surface = OutputSurface(network: try Self.network(), plane: .init(xMin: -3, xMax: 3, yMin: -3, yMax: 3), columns: 6, rows: 5)
    #expect(surface.classes.count == 30 && surface.confidence.count == 30)
    for i in 0..<30 {
      #expect(surface.classes[i] == Evaluation.predictedClass(surface.outputs, row: i))
      let p = surface.outputs[i, surface.classes[i]]
      #expect(abs(surface.confidence[i] - (p - 1.0 / 3) / (2.0 / 3)) < 1e-12)
    }
  }

  @Test func oneOutputIsReadByItsActivation() throws {
    let sigmoid = OutputSurface.decisions(Matrix(rows: 4, cols: 1, storage: [0.5, 0.75, 0.1, .nan]), activation: .sigmoid)
    #expect(sigmoid.classes == [1, 1, 0, 0])
    #expect(sigmoid.confidence.map { ($0 * 100).rounded() } == [0, 50, 80, 0])
    let signed = OutputSurface.decisions(Matrix(rows: 3, cols: 1, storage: [-0.25, 3, 0]), activation: .identity)
    #expect(signed.classes == [0, 1, 1])
    #expect(signed.confidence == [0.25, 1, 0])
    let ties = OutputSurface.decisions(Matrix(rows: 1, cols: 2, storage: [0.5, 0.5]), activation: .softmax)
    #expect(ties.classes == [0] && ties.confidence == [0])
  }
}
