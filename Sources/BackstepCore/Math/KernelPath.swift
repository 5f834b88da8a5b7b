import CKernels

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which build of the training kernels runs: the plain Swift loops (`portable`), or the C
/// kernels compiled for one vector width (`sse2` and `neon` are the baselines of x86-64 and
/// arm64, `avx2` is AVX2 with FMA, `avx512` AVX-512). The binary holds them all; the processor
/// decides which can run.
///
/// The path in effect is ``current``: the best the processor offers, or the one
/// `BACKSTEP_KERNELS` names. Tests bind another for a stretch of code with
/// `KernelPath.$current.withValue(.portable) { … }`, which touches no other task.
public enum KernelPath: String, CaseIterable, Sendable {
  case portable, sse2, avx2, avx512, neon

  /// The environment variable that forces a path.
  public static let variable = "BACKSTEP_KERNELS"

  var c: bk_path {
    switch self {
    case .portable: BK_PORTABLE
    case .sse2: BK_SSE2
    case .avx2: BK_AVX2
    case .avx512: BK_AVX512
    case .neon: BK_NEON
    }
  }

  /// Whether the path adds with fused multiply-adds and sums over the examples in lanes (see
  /// ``Summation``): AVX2 and AVX-512. The others give the portable bits.
  public var isFused: Bool { bk_fused(c) != 0 }

  /// Whether this binary has the path and this processor (and its operating system) runs it.
  public var isAvailable: Bool { bk_available(c) != 0 }

  /// The paths this machine can run, portable first.
  public static var available: [KernelPath] { allCases.filter(\.isAvailable) }

  /// The widest path the processor offers.
  public static let best: KernelPath = [.avx512, .avx2, .neon, .sse2].first(where: \.isAvailable) ?? .portable

  /// The path chosen at start-up from `BACKSTEP_KERNELS`, read once.
  public static let selection = KernelSelection(requested: getenv(variable).map { String(cString: $0) })

  /// The path the kernels run.
  @TaskLocal public static var current: KernelPath = selection.path
}

/// The kernel path asked for and the one that runs. A name that is not a path, or a path the
/// machine cannot run, falls back to the best path and says so in ``problem``; the program
/// refuses to start on it (see README), a library user may read it or not.
public struct KernelSelection: Sendable, Equatable {
  /// The value of `BACKSTEP_KERNELS`, nil when unset or empty.
  public let requested: String?
  public let path: KernelPath
  /// Why the requested path does not run, when it does not.
  public let problem: String?

  public init(requested: String?) {
    let name = requested.flatMap { $0.isEmpty ? nil : $0.lowercased() }
    self.requested = name
    let offered = KernelPath.available.map(\.rawValue).joined(separator: ", ")
    guard let name else {
      (path, problem) = (KernelPath.best, nil)
      return
    }
    guard let asked = KernelPath(rawValue: name) else {
      let all = KernelPath.allCases.map(\.rawValue).joined(separator: ", ")
      (path, problem) = (KernelPath.best, "\(KernelPath.variable)=\(name) is not a kernel path; the paths are \(all) (this machine runs \(offered))")
      return
    }
    guard asked.isAvailable else {
      (path, problem) = (KernelPath.best, "\(KernelPath.variable)=\(name): this machine cannot run the \(name) kernels; it runs \(offered)")
      return
    }
    (path, problem) = (asked, nil)
  }

  /// How the path was chosen, for `backstep bench`: "avx2 (the processor's best)" or "portable (BACKSTEP_KERNELS)".
  public var description: String {
    requested != nil && problem == nil ? "\(path.rawValue) (\(KernelPath.variable))" : "\(path.rawValue) (the processor's best)"
  }
}
