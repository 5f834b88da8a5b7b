import BackstepCore

/// Breakpoints at the prompt and in their overlay: `:break LIST`, `:break off`, the verdict's
/// thresholds, and switching one breakpoint on or off.
extension AppState {
  /// Applies the configuration's breakpoints and thresholds to the running stepper: nothing is
  /// rebuilt and training goes on from where it is. A refused change leaves both as they were.
  mutating func rewatch(message note: String) {
    do {
      let listChanged = try applyToBoth { try $0.rewatch() }.result
      let list = stepper.breakpoints
      message = !listChanged ? note : list.isEmpty ? "no breakpoints" : "breakpoints: \(list.text)"
    } catch {
      message = "cannot: \(error)"
    }
  }

  /// Switches breakpoint i (0-based) of the overlay's list on or off, and in a comparison the
  /// same condition in B, whose list differs when the comparison changes `break-on`.
  mutating func toggleBreakpoint(_ i: Int) {
    guard session.stepper.breakpoints.toggle(i) else { return }
    let entry = stepper.breakpoints.entries[i]
    if let j = other?.stepper.breakpoints.entries.firstIndex(where: { $0.condition == entry.condition }),
      other?.stepper.breakpoints.entries[j].enabled != entry.enabled
    {
      other?.stepper.breakpoints.toggle(j)
    }
    message = "\(entry.condition) \(entry.enabled ? "on" : "off")"
  }

  /// The breakpoint a key names in the overlay: 1 … 9 for the first nine.
  static func breakpointIndex(_ key: Character) -> Int? {
    key.wholeNumberValue.flatMap { (1...9).contains($0) ? $0 - 1 : nil }
  }
}
