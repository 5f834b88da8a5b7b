import BackstepCore
import TermGrid

/// What the screen draws of two compared networks beyond a table each: the header's note of
/// what is compared, both loss curves on one axis, both networks' gradient bars.
extension Screen {
  /// "A: sigmoid vs B: relu" where both tables are drawn; "A: sigmoid · t shows B: relu" where
  /// one fills the screen; nil without a comparison.
  static func comparisonNote(_ state: AppState, _ layout: ScreenLayout) -> String? {
    guard state.isComparing else { return nil }
    let shown = state.focused.label ?? state.focus.letter
    let other = state.session(state.focus.other).label ?? state.focus.other.letter
    if layout.second != nil { return (state.focus == .left ? [shown, other] : [other, shown]).joined(separator: " vs ") }
    return "\(shown) · \(KeyMap.key(for: .switchNetwork)) shows \(other)"
  }

  /// Each network's train-loss curve, tagged A and B, on the first network's steps: lockstep
  /// keeps their histories on the same steps.
  static func comparedPlot(_ sessions: [Session], range: ValueRange, logY: Bool) -> LossPlot {
    let curves = zip(NetworkTag.allCases, sessions).map { tag, session in
      LossPlot.Curve(tag: tag, label: session.label.map { Side.prefixed($0).rest } ?? "", values: session.stepper.history.trainLoss)
    }
    let h = sessions[0].stepper.history
    return LossPlot(curves: curves, range: range, logY: logY, marker: h.count > 0 ? h.step(at: h.count - 1) : nil)
  }

  /// A network's bars, output layer first, from the diagnostics of its last update.
  static func bars(_ latest: IterationDiagnostics, depth: Int) -> [MagnitudeBars.Bar] {
    (1...depth).reversed().map { l in
      let d = latest.layers[l - 1]
      return MagnitudeBars.Bar(label: "L\(l)", norm: d.normDW, verdict: d.verdict, clipped: d.wasClipped ? d.normAppliedDW : nil)
    }
  }

  /// Whether a network's bars are from an earlier iteration than the one on screen: its update
  /// has not run in this one.
  static func isStale(_ s: Stepper) -> Bool { !s.isFresh(.update) && s.reached < s.stages.count }
}
