import BackstepCore
import BackstepUI
import Foundation
import TermGrid
import Testing

/// Each widget drawn into a small frame, in colour and in monochrome, compared with its
/// snapshot; and what every widget promises about the space it is given.
@Suite("Widgets")
struct WidgetSnapshotTests {
  static let colour = RenderContext(level: .xterm256, unicode: true)
  static let mono = RenderContext(level: .none, unicode: true)
  static let ascii = RenderContext(level: .none, unicode: false)

  /// A signed 4×6 matrix with a NaN and an infinity in it.
  static let signed: [Double] = [
    -1, -0.5, 0, 0.5, 1, 0.25,
    0.1, -0.1, .nan, 0.9, -0.9, 0,
    2, -2, 0.01, -0.01, .infinity, 0.3,
    0, 0, 0, 0, 0, 0,
  ]

  static func frame(_ width: Int, _ height: Int, context: RenderContext, _ widget: some Widget<RenderContext>) -> Frame {
    var frame = Frame(width: width, height: height)
    widget.render(in: Rect(x: 0, y: 0, width: width, height: height), into: &frame, context: context)
    return frame
  }

  @Test(arguments: [("colour", colour), ("mono", mono), ("ascii", ascii)])
  func heatMap(_ name: String, _ context: RenderContext) {
    var map = HeatMap(values: Self.signed, rows: 4, cols: 6)
    map.limit = MapScale(of: Self.signed).limit
    expectSnapshot(Self.frame(20, 4, context: context, map), named: "heatmap-\(name)")
  }

  @Test func heatMapNeverDrawsNaNOrInfinityAsZero() {
    let map = HeatMap(values: [0, .nan, -.infinity, 0], rows: 1, cols: 4)
    let text = Self.frame(12, 1, context: Self.mono, map).plainText
    #expect(text.contains("×"))
    #expect(text.contains("-∞") || text.contains("∞"))
    let zero = Self.frame(12, 1, context: Self.mono, HeatMap(values: [0, 0, 0, 0], rows: 1, cols: 4)).plainText
    #expect(!zero.contains("×") && !zero.contains("∞"))
  }

  @Test func aLargeMatrixIsPooledNotCut() {
    // 40 columns into 10 cells: the one large value in the last column must still show.
    var values = Array(repeating: 0.01, count: 2 * 40)
    values[39] = 5
    var map = HeatMap(values: values, rows: 2, cols: 40)
    map.limit = MapScale(of: values).limit
    let area = Rect(x: 0, y: 0, width: 10, height: 2)
    let geometry = map.geometry(in: area, context: Self.mono)
    #expect(geometry.isPooled)
    #expect(geometry.shownCols * geometry.poolCols >= 40)
    let frame = Self.frame(10, 2, context: Self.mono, map)
    #expect(frame.plainText.contains("█"))
  }

  @Test(arguments: [(3, 1), (5, 2), (40, 12), (1, 1)])
  func widgetsStayInsideTheirRectangle(_ width: Int, _ height: Int) throws {
    let inner = Rect(x: 2, y: 1, width: width, height: height)
    let widgets: [any Widget<RenderContext>] = [
      HeatMap(values: Self.signed, rows: 4, cols: 6),
      LossPlot(train: [1, 0.8, 0.5, 0.3, 0.2], test: [1.1, 0.9, 0.7, 0.6, 0.6], range: ValueRange(of: [0.2, 1.1]), logY: true, marker: 3),
      MagnitudeBars(bars: [.init(label: "L2", norm: 0.3, verdict: .healthy), .init(label: "L1", norm: 1e-9, verdict: .vanishing)]),
      HistoryStrip(series: [[0.1, 0.2, 0.3], [1e-7, 1e-8, .nan]]),
      StageStrip(labels: ["F1", "F2", "loss", "B2", "B1", "update"], reached: 3),
      StatusLine(hints: [(key: "space", label: "stage"), (key: "q", label: "quit")], message: "hello"),
      Self.compared, Self.pairedBars, NetworkHeading(tag: .a, label: "sigmoid"),
    ]
    for widget in widgets {
      var frame = Frame(width: width + 4, height: height + 2)
      widget.render(in: inner, into: &frame, context: Self.colour)
      #expect(!frame.touchesOutside(inner), "\(type(of: widget)) drew outside its rectangle at \(width)×\(height)")
    }
  }

  @Test func lossPlot() {
    let train = (0..<60).map { 0.7 * exp(-Double($0) / 15) + 0.05 }
    let test = (0..<60).map { 0.72 * exp(-Double($0) / 18) + 0.08 }
    expectSnapshot(
      Self.frame(40, 10, context: Self.colour, LossPlot(train: train, test: test, range: ValueRange(of: train + test), marker: 40)), named: "lossplot")
    expectSnapshot(
      Self.frame(40, 10, context: Self.mono, LossPlot(train: train, test: test, range: ValueRange(of: train + test), logY: true)), named: "lossplot-log-mono")
  }

