/// The one way drawing code turns a Double into an Int.
///
/// `Int(_: Double)` traps on NaN, on ±∞ and on anything beyond ±9.2e18, and a diverged
/// network produces all of those. Every column, row, glyph index and percentage the screen
/// computes from a value goes through here instead, so that no value can stop the program.
public enum Clamp {
  /// `value` truncated toward zero, as `Int(value)` would, then held inside `range`:
  /// −∞ and anything below the range give its lower bound, +∞ and anything above it the upper
  /// bound, and NaN gives `nan` (the lower bound when not given; held inside the range too).
  public static func int(_ value: Double, in range: ClosedRange<Int> = Int.min...Int.max, nan: Int? = nil) -> Int {
    guard !value.isNaN else { return min(max(nan ?? range.lowerBound, range.lowerBound), range.upperBound) }
    if value <= Double(range.lowerBound) { return range.lowerBound }
    if value >= Double(range.upperBound) { return range.upperBound }
    return min(max(Int(value), range.lowerBound), range.upperBound)
  }

  /// The position of `fraction` ∈ [0, 1] among `count` slots (a glyph ramp, a row of dots):
  /// slot `round(fraction · (count − 1))`, with NaN at slot 0 and anything outside [0, 1] at
  /// the nearest end. `count` must be at least 1.
  public static func slot(_ fraction: Double, count: Int) -> Int {
    int(fraction * Double(max(count, 1) - 1) + 0.5, in: 0...(max(count, 1) - 1))
  }
}
