import CKernels
import Foundation
import Testing

@testable import BackstepCore

/// The vector tanh of every path this machine runs, against the C library over the whole range of
/// doubles: it must keep the accuracy of the portable one, and give its bits.
@Suite("Vector elementary functions")
struct VectorElementaryTests {
  static let paths = KernelPath.available.filter { $0 != .portable }

  /// Arguments from the smallest subnormal to beyond 1e5, both signs, with the special values.
  static let arguments: [Double] = {
    var xs: [Double] = [
      0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
      .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 709.78, 709.79, -745.13, -745.14, -708.5, -720, 1e300, -1e300,
    ]
    var x = Double.leastNonzeroMagnitude
    while x < 1e5 {
      xs += [x, -x, x * 1.37, -x * 0.71]
      x = max(x * 1.07, x.nextUp.nextUp)  // among the subnormals, 7 % is less than one step
    }
    var y = -760.0
    while y < 720 {
      xs.append(y)
      y += 0.0371
    }
    return xs
  }()

  /// How far `ours` is from `exact`, in units of tolerance: relative for normal results, and
  /// one subnormal spacing besides for results that underflow into subnormals.
  static func excess(_ ours: Double, _ exact: Double, tolerance: Double) -> Double {
    if exact.isNaN { return ours.isNaN ? 0 : .infinity }
    if exact.isInfinite { return ours == exact ? 0 : .infinity }
    return abs(ours - exact) / (tolerance * abs(exact) + Double.leastNonzeroMagnitude)
  }

  typealias Kernel = (bk_path, UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void

  static func run(_ kernel: Kernel, _ path: KernelPath) -> [Double] {
    var out = [Double](repeating: 0, count: arguments.count)
    arguments.withUnsafeBufferPointer { xp in
      out.withUnsafeMutableBufferPointer { yp in kernel(path.c, xp.baseAddress, yp.baseAddress, xp.count) }
    }
    return out
  }

  /// The worst excess over all arguments, with the argument where it happened.
  static func worst(_ ours: [Double], _ exact: (Double) -> Double, tolerance: Double) -> (Double, Double) {
    zip(arguments, ours).map { x, y in (excess(y, exact(x), tolerance: tolerance), x) }.max { $0.0 < $1.0 } ?? (0, 0)
  }

  /// tanh within the 3e−15 of the portable tanh against the C library, with tanh(±∞) = ±1,
  /// tanh(NaN) = NaN and tiny arguments returned as they are.
  @Test(arguments: paths)
  func tanhAgreesWithTheCLibrary(_ path: KernelPath) {
    let ours = Self.run(bk_tanh, path)
    let (excess, x) = Self.worst(ours, Foundation.tanh, tolerance: 3e-15)
    #expect(excess <= 1, "tanh(\(x)) on \(path)")
    for (x, y) in zip(Self.arguments, ours) where x != 0 && abs(x) < 1e-300 { #expect(y == x, "tanh(\(x)) on \(path)") }
  }

  /// f over the arguments as a layer applies it on `path` and on the portable path, as bits.
  static func applied(_ f: Activation, on path: KernelPath) -> (vector: [UInt64], portable: [UInt64]) {
    let z = Matrix(rows: 1, cols: arguments.count, storage: arguments)
    var vector = Matrix(rows: 0, cols: 0), portable = Matrix(rows: 0, cols: 0)
    KernelPath.$current.withValue(path) { f.apply(z, into: &vector) }
    KernelPath.$current.withValue(.portable) { f.apply(z, into: &portable) }
    return (vector.storage.map(\.bitPattern), portable.storage.map(\.bitPattern))
  }

  /// tanh takes its vector form on the path in effect, and gives the portable bits.
  @Test(arguments: paths)
  func tanhUsesThePathInEffect(_ path: KernelPath) {
    let (vector, portable) = Self.applied(.tanh, on: path)
    #expect(vector == Self.run(bk_tanh, path).map(\.bitPattern))
    #expect(vector == portable)
  }

  /// The vector sigmoid of a fused path within 1e−15 of the portable one, which calls the C
  /// library's exp: σ(±∞) = 1 and 0, σ(NaN) = NaN, the subnormal tail within a subnormal step.
  @Test(arguments: paths.filter(\.isFused))
  func sigmoidAgreesWithTheCLibrary(_ path: KernelPath) {
    let ours = Self.run(bk_sigmoid, path)
    let (excess, x) = Self.worst(ours, Elementary.sigmoid, tolerance: 1e-15)
    #expect(excess <= 1, "σ(\(x)) on \(path)")
  }

  /// The sigmoid takes the vector form on a fused path only; the baselines give the portable bits.
  @Test(arguments: paths)
  func sigmoidUsesItsVectorFormOnAFusedPath(_ path: KernelPath) {
    let (vector, portable) = Self.applied(.sigmoid, on: path)
    #expect(vector == (path.isFused ? Self.run(bk_sigmoid, path).map(\.bitPattern) : portable))
  }
}
