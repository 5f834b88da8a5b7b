/// Layout as arithmetic on rectangles.
extension Rect {
  /// The top `rows` rows, and the rest below.
  public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
    let r = min(max(rows, 0), height)
    return (Rect(x: x, y: y, width: width, height: r), Rect(x: x, y: y + r, width: width, height: height - r))
  }

  /// The bottom `rows` rows, and the rest above.
  public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
    let r = min(max(rows, 0), height)
    return (Rect(x: x, y: y, width: width, height: height - r), Rect(x: x, y: y + height - r, width: width, height: r))
  }

  /// The left `columns` columns, and the rest to the right.
  public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
    let c = min(max(columns, 0), width)
    return (Rect(x: x, y: y, width: c, height: height), Rect(x: x + c, y: y, width: width - c, height: height))
  }

  /// `count` rows of equal height (the first ones take the remainder), top to bottom.
  public func rows(_ count: Int) -> [Rect] {
    guard count > 0 else { return [] }
    var out: [Rect] = []
    var top = y
    for i in 0..<count {
      let h = height / count + (i < height % count ? 1 : 0)
      out.append(Rect(x: x, y: top, width: width, height: h))
      top += h
    }
    return out
  }

  /// Rows whose heights follow the weights, each at least one row while there is room.
  public func rows(weighted weights: [Double]) -> [Rect] {
    guard !weights.isEmpty else { return [] }
    let total = weights.reduce(0, +)
    var heights = weights.map { max(1, Clamp.int(Double(height) * $0 / max(total, 1e-12), in: 0...max(height, 0))) }
    // Hand out or take back the rounding difference, largest weights first.
    let order = weights.indices.sorted { weights[$0] > weights[$1] }
    var k = 0
    while heights.reduce(0, +) < height {
      heights[order[k % order.count]] += 1
      k += 1
    }
    k = 0
    while heights.reduce(0, +) > height, heights.contains(where: { $0 > 1 }) {
      let i = order[k % order.count]
      if heights[i] > 1 { heights[i] -= 1 }
      k += 1
    }
    var out: [Rect] = []
    var top = y
    for h in heights {
      out.append(Rect(x: x, y: top, width: width, height: min(h, max(0, maxY - top))))
      top += h
    }
    return out
  }

  /// Columns of the given widths, left to right, separated by `gap`.
  public func columns(_ widths: [Int], gap: Int = 1) -> [Rect] {
    var out: [Rect] = []
    var left = x
    for w in widths {
      out.append(Rect(x: left, y: y, width: min(w, max(0, maxX - left)), height: height))
      left += w + gap
    }
    return out
  }

  /// A rectangle of at most the given size, centred in this one.
  public func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(w, width), ch = min(h, height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }
}
