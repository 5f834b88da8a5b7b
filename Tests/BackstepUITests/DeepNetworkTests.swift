import BackstepCore
import Foundation
import TermGrid
import Testing

@testable import BackstepUI

/// Deep networks at a projector's sizes: every band of the network panel stands apart from the
/// next, and every panel that lists layers draws each one or names it in a notice, keeping the
/// output layer and L1 (where vanishing shows) in view.
@Suite("Deep networks on small screens")
struct DeepNetworkTests {
  static let sizes = [(80, 24), (100, 30)]
  static let depths = [8, 12]

  /// A sigmoid network of `depth` layers after a few iterations and a few stages.
  static func state(depth: Int) throws -> AppState {
    var config = RunConfiguration()
    config.layers = Array(repeating: 8, count: depth - 1)
    config.activation = .sigmoid
    var state = try AppState(config: config)
    state.stepper.run(iterations: 3)
    for _ in 0..<3 { state.update(.step) }
    return state
  }

  /// The screen of a `depth`-layer network at each size, in monochrome, with its layout.
  static func screens(depth: Int) throws -> [(Int, Int, Frame, ScreenLayout)] {
    let state = try state(depth: depth)
    return try sizes.map { width, height in
      let frame = Screen.render(state, width: width, height: height, context: RenderContext(level: .none, unicode: true))
      return (width, height, frame, try #require(ScreenLayout(width: width, height: height, depth: depth, showSurface: true)))
    }
  }

  /// The rows inside a panel's border, as text.
  static func inside(_ frame: Frame, _ area: Rect) -> [String] {
    let lines = frame.plainText.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
    return (area.y + 1..<area.maxY - 1).map { String(lines[$0][(area.x + 1)..<(area.maxX - 1)]) }
  }

  /// The layer a row starts with (`L7 sigmoid`, `L12 ▆▆▆`), if it starts with one.
  static func layer(startingRow row: String) -> Int? {
    guard let match = row.firstMatch(of: /^L(\d+)(\s|$)/) else { return nil }
    return Int(match.1)
  }

  /// The layers named by the notices among `rows` (`⋮ L2–L6 not shown`, `⋮ L4 not shown`).
  static func noticed(_ rows: [String]) -> Set<Int> {
    var named = Set<Int>()
    for row in rows {
      guard let match = row.firstMatch(of: /^⋮ L(\d+)(?:–L(\d+))?/), let low = Int(match.1) else { continue }
      let high = match.2.flatMap { Int($0) } ?? low
      named.formUnion(low...high)
    }
    return named
  }

  /// Every layer of the panel drawn or named; L1 and the output layer drawn; the drawn ones
  /// listed output first.
  static func expectEveryLayerAccountedFor(_ rows: [String], depth: Int, panel: String) {
    let drawn = rows.compactMap(layer(startingRow:))
    let named = noticed(rows)
    for l in 1...depth {
      #expect(drawn.contains(l) || named.contains(l), "L\(l) neither drawn nor named in the \(panel) panel:\n\(rows.joined(separator: "\n"))")
    }
    #expect(named.isDisjoint(with: drawn), "the \(panel) panel names as hidden a layer it draws")
    #expect(drawn.contains(1) && drawn.contains(depth), "the \(panel) panel hides L1 or the output layer")
    #expect(drawn == drawn.sorted(by: >), "the \(panel) panel's layers out of order: \(drawn)")
  }

  @Test(arguments: depths)
  func everyLayerIsDrawnOrNamed(depth: Int) throws {
    for (width, height, frame, layout) in try Self.screens(depth: depth) {
      Self.expectEveryLayerAccountedFor(Self.inside(frame, layout.network), depth: depth, panel: "network \(width)×\(height)")
      // The bars come first in their panel; the history strip, when drawn, lists its own.
      let magnitudes = Self.inside(frame, layout.magnitudes)
      let history = magnitudes.firstIndex { $0.hasPrefix("history") }
      let bars = Array(magnitudes[..<(history ?? magnitudes.count)])
      Self.expectEveryLayerAccountedFor(bars, depth: depth, panel: "gradient \(width)×\(height)")
      if let history { Self.expectEveryLayerAccountedFor(Array(magnitudes[(history + 1)...]), depth: depth, panel: "history \(width)×\(height)") }
    }
  }

  @Test(arguments: depths)
  func bandsAreSeparated(depth: Int) throws {
    for (width, height, frame, layout) in try Self.screens(depth: depth) {
      let rows = Self.inside(frame, layout.network)
      let starts = rows.indices.filter { Self.layer(startingRow: rows[$0]) != nil || rows[$0].hasPrefix("⋮") }
      #expect(starts.count >= 3)
      // Above every band after the first, and above the notice, the label column is blank, or
      // it is the notice: no band's label runs into the next band's.
      for r in starts.dropFirst() {
        let above = rows[r - 1]
        let apart = above.prefix(7).allSatisfy { $0 == " " } || (above.hasPrefix("⋮") && !rows[r].hasPrefix("⋮"))
        #expect(apart, "row \(r) touches the band above at \(width)×\(height):\n\(rows.joined(separator: "\n"))")
      }
    }
  }

  /// The vanishing lesson's network on a projector: every layer's bar, the loss keeping a plot.
  @Test func eightLayersKeepEveryBarAt80x24() throws {
    let (_, _, frame, layout) = try #require(Self.screens(depth: 8).first)
    #expect(Self.inside(frame, layout.magnitudes).compactMap(Self.layer(startingRow:)) == Array((1...8).reversed()))
    #expect(layout.loss.height >= ScreenLayout.minimumLossRowsAlone)
  }

  @Test func bandsKeepABlankRowAndTheNoticeSitsBetweenTheFirstTwo() throws {
    let inner = Rect(x: 0, y: 0, width: 44, height: 17)
    let bands = NetworkTable.bands(in: inner, units: Array(repeating: 8, count: 12))
    #expect(bands.first?.layer == 12 && bands.last?.layer == 1)
    for (upper, lower) in zip(bands, bands.dropFirst()) {
      let gap = try #require(upper.gap)
      #expect(gap > upper.quantity.y + upper.quantity.height - 1 && gap < lower.quantity.y)
    }
    let notice = try #require(bands.first?.notice)
    let hidden = try #require(notice.layers.hidden)
    #expect(notice.row > (bands[0].gap ?? inner.maxY) && notice.row < bands[1].label.y)
    #expect(Set(bands.map(\.layer)).isDisjoint(with: Set(hidden)) && bands.count + hidden.count == 12)
    #expect(bands.dropFirst().allSatisfy { $0.notice == nil })
    // With room for every band, nothing is hidden.
    #expect(NetworkTable.bands(in: Rect(x: 0, y: 0, width: 44, height: 40), units: Array(repeating: 8, count: 12)).allSatisfy { $0.notice == nil })
  }
}
