import BackstepCore
import TermGrid
import Testing

@testable import BackstepUI

/// The decision surface as a teacher projects it: the plane at one scale, a colour per class,
/// the boundary as a line, ticks and a legend, the batch marked, and a panel at 80×24 too.
@Suite("Decision surface")
struct DecisionSurfaceTests {
  static let square = OutputSurface.Plane(xMin: -1, xMax: 1, yMin: -1, yMax: 1)

  /// A surface of one layer `weights` `[k × 2]` (no bias) with an output activation.
  static func surface(
    _ weights: [[Double]], _ activation: Activation, plane: OutputSurface.Plane = square, grid: (Int, Int)
  ) throws
    -> OutputSurface
  {
    let w = try #require(Matrix(weights))
    let layer = DenseLayer(weights: w, bias: [Double](repeating: 0, count: w.rows), activation: activation)
    let network = try Network(inputs: 2, layers: [layer], loss: activation == .softmax ? .ce : .mse)
    return OutputSurface(network: network, plane: plane, columns: grid.0, rows: grid.1)
  }

  /// Three classes in three sectors of the plane: softmax of three directions 120° apart.
  static let sectors = [[1.0, 0], [-0.5, 0.87], [-0.5, -0.87]]

  /// Draws `widget` in a frame of `area`'s size, on the grid its geometry asks for.
  static func draw(
    _ weights: [[Double]], _ activation: Activation, in area: Rect, context: RenderContext, batch: [Int] = [], points: Matrix? = nil
  )
    throws -> (frame: Frame, geometry: DecisionSurface.Geometry)
  {
    let g = try #require(DecisionSurface.geometry(in: area, plane: square, context: context))
    let s = try surface(weights, activation, grid: (g.columns, g.rows))
    var frame = Frame(width: area.maxX, height: area.maxY)
    let p = points ?? Matrix(rows: 0, cols: 2)
    DecisionSurface(surface: s, points: p, labels: [Int](repeating: 0, count: p.rows), targets: Matrix(rows: p.rows, cols: 1), batch: batch)
      .render(in: area, into: &frame, context: context)
    return (frame, g)
  }

  /// The plane's x and y spans at one scale: with half blocks a pixel is about square, so a
  /// square plane takes as many columns as pixel rows; without, a cell is one pixel twice as
  /// tall as wide, so twice as many columns as rows. A plane twice as wide takes twice the columns.
  @Test func thePlaneKeepsItsAspect() throws {
    let area = Rect(x: 3, y: 2, width: 70, height: 20)
    let colour = RenderContext(level: .xterm256, unicode: true), mono = RenderContext(level: .none, unicode: true)
    let half = try #require(DecisionSurface.geometry(in: area, plane: Self.square, context: colour))
    #expect(half.halfBlocks && half.columns == half.rows && half.plot.height * 2 == half.rows)
    let cells = try #require(DecisionSurface.geometry(in: area, plane: Self.square, context: mono))
    #expect(!cells.halfBlocks && cells.columns == 2 * cells.rows && cells.plot.height == cells.rows)
    let wide = try #require(DecisionSurface.geometry(in: area, plane: .init(xMin: -2, xMax: 2, yMin: -1, yMax: 1), context: colour))
    #expect(wide.columns == 2 * wide.rows)
    for g in [half, cells, wide] {
      #expect(g.plot.intersection(area) == g.plot)
      #expect(g.xTicks.y == g.plot.maxY && g.yTicks.maxX < g.plot.x)
      let legend = try #require(g.legend)
      #expect(legend.x > g.plot.maxX && legend.maxX <= area.maxX)
    }
  }

