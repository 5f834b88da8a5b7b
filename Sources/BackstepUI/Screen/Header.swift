import BackstepCore
import TermGrid

/// The top line: data, architecture, loss, optimizer, step, epoch and run state.
struct Header {
  let state: AppState

  func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let s = state.stepper
    let bar = context.style(.header)
    frame.fill(area, with: bar.cell(" "))
    let sep = " \(context.glyphs.vertical) "
    let batch = s.schedule.batchSize >= s.data.train.count ? "full batch" : "batch \(s.schedule.batchSize)"
    var parts = [
      "backstep", "\(s.data.train.name) \(s.data.train.count)/\(s.data.test.count)", s.network.architecture,
      s.network.loss.rawValue, s.settings.optimizer.summary, batch,
    ]
    let reg = s.settings.regularization
    if reg.l2 > 0 { parts.append("L2 \(Format.short(reg.l2))") }
    if reg.l1 > 0 { parts.append("L1 \(Format.short(reg.l1))") }
    if s.settings.dropout > 0 { parts.append("dropout \(Format.short(s.settings.dropout))") }
    let run = state.running ? "\(context.glyphs.play) " + state.speed.label : context.glyphs.pause + " paused"
    let right = "step \(s.step)  epoch \(s.epoch)  " + run + " "
    var left = " " + parts.joined(separator: sep)
    let room = area.width - right.count - 1
    if left.count > room {
      parts.removeFirst()
      left = " " + parts.joined(separator: sep)
    }
    frame.put(Text.truncate(left, to: max(0, room), glyphs: context.glyphs), x: area.x, y: area.y, style: bar, clip: area)
    frame.put(
      right, x: area.maxX - right.count, y: area.y, style: Style(context.style(state.running ? .healthy : .accent).foreground, bar.background, .bold),
      clip: area)
  }
}
