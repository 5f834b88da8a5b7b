import BackstepCore
import TermGrid

/// The breakpoint overlay's rows, read from the stepper's list: each breakpoint with its number
/// (the key that switches it), whether it is on and how often it held, the selected one marked;
/// then the verdict's thresholds that `vanishing` and `exploding` use.
enum BreakpointList {
  static func title(unicode: Bool) -> String {
    "breakpoints  (1-9 or \(unicode ? "↑↓" : "up/down") and space switch, Esc closes)"
  }

  static func sections(_ state: AppState, context: RenderContext) -> [(title: String, rows: [(String, String)])] {
    let entries = state.stepper.breakpoints.entries
    let width = entries.map(\.condition.description.count).max() ?? 0
    var rows = entries.enumerated().map { i, e in
      let mark = i == state.breakpointSelection ? String(context.glyphs.arrowRight) : " "
      let hits = e.hits == 1 ? "1 hit" : "\(e.hits) hits"
      return ("\(mark) \(i + 1)", "\(e.enabled ? "on " : "off") \(Text.pad(e.condition.description, width))  \(hits)")
    }
    if rows.isEmpty { rows = [("", "none; :break exploding,plateau adds some")] }
    let t = state.stepper.thresholds
    let verdict = [
      ("", "vanishing: ‖dW‖ < \(Format.short(t.vanishingNorm)) or ratio to the output layer < \(Format.short(t.vanishingRatio))"),
      ("", "exploding: ‖dW‖ > \(Format.short(t.explodingNorm)) or ratio to the output layer > \(Format.short(t.explodingRatio))"),
    ]
    return [("Stop at (:break LIST, :break off)", rows), ("The verdict (:vanishing-norm, :exploding-ratio, …)", verdict)]
  }
}
