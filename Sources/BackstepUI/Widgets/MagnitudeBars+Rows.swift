import TermGrid

extension MagnitudeBars {
  /// What one row of the panel holds.
  enum Row {
    /// A layer's bar: with the network's tag when two are compared, and the layer's name on
    /// the first row of the layer (nil on B's row under A's).
    case bar(Bar, tag: NetworkTag?, layer: String?)
    /// The notice naming the layers left out.
    case notice(ShownLayers)
  }

  /// The rows that fit `height`, top to bottom, and whether the axis fits under them.
  ///
  /// When the layers do not all fit, the axis goes first; then middle layers are left out and
  /// named in a row of their own, keeping the output layer and the layers nearest the input,
  /// where vanishing shows (``ShownLayers``). Bars run from the output layer down, so a
  /// network's bar i is its layer count − i. Two networks' layer l has a row for each network
  /// that has it, so the rooms tried are counted in layers, the largest whose rows fit.
  func rows(height: Int) -> (rows: [Row], showAxis: Bool) {
    let depth = max(bars.count, second?.count ?? 0)
    let all = rows(ShownLayers(depth: depth, room: depth))
    if all.count + 1 <= height { return (all, true) }
    for room in stride(from: depth, through: 0, by: -1) {
      let shown = rows(ShownLayers(depth: depth, room: room))
      if shown.count <= height { return (shown, false) }
    }
    return ([], false)
  }

  /// Each shown layer's rows: one network's bar, or each compared network's that has the layer.
  private func rows(_ layers: ShownLayers) -> [Row] {
    layers.rows.flatMap { layer -> [Row] in
      guard let layer else { return [.notice(layers)] }
      guard let second else { return [.bar(bars[bars.count - layer], tag: nil, layer: bars[bars.count - layer].label)] }
      let pair = [(bars, NetworkTag.a), (second, NetworkTag.b)].compactMap { bars, tag in
        layer <= bars.count ? (bars[bars.count - layer], tag) : nil
      }
      return pair.enumerated().map { i, entry in .bar(entry.0, tag: entry.1, layer: i == 0 ? entry.0.label : nil) }
    }
  }
}
