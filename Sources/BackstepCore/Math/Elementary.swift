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

  /// The hyperbolic tangent.
  @inline(__always)
  public static func tanh(_ z: Double) -> Double {
    #if canImport(Glibc)
      Glibc.tanh(z)
    #else
      Darwin.tanh(z)
    #endif
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