  /// Steps that were not evaluated (nil) are joined over; a NaN is a divergence and is marked.
  @Test func lossPlotJoinsUnmeasuredStepsAndMarksNaN() {
    let every = (0..<60).map { 0.7 * exp(-Double($0) / 15) + 0.05 }
    let sparse: [Double?] = every.enumerated().map { $0.offset % 10 == 9 ? $0.element : nil }
    let sparseFrame = Self.frame(40, 10, context: Self.colour, LossPlot(train: sparse, test: [], range: ValueRange(of: sparse)))
    #expect(!sparseFrame.plainText.contains("×"))
    let brailleCells = sparseFrame.plainText.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count
    #expect(brailleCells >= 20, "six measured points should be joined into a line, not left as dots")
    var diverged = sparse
    diverged[59] = .nan
    #expect(Self.frame(40, 10, context: Self.colour, LossPlot(train: diverged, test: [], range: ValueRange(of: diverged))).plainText.contains("×"))
  }

  @Test func magnitudeBarsShowZonesAndVerdicts() {
    let bars = MagnitudeBars(bars: [
      .init(label: "L3", norm: 2e4, verdict: .exploding),
      .init(label: "L2", norm: 0.05, verdict: .healthy),
      .init(label: "L1", norm: 3e-9, verdict: .vanishing),
      .init(label: "L0", norm: .nan, verdict: .nonFinite),
    ])
    let frame = Self.frame(50, 5, context: Self.colour, bars)
    #expect(frame.plainText.contains("exploding"))
    #expect(frame.plainText.contains("vanishing"))
    expectSnapshot(frame, named: "magnitude-bars")
  }

  @Test func magnitudeBarsMarkWhatClippingLetThrough() {
    let bars = MagnitudeBars(bars: [
      .init(label: "L2", norm: 30, verdict: .healthy, clipped: 0.8),
      .init(label: "L1", norm: 0.05, verdict: .healthy),
    ])
    let frame = Self.frame(50, 3, context: Self.colour, bars)
    let rows = frame.plainText.split(separator: "\n").map(String.init)
    // The clipped layer's bar runs to its norm before clipping, with a mark at what was applied.
    #expect(rows[0].hasSuffix(" 30      →0.8") && !rows[0].contains("healthy"))
    #expect(rows[0].contains("│") && rows[0].contains("░"))
    #expect(rows[1].contains("healthy") && !rows[1].contains("→"))
    let unclipped = Self.frame(50, 3, context: Self.colour, MagnitudeBars(bars: [.init(label: "L2", norm: 30, verdict: .healthy)]))
    let full = unclipped.plainText.split(separator: "\n")[0].filter { $0 == "▆" }.count
    #expect(rows[0].filter { $0 == "▆" }.count < full)
    #expect(rows[0].filter { $0 == "▆" || $0 == "░" || $0 == "│" }.count >= full)
  }

  @Test func stageStripHighlightsTheCurrentStage() {
    let strip = StageStrip(labels: ["F1", "F2", "loss", "B2", "B1", "update"], reached: 3)
    let frame = Self.frame(60, 1, context: Self.colour, strip)
    #expect(frame.plainText.contains("[loss]"))
    expectSnapshot(frame, named: "stage-strip")
  }

  @Test func historyStrip() {
    expectSnapshot(Self.frame(30, 3, context: Self.colour, HistoryStrip(series: [[0.1, 0.2, 0.4, 0.3], [1e-3, 1e-5, 1e-7, 1e-9]])), named: "history-strip")
  }

  @Test func helpListsEveryKeyAtTheMinimumSize() {
    let pages = HelpOverlay.keyPages(KeyMap.table).indices.map { page in
      Self.frame(80, 24, context: Self.colour, HelpOverlay.keys(KeyMap.table, page: page, title: "keys"))
    }
    for binding in KeyMap.bindings {
      #expect(pages.contains { $0.plainText.contains(binding.help) }, "help at 80×24 lacks \(binding.help)")
      #expect(pages.contains { $0.plainText.contains(binding.label) }, "help at 80×24 lacks \(binding.label)")
    }
    for (page, frame) in pages.enumerated() {
      #expect(!frame.plainText.contains("more rows"), "page \(page + 1) is cut at 80×24")
      expectSnapshot(frame, named: page == 0 ? "help-80x24" : "help-80x24-keys-page\(page + 1)")
    }
  }

