import TermGrid
import Testing

@testable import BackstepUI

/// The layers a panel draws when it has no room for all: the output layer, a notice naming
/// the middle ones, and the layers nearest the input.
@Suite("Shown layers")
struct ShownLayersTests {
  @Test func historyStripNamesTheLayersItLeavesOut() {
    let series = (1...12).map { l in [1e-3 * Double(l), 2e-3 * Double(l)] }
    var frame = Frame(width: 40, height: 6)
    HistoryStrip(series: series).render(in: frame.bounds, into: &frame, context: RenderContext(level: .none, unicode: true))
    let rows = frame.plainText.split(separator: "\n").map(String.init)
    #expect(rows.map { String($0.prefix(4)) } == ["L12 ", "⋮ L5", "L4  ", "L3  ", "L2  ", "L1  "])
    #expect(rows[1].hasPrefix("⋮ L5–L11 not shown"))
  }

  @Test func shownLayersKeepTheOutputAndTheInputEnd() {
    let all = ShownLayers(depth: 5, room: 5)
    #expect(all.rows == [5, 4, 3, 2, 1] && all.hidden == nil)
    let some = ShownLayers(depth: 12, room: 6)
    #expect(some.rows == [12, nil, 4, 3, 2, 1] && some.hidden == 5...11)
    #expect(some.notice(width: 80, glyphs: .unicode) == "⋮ L5–L11 not shown (7 layers)")
    #expect(some.notice(width: 20, glyphs: .unicode) == "⋮ L5–L11 not shown")
    #expect(some.notice(width: 20, glyphs: .ascii) == ": L5-L11 not shown")
    #expect(ShownLayers(depth: 4, room: 3).notice(width: 80, glyphs: .unicode) == "⋮ L2–L3 not shown (2 layers)")
    #expect(ShownLayers(depth: 3, room: 2).rows == [3, nil])
  }

  @Test func magnitudeBarsNameTheLayersTheyLeaveOut() {
    let bars = (1...12).reversed().map { MagnitudeBars.Bar(label: "L\($0)", norm: 1e-3, verdict: .healthy) }
    var frame = Frame(width: 60, height: 6)
    MagnitudeBars(bars: bars).render(in: frame.bounds, into: &frame, context: RenderContext(level: .none, unicode: true))
    let rows = frame.plainText.split(separator: "\n").map(String.init)
    // No room for the axis either: the output layer, the notice, then L4 down to L1.
    #expect(rows.map { String($0.prefix(4)) } == ["L12 ", "⋮ L5", "L4  ", "L3  ", "L2  ", "L1  "])
    #expect(rows[1].hasPrefix("⋮ L5–L11 not shown (7 layers)"))
  }
}
