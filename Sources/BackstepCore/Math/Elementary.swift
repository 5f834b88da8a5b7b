#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scalar functions the engine needs, written once so that every place computes them the same way.
public enum Elementary {
  /// The logistic function, stable for large |z|: 1 / (1 + e^−z).
  @inline(__always)
  public static func sigmoid(_ z: Double) -> Double {
    if z >= 0 {
      return 1 / (1 + exp(-z))
    }
    let e = exp(z)
    return e / (1 + e)
  }

  /// log(1 + e^z) without overflow: max(z, 0) + log1p(e^−|z|).
  @inline(__always)
  public static func softplus(_ z: Double) -> Double {
    max(z, 0) + log1p(exp(-abs(z)))
  }

  /// The hyperbolic tangent, about three times faster than the C library's, and within
  /// 3e−15 relative of it everywhere (a handful of ulps; far inside the 1e−9 to which traces
  /// are compared with other tools).
  ///
  /// For |x| < 1/16 a Taylor polynomial through x¹¹ (remainder below 1e−17 relative); beyond,
  /// 1 − 2/(e^{2|x|} + 1), where the rounding of e^{2|x|} costs at most four bits near 1/16.
  /// The C library's tanh spends most of its time in expm1; exp is much cheaper, and training
  /// a tanh network spends a third of its time here.
  @inline(__always)
  public static func tanh(_ x: Double) -> Double {
    let ax = abs(x)
    if ax < 0.0625 {
      let x2 = x * x
      // x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 − 1382x¹¹/155925
      let p = -1382.0 / 155925.0
      let q = ((((p * x2 + 62.0 / 2835.0) * x2 - 17.0 / 315.0) * x2 + 2.0 / 15.0) * x2 - 1.0 / 3.0) * x2
      return x + x * q
    }
    let t = 1 - 2 / (exp(2 * ax) + 1)
    return x < 0 ? -t : t
  }

  @inline(__always)
  public static func exp(_ z: Double) -> Double {
    #if canImport(Glibc)
      Glibc.exp(z)
    #else
      Darwin.exp(z)
    #endif
  }

  @inline(__always)
  public static func log(_ z: Double) -> Double {
    #if canImport(Glibc)
      Glibc.log(z)
    #else
      Darwin.log(z)
    #endif
  }

  /// sign(x) with sign(0) = 0, as the L1 subgradient convention requires.
  @inline(__always)
  public static func sign(_ x: Double) -> Double {
    x > 0 ? 1 : (x < 0 ? -1 : 0)
  }
}
