import TermGrid

/// The whole screen when the terminal is below the minimum size: the size it is and the size
/// needed, so that a person sees how far to enlarge it (as btop does).
///
///     terminal too small: 60×18
///       needs at least 80×24
///
/// On one line, shorter, when two do not fit.
public struct TooSmall: Widget, Sendable {
  /// The terminal's size in cells.
  public var size: (width: Int, height: Int)
  /// The smallest size the screen is drawn at.
  public var needed: (width: Int, height: Int)

  public init(size: (width: Int, height: Int), needed: (width: Int, height: Int)) {
    self.size = size
    self.needed = needed
  }

  /// The lines to show in an area, the fullest that fits.
  func lines(in area: Rect, times: String) -> [String] {
    let current = "\(size.width)\(times)\(size.height)", least = "\(needed.width)\(times)\(needed.height)"
    let choices = [
      ["terminal too small: " + current, "needs at least " + least],
      [current + ", needs " + least],
      ["need " + least],
    ]
    return choices.first { lines in lines.count <= area.height && lines.allSatisfy { $0.count <= area.width } } ?? choices[choices.count - 1]
  }

  public func render(in area: Rect, into frame: inout Frame, context: RenderContext) {
    guard !area.isEmpty else { return }
    let lines = lines(in: area, times: context.math.times)
    let top = area.y + max(0, (area.height - lines.count) / 2)
    for (i, text) in lines.enumerated() {
      let x = area.x + max(0, (area.width - text.count) / 2)
      frame.put(text, x: x, y: top + i, style: context.style(.warning), clip: area)
    }
  }
}
