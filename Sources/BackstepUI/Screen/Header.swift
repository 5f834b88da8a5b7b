import BackstepCore
import TermGrid

/// The top line: data, architecture, loss, optimizer, batch size on the left; step, epoch, run
/// state and speed on the right.
///
/// A narrow screen (a projector's 80 columns) shortens it a piece at a time, in the order of
/// ``Header/shortenings``, until it fits: the learning rate, the batch size and the speed go
/// last, as they are what a teacher changes and talks about.
///
/// In a comparison it describes the network shown (the focused one) and starts with what is
/// compared (``comparison``), which no shortening drops.
struct Header {
  let session: Session
  let runner: Runner
  /// "A: sigmoid vs B: relu", or "A: sigmoid · t shows B: relu" where one network fills the
  /// screen; nil without a comparison.
  var comparison: String?

  /// How far the line is shortened: each step drops or shortens one more piece.
  enum Shortening: Int, CaseIterable {
    case none, name, counts, right, activations, loss, regularization, optimizerExtras, dataset, architecture
  }

  /// The left and right texts at one shortening. The training settings are those in effect;
  /// a change waiting for the next iteration shows as `now→next` (`lr=0.03→0.3`, `batch 10→20`).
  func texts(_ level: Shortening, separator sep: String, play: String, pause: String, arrow: String = "→") -> (left: String, right: String) {
    let s = session.stepper
    func past(_ step: Shortening) -> Bool { level.rawValue >= step.rawValue }
    let now = s.settings, next = s.upcomingSettings
    /// A setting's text in effect, and its pending one after an arrow when it differs.
    func changing(_ text: (TrainingSettings) -> String) -> String {
      let (a, b) = (text(now), text(next))
      return a == b ? a : a + arrow + b
    }
    func rows(_ n: Int) -> String { n >= s.data.train.count ? "full" : "\(n)" }
    let (batchNow, batchNext) = (rows(s.schedule.batchSize), rows(s.upcomingBatchSize))
    let batch =
      batchNow != batchNext ? "batch \(batchNow)\(arrow)\(batchNext)" : batchNow == "full" ? "full batch" : "batch \(batchNow)"
    var parts: [String] = []
    if !past(.name) { parts.append("backstep") }
    if let comparison { parts.append(comparison) }
    if !past(.dataset) { parts.append(s.data.train.name + (past(.counts) ? "" : " \(s.data.train.count)/\(s.data.test.count)")) }
    if !past(.architecture) {
      let full = s.network.architecture
      parts.append(past(.activations) ? String(full.prefix { $0 != " " }) : full)
    }
    if !past(.loss) { parts.append(s.network.loss.rawValue) }
    var optimizer = changing { $0.optimizer.kind.rawValue } + " lr=" + changing { Format.short($0.optimizer.resolvedLR) }
    if !past(.optimizerExtras) {
      let (a, b) = (now.optimizer.extras, next.optimizer.extras)
      optimizer += a == b ? a : a + " " + arrow + (b.isEmpty ? " none" : b)
    }
    parts.append(optimizer)
    parts.append(batch)
    if !past(.regularization) {
      for (name, value) in [("L2", \TrainingSettings.regularization.l2), ("L1", \.regularization.l1), ("dropout", \.dropout)]
      where now[keyPath: value] > 0 || next[keyPath: value] > 0 {
        parts.append(name + " " + changing { Format.short($0[keyPath: value]) })
      }
    }
    let speed = runner.speed.label
    let right: String
    if past(.right) {
      right = "step \(s.step) ep \(s.epoch) " + (runner.running ? play : pause) + " " + speed + " "
    } else {
      right = "step \(s.step)  epoch \(s.epoch)  " + (runner.running ? "\(play) " + speed : "\(pause) paused, " + speed) + " "
    }
    return (" " + parts.joined(separator: sep), right)
  }

  func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    let bar = context.style(.header)
    frame.fill(area, with: bar.cell(" "))
    let g = context.glyphs
    let arrow = String(g.arrowRight)
    var chosen = texts(.none, separator: " \(g.vertical) ", play: String(g.play), pause: g.pause, arrow: arrow)
    for level in Shortening.allCases {
      chosen = texts(level, separator: " \(g.vertical) ", play: String(g.play), pause: g.pause, arrow: arrow)
      // Three spaces at least between the two, so that "batch 10" and "step 3" do not run together.
      if chosen.left.count + 3 + chosen.right.count <= area.width { break }
    }
    let (left, right) = chosen
    let room = area.width - right.count - 1
    frame.put(Text.truncate(left, to: max(0, room), glyphs: g), x: area.x, y: area.y, style: bar, clip: area)
    frame.put(
      right, x: area.maxX - right.count, y: area.y, style: Style(context.style(runner.running ? .healthy : .accent).foreground, bar.background, .bold),
      clip: area)
  }
}