  /// Two networks' train losses on one axis: A solid in its role, B dashed in its own, named in
  /// the legend in full where that fits and by letter where it does not.
  static let sigmoidLoss: [Double?] = (0..<60).map { 0.69 - 0.1 * (1 - exp(-Double($0) / 30)) }
  static let reluLoss: [Double?] = (0..<60).map { 0.9 * exp(-Double($0) / 10) + 0.03 }
  static let compared = LossPlot(
    curves: [.init(tag: .a, label: "sigmoid", values: sigmoidLoss), .init(tag: .b, label: "relu", values: reluLoss)],
    range: ValueRange(of: sigmoidLoss).union(ValueRange(of: reluLoss)), marker: 60)

  @Test(arguments: [("colour", colour), ("mono", mono), ("ascii", ascii)])
  func lossPlotComparesTwoNetworks(_ name: String, _ context: RenderContext) {
    let frame = Self.frame(40, 10, context: context, Self.compared)
    let rows = frame.plainText.split(separator: "\n").map(String.init)
    #expect(rows[0].contains("A: sigmoid") && rows[0].contains("B: relu"))
    // The axis spans both: relu's first loss is the top, its last the bottom.
    #expect(rows[1].hasPrefix(Format.short(0.93, digits: 3)))
    // Each curve is drawn in its own role, so that the two differ in style as well as pattern.
    let styles = (0..<frame.height).flatMap { y in (0..<frame.width).map { frame[$0, y] } }.filter { $0.character != " " }.map {
      Style($0.foreground, $0.background, $0.attributes)
    }
    for tag in NetworkTag.allCases {
      #expect(styles.filter { $0 == context.style(tag.role) }.count > 10, "\(tag) has no curve at \(name)")
    }
    if !context.glyphs.isUnicode {
      #expect(frame.plainText.filter { $0 == "*" }.count > 10 && frame.plainText.filter { $0 == "+" }.count > 10)
    }
    expectSnapshot(frame, named: "lossplot-compare-\(name)")
  }

  @Test func theComparedLegendShortensToLetters() {
    let narrow = Self.frame(20, 8, context: Self.colour, Self.compared).plainText.split(separator: "\n")[0]
    #expect(narrow.contains("A") && narrow.contains("B") && !narrow.contains("sigmoid") && !narrow.contains("relu"))
    var noted = Self.compared
    noted.axisNote = "linear y (y)"
    let wide = Self.frame(40, 8, context: Self.colour, noted).plainText.split(separator: "\n")[0]
    #expect(wide.contains("B: relu") && wide.contains("linear y (y)"))
    // The names go before the note, and the note comes back beside the letters.
    let middle = Self.frame(30, 8, context: Self.colour, noted).plainText.split(separator: "\n")[0]
    #expect(middle.contains("B: relu") && !middle.contains("linear y"))
    let letters = Self.frame(22, 8, context: Self.colour, noted).plainText.split(separator: "\n")[0]
    #expect(letters.contains("linear y (y)") && !letters.contains("sigmoid"))
  }

  /// Each layer's A bar over its B bar, lettered, over the same zones; the deeper network's
  /// extra layer has its bar alone.
  static let pairedBars = MagnitudeBars(
    a: [
      .init(label: "L3", norm: 0.4, verdict: .healthy),
      .init(label: "L2", norm: 2e-5, verdict: .healthy),
      .init(label: "L1", norm: 3e-8, verdict: .vanishing),
    ],
    b: [
      .init(label: "L4", norm: 0.6, verdict: .healthy),
      .init(label: "L3", norm: 0.2, verdict: .healthy),
      .init(label: "L2", norm: 0.08, verdict: .healthy),
      .init(label: "L1", norm: 0.05, verdict: .healthy),
    ])

  @Test(arguments: [("colour", colour), ("mono", mono), ("ascii", ascii)])
  func magnitudeBarsPairTwoNetworks(_ name: String, _ context: RenderContext) {
    let frame = Self.frame(50, 9, context: context, Self.pairedBars)
    let rows = frame.plainText.split(separator: "\n").map(String.init)
    #expect(rows.prefix(7).map { String($0.prefix(4)) } == ["L4 B", "L3 A", "   B", "L2 A", "   B", "L1 A", "   B"])
    #expect(rows[5].contains("vanishing") && rows[6].contains("healthy"))
    let aBar = NetworkTag.a.bar(context.glyphs), bBar = NetworkTag.b.bar(context.glyphs)
    #expect(aBar != bBar)
    for (i, row) in rows.prefix(7).enumerated() {
      let isB = row.dropFirst(3).hasPrefix("B")
      #expect(row.contains(isB ? bBar : aBar) && !row.contains(isB ? aBar : bBar), "row \(i) at \(name): \(row)")
    }
    #expect(rows[7].contains("1e-8"), "the axis fits under all seven rows")
    expectSnapshot(frame, named: "magnitude-bars-compare-\(name)")
  }

