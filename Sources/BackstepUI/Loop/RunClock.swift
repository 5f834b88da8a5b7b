import Dispatch

/// Where the run loop reads the time: seconds on a monotonic clock. The loop never sleeps on
/// its own; it waits only in ``TermGrid/Terminal/readKey(timeout:)``, so a clock whose time
/// moves only when a test says (and a terminal that moves it while "waiting") runs the loop's
/// pacing in virtual time.
public protocol RunClock: AnyObject {
  /// Seconds since some fixed moment; never goes back.
  func now() -> Double
}

/// The system's monotonic clock: seconds since boot.
public final class SystemClock: RunClock {
  public init() {}

  public func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
