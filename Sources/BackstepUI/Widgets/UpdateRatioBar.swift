import BackstepCore
import TermGrid

/// ‖ΔW‖/‖W‖ as a bar on a log axis from 1e-6 to 1, with a tick at the usual guide of 1e-3
/// (``OptimizerReading/updateRatioGuide``): within ten times of it the bar is healthy, below
/// it draws as vanishing (the layer barely learns), above it as exploding (it overwrites itself).
struct UpdateRatioBar: Sendable {
  var ratio: Double?
  static let lowExponent = -6.0
  static let highExponent = 0.0

  /// Draws into one row of `width` cells at (x, y).
  func render(x: Int, y: Int, width: Int, into frame: inout Frame, context: RenderContext) {
    guard width >= 4 else { return }
    func column(_ value: Double) -> Int {
      Clamp.slot((Elementary.log10(value) - Self.lowExponent) / (Self.highExponent - Self.lowExponent), count: width)
    }
    let guide = OptimizerReading.updateRatioGuide
    let end = ratio.flatMap { $0.isFinite && $0 > 0 ? column($0) : nil }
    let role: Role =
      switch ratio {
      case .some(let r) where !r.isFinite: .nonFinite
      case .some(let r) where r < guide / 10: .vanishing
      case .some(let r) where r > guide * 10: .exploding
      default: .healthy
      }
    for cx in 0..<width {
      let filled = end.map { cx <= $0 } ?? false
      frame[x + cx, y] = filled ? context.style(role).cell(context.glyphs.lowerBlock) : context.style(.track).cell(context.glyphs.barTrack)
    }
    frame[x + column(guide), y] = context.style(.marker).cell(context.glyphs.vertical)
    if let r = ratio, !r.isFinite { frame[x, y] = context.style(.nonFinite).cell(context.glyphs.nan) }
  }
}
