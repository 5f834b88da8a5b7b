/// The breakpoints of a run, in the order they were given, each switchable on and off and
/// counting its hits. A new run watches for ``standard``: a NaN or ∞ stops run mode, as it
/// always has.
public struct Breakpoints: Equatable, Sendable {
  public struct Entry: Equatable, Sendable {
    public var condition: BreakCondition
    /// A switched-off breakpoint is not checked and counts no hits.
    public var enabled = true
    /// Stages after which the condition held.
    public var hits = 0
  }

  public var entries: [Entry]

  public init(_ conditions: [BreakCondition] = []) {
    entries = conditions.map { Entry(condition: $0) }
  }

  /// What a run watches for when nothing else is asked: the first NaN or ∞.
  public static let standard = Breakpoints([.nan])

  /// The conditions a run watches for, from the list it was given (`--break-on`, `break-on:`,
  /// `:break`): `nan` first, always, unless the list names it itself or is empty (`off`) — a run
  /// told to stop on an exploding gradient should not then run on through the NaN it leads to.
  public static func watched(_ given: [BreakCondition]?) -> [BreakCondition] {
    guard let given else { return standard.conditions }
    return given.isEmpty || given.contains(.nan) ? given : [.nan] + given
  }

  public var isEmpty: Bool { entries.isEmpty }
  public var conditions: [BreakCondition] { entries.map(\.condition) }

  /// The list as `--break-on` reads it back, "off" when empty.
  public var text: String { entries.isEmpty ? "off" : conditions.map(\.description).joined(separator: ",") }

  /// Switches breakpoint i (0-based) on or off; false when there is none.
  @discardableResult
  public mutating func toggle(_ i: Int) -> Bool {
    guard entries.indices.contains(i) else { return false }
    entries[i].enabled.toggle()
    return true
  }

  /// Adds conditions not yet in the list, switched on; those already there are switched on again.
  public mutating func add(_ conditions: [BreakCondition]) {
    for c in conditions {
      if let i = entries.firstIndex(where: { $0.condition == c }) {
        entries[i].enabled = true
      } else {
        entries.append(Entry(condition: c))
      }
    }
  }
}

extension Stepper {
  /// Keeps what `old` says of the breakpoints this stepper shares with it (switched off, hit
  /// counts): a run rebuilt by a live change watches as before.
  public mutating func keepSwitches(of old: Breakpoints) {
    for i in breakpoints.entries.indices {
      if let kept = old.entries.first(where: { $0.condition == breakpoints.entries[i].condition }) { breakpoints.entries[i] = kept }
    }
  }
}
