import CKernels
import Foundation
import Testing

@testable import BackstepCore

/// The vector exp, tanh and sigmoid of every path this machine runs, against the C library, over
/// the whole range of doubles: they must keep the accuracy of the portable ones.
@Suite("Vector elementary functions")
struct VectorElementaryTests {
  static let paths = KernelPath.available.filter { $0 != .portable }

  /// Arguments from the smallest subnormal to beyond the overflow of exp, both signs, with the
  /// special values.
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

  /// exp within 5e−16 relative of the C library's, tanh within the 3e−15 of the portable tanh,
  /// σ within 3e−15 of σ computed with the C library's exp as the portable path does; with
  /// ±∞ and NaN as the C library gives them, and tanh returning tiny arguments as they are.
  @Test(arguments: paths)
  func functionsAgreeWithTheCLibrary(_ path: KernelPath) {
    let table: [(String, Kernel, (Double) -> Double, Double)] = [
      ("exp", bk_exp, Foundation.exp, 5e-16), ("tanh", bk_tanh, Foundation.tanh, 3e-15), ("σ", bk_sigmoid, Elementary.sigmoid, 3e-15),
    ]
    for (name, kernel, exact, tolerance) in table {
      let (excess, x) = Self.worst(Self.run(kernel, path), exact, tolerance: tolerance)
      #expect(excess <= 1, "\(name)(\(x)) on \(path)")
    }
    for (x, y) in zip(Self.arguments, Self.run(bk_tanh, path)) where x != 0 && abs(x) < 1e-300 { #expect(y == x, "tanh(\(x)) on \(path)") }
  }

  /// The activations take the vector forms on the path in effect, the portable ones otherwise.
  @Test(arguments: paths)
  func activationsUseThePathInEffect(_ path: KernelPath) {
    let z = Matrix(rows: 1, cols: Self.arguments.count, storage: Self.arguments)
    for activation in [Activation.tanh, .sigmoid] {
      var vector = Matrix(rows: 0, cols: 0), portable = Matrix(rows: 0, cols: 0)
      KernelPath.$current.withValue(path) { activation.apply(z, into: &vector) }
      KernelPath.$current.withValue(.portable) { activation.apply(z, into: &portable) }
      #expect(vector.storage.map(\.bitPattern) == Self.run(activation == .tanh ? bk_tanh : bk_sigmoid, path).map(\.bitPattern))
      for (x, y) in zip(portable.storage, vector.storage) { #expect(Self.excess(y, x, tolerance: 6e-15) <= 1, "\(activation)") }
    }
  }
}