  /// Where the depths differ the two networks' stages part: B's bars may be stale while A's
  /// are fresh, and only B's are dimmed.
  @Test func eachNetworksBarsAreDimmedOnTheirOwn() {
    var bars = Self.pairedBars
    bars.secondDimmed = true
    let frame = Self.frame(50, 9, context: Self.colour, bars)
    let dim = Self.colour.style(.dim).foreground
    // Row 1 is L3 A, row 2 L3 B; column 45 is in the verdict text of both.
    #expect(frame[45, 1].foreground == Self.colour.style(.healthy).foreground)
    #expect(frame[45, 2].foreground == dim && frame[5, 2].foreground == dim)
    bars.secondDimmed = false
    bars.dimmed = true
    let swapped = Self.frame(50, 9, context: Self.colour, bars)
    #expect(swapped[45, 1].foreground == dim && swapped[45, 2].foreground == Self.colour.style(.healthy).foreground)
  }

  @Test func pairedBarsLeaveOutMiddleLayersAsPairs() {
    let rows = Self.frame(50, 4, context: Self.mono, Self.pairedBars).plainText.split(separator: "\n").map(String.init)
    // No room for the axis nor every layer: the output layer, the notice, then L1's pair.
    #expect(rows.map { String($0.prefix(4)) } == ["L4 B", "⋮ L2", "L1 A", "   B"])
    #expect(rows[1].hasPrefix("⋮ L2–L3 not shown (2 layers)"))
  }

  @Test func aNetworkHeadingShortensToItsLetter() {
    let heading = NetworkHeading(tag: .b, label: "relu, lr 0.1")
    #expect(heading.text(width: 20) == "B: relu, lr 0.1")
    #expect(heading.text(width: 14) == "B")
    #expect(NetworkHeading(tag: .a, label: "").text(width: 20) == "A")
    let frame = Self.frame(20, 1, context: Self.colour, heading)
    #expect(frame[0, 0] == Self.colour.style(.networkB).cell("B"))
    #expect(frame[0, 0] != Self.colour.style(.networkA).cell("B"))
    let narrow = Self.frame(6, 1, context: Self.mono, NetworkHeading(tag: .a, label: "sigmoid"))
    #expect(narrow.plainText.trimmingCharacters(in: .whitespaces) == "A")
    #expect(narrow[0, 0].attributes == Self.mono.style(.networkA).attributes && !narrow[0, 0].attributes.isEmpty)
  }

  /// The help in a lesson has more keys than the smallest screen holds: it comes in pages, each
  /// whole at 80×24, which between them list every key once.
  @Test func theHelpComesInPagesThatEachFitTheMinimumSize() {
    let table = KeyMap.table + [KeyMap.presenter]
    let pages = HelpOverlay.keyPages(table)
    #expect(pages.count == 2)
    #expect(pages.flatMap { $0.map(\.title) } == table.map(\.title))
    var texts: [String] = []
    for page in pages.indices {
      let frame = Self.frame(80, 24, context: Self.colour, HelpOverlay.keys(table, page: page, title: "keys"))
      #expect(!frame.plainText.contains("more rows"), "page \(page + 1) is cut at 80×24")
      #expect(frame.plainText.contains("\(page + 1)/\(pages.count)  ?"))
      texts.append(frame.plainText)
      expectSnapshot(frame, named: "help-80x24-page\(page + 1)")
    }
    #expect(texts[0].contains("? for more keys") && texts[1].contains("? closes the help"))
    for binding in table.flatMap(\.bindings) {
      #expect(texts.filter { $0.contains(binding.help) }.count == 1, "\(binding.help) is not on exactly one page")
    }
    // One page has no footer: the help key closes it, as it always did.
    let short = Array(KeyMap.table.prefix(2))
    let single = Self.frame(80, 24, context: Self.colour, HelpOverlay.keys(short, page: 0, title: "keys"))
    #expect(HelpOverlay.keyPages(short).count == 1 && !single.plainText.contains("1/1"))
  }

  @Test func theHelpKeyTurnsThePagesThenCloses() {
    #expect(Overlay.none.turningHelp(pages: 2) == .help(page: 0))
    #expect(Overlay.optimizer.turningHelp(pages: 1) == .help(page: 0))
    #expect(Overlay.help(page: 0).turningHelp(pages: 2) == .help(page: 1))
    #expect(Overlay.help(page: 1).turningHelp(pages: 2) == .none)
    #expect(Overlay.help(page: 0).turningHelp(pages: 1) == .none)
  }
}