  /// What the plot does not need stays blank: between the plot and the legend, and under the ticks.
  @Test func theMarginIsBlank() throws {
    let area = Rect(x: 0, y: 0, width: 60, height: 12)
    let (frame, g) = try Self.draw([[1, 0]], .sigmoid, in: area, context: RenderContext(level: .xterm256, unicode: true))
    let legend = try #require(g.legend)
    for y in area.y..<area.maxY {
      for x in g.plot.maxX..<legend.x { #expect(frame[x, y] == .blank, "(\(x), \(y))") }
    }
    for y in (g.xTicks.y + 1)..<area.maxY {
      for x in area.x..<legend.x { #expect(frame[x, y] == .blank, "(\(x), \(y))") }
    }
  }

  /// Three classes, three region colours of their own (sure and unsure), at every colour level.
  @Test(arguments: [ColorLevel.ansi8, .ansi16, .xterm256, .truecolor])
  func everyClassHasItsOwnColour(_ level: ColorLevel) throws {
    let theme = Theme(level: level)
    for sure in [false, true] {
      let regions = (0..<3).map { theme.style(DecisionSurface.regionRole($0, sure: sure)).background }
      #expect(Set(regions).count == 3 && !regions.contains(.default), "\(regions) at \(level)")
    }
    let context = RenderContext(level: level, unicode: true)
    let (frame, g) = try Self.draw(Self.sectors, .softmax, in: Rect(x: 0, y: 0, width: 60, height: 14), context: context)
    var drawn = Set<Color>()
    for y in g.plot.y..<g.plot.maxY {
      for x in g.plot.x..<g.plot.maxX { drawn.formUnion([frame[x, y].foreground, frame[x, y].background]) }
    }
    for k in 0..<3 { #expect(drawn.contains(theme.style(DecisionSurface.regionRole(k, sure: true)).background), "class \(k) at \(level)") }
    #expect(drawn.contains(theme.style(.boundary).foreground))
  }

  /// Without colour the classes differ by texture and by the point's glyph.
  @Test func monochromeTellsTheClassesApartByGlyph() {
    let context = RenderContext(level: .none, unicode: true)
    #expect(Set((0..<3).map { DecisionSurface.regionGlyph($0, context) }).count == 3)
    #expect(Set((0..<3).map { DecisionSurface.pointGlyph($0, context) }).count == 3)
    let ansi = RenderContext(level: .ansi8, unicode: false)
    #expect(Set((0..<3).map { DecisionSurface.pointGlyph($0, ansi) }).count == 3)
  }

  /// Early in training a sigmoid output is near 0.5 everywhere: the two sides still take the
  /// two classes' colours, and the 0.5 contour is drawn between them.
  @Test func anUntrainedSurfaceShowsItsBoundary() throws {
    let context = RenderContext(level: .xterm256, unicode: true)
    let (frame, g) = try Self.draw([[0.001, 0]], .sigmoid, in: Rect(x: 0, y: 0, width: 50, height: 12), context: context)
    let theme = context.theme
    let y = g.plot.y + g.plot.height / 2
    #expect(frame[g.plot.x, y].background == theme.style(.regionA).background)
    #expect(frame[g.plot.maxX - 1, y].background == theme.style(.regionB).background)
    let middle = (g.plot.x..<g.plot.maxX).map { frame[$0, y] }
    #expect(middle.contains { $0.foreground == theme.style(.boundary).foreground && $0.background == theme.style(.boundary).foreground })
    // The boundary is one pixel wide: every other pixel of the row is a region colour.
    #expect(middle.filter { $0.foreground == theme.style(.boundary).foreground }.count == 1)
  }

  /// The legend names the classes, the boundary and the batch mark; the ticks the plane's range.
  @Test func theLegendAndTicksSayWhatIsDrawn() throws {
    let context = RenderContext(level: .xterm256, unicode: true)
    let area = Rect(x: 0, y: 0, width: 60, height: 14)
    let soft = try Self.draw(Self.sectors, .softmax, in: area, context: context).frame.plainText
    for word in ["class 0", "class 1", "class 2", "argmax", "in batch"] { #expect(soft.contains(word)) }
    let binary = try Self.draw([[1, 0]], .sigmoid, in: area, context: context).frame.plainText
    #expect(binary.contains("p = 0.5") && !binary.contains("class 2"))
    let plane = OutputSurface.Plane(xMin: -2.5, xMax: 3, yMin: -0.75, yMax: 1.5)
    let g = try #require(DecisionSurface.geometry(in: area, plane: plane, context: context))
    var frame = Frame(width: 60, height: 14)
    DecisionSurface(
      surface: try Self.surface([[1, 0]], .sigmoid, plane: plane, grid: (g.columns, g.rows)), points: Matrix(rows: 0, cols: 2), labels: nil,
      targets: Matrix(rows: 0, cols: 1)
    )
    .render(in: area, into: &frame, context: context)
    #expect(frame.text(row: g.plot.y).prefix(6) == "  1.5 " && frame.text(row: g.plot.maxY - 1).prefix(6) == "-0.75 ")
    let ticks = frame.text(row: g.xTicks.y)
    #expect(ticks.contains("-2.5") && ticks.contains("3"))
  }

  /// Points of the current batch are drawn in reverse video; the others are not.
  @Test func theBatchIsMarked() throws {
    let points = try #require(Matrix([[-1, 1], [0.999, -0.999]]))
    for level in [ColorLevel.none, .xterm256] {
      let context = RenderContext(level: level, unicode: true)
      let (frame, g) = try Self.draw([[1, 0]], .sigmoid, in: Rect(x: 0, y: 0, width: 50, height: 12), context: context, batch: [1], points: points)
      let topLeft = frame[g.plot.x, g.plot.y], bottomRight = frame[g.plot.maxX - 1, g.plot.maxY - 1]
      #expect(topLeft.character == context.glyphs.point && bottomRight.character == context.glyphs.point)
      #expect(!topLeft.attributes.contains(.reverse) && bottomRight.attributes.contains(.reverse))
    }
  }

  /// 80×24 has a surface panel for the default two-input network, below the loss and the
  /// magnitudes, with the network panel as wide as before; larger screens give it more rows.
  @Test func eightyByTwentyFourHasASurfacePanel() throws {
    let small = try #require(ScreenLayout(width: 80, height: 24, depth: 3, showSurface: true))
    let without = try #require(ScreenLayout(width: 80, height: 24, depth: 3, showSurface: false))
    let surface = try #require(small.surface)
    #expect(without.surface == nil && small.network == without.network)
    #expect(small.loss.maxY == small.magnitudes.y && small.magnitudes.maxY == surface.y && surface.maxY == small.network.maxY)
    #expect(small.magnitudes.height >= 3 + 3 && small.loss.height >= ScreenLayout.minimumLossRows)
    let context = RenderContext(level: .xterm256, unicode: true)
    #expect(DecisionSurface.geometry(in: surface.inset(dx: 1, dy: 1), plane: Self.square, context: context) != nil)
    let big = try #require(ScreenLayout(width: 120, height: 36, depth: 3, showSurface: true)?.surface)
    #expect(big.height > surface.height)
    // The surface never hides a layer's gradient bar: a deep network at 80×24 keeps its bars
    // and shows no surface; at 100×30 both fit.
    #expect(ScreenLayout(width: 80, height: 24, depth: 8, showSurface: true)?.surface == nil)
    let deep = try #require(ScreenLayout(width: 100, height: 30, depth: 8, showSurface: true))
    #expect(deep.surface != nil && deep.magnitudes.height >= 8 + 3)
    // The history strip comes whole (a title and a row per layer) or not at all.
    for (width, height, depth) in [(100, 30, 3), (120, 36, 3), (120, 36, 8), (250, 70, 8), (250, 70, 3)] {
      let layout = try #require(ScreenLayout(width: width, height: height, depth: depth, showSurface: true))
      #expect(layout.surface != nil)
      #expect([depth + 3, depth + 3 + depth + 1].contains(layout.magnitudes.height), "\(width)x\(height) depth \(depth)")
    }
  }

  /// The three-class spiral at the sizes a class is shown at, in colour and in monochrome.
  @Test func threeClassScreens() throws {
    var config = RunConfiguration()
    config.dataset = "spiral3"
    var state = try AppState(config: config)
    state.stepper.run(iterations: 40)
    state.update(.step)
    state.message = nil
    for (width, height) in ScreenSnapshotTests.sizes.dropLast() {
      for level in [ColorLevel.xterm256, .none] {
        let context = RenderContext(level: level, unicode: true)
        state.refreshSurface(width: width, height: height, context: context)
        let frame = Screen.render(state, width: width, height: height, context: context)
        #expect(frame.plainText.contains("class 2"), "\(width)x\(height)")
        expectSnapshot(frame, named: "screen-three-class-\(level == .none ? "mono-" : "")\(width)x\(height)")
      }
    }
  }
}
