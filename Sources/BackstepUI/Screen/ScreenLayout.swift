import TermGrid

/// Where each part of the screen goes, for a size: arithmetic on rectangles only.
///
///     header                                   (1 row)
///     stage strip                              (1 row)
///     selected example: x, t, a_L, loss        (1 row)
///     network table      │ loss plot
///     (a|z|W, δ, dW      │ gradient magnitudes
///      per layer)        │ decision surface (two inputs; from 80×24 up)
///     lesson caption, in presenter mode        (as many rows as it asks)
///
/// Two compared networks (``tables``) have a table each, side by side or one over the other in
/// the network table's room, where both keep a readable size (``arrangement(width:height:)``);
/// elsewhere one table at a time, and the right column's panels draw both.
///     caption                                  (2–4 rows)
///     status line                              (1 row)
public struct ScreenLayout: Sendable {
  public static let minimumWidth = 80
  public static let minimumHeight = 24

  public var header: Rect
  public var stages: Rect
  /// The selected example's row (``ExampleStrip``) under the stage strip: across the screen, or
  /// over the network table alone when the right column has no row to spare for it (80×24 with
  /// the surface), so that the surface is never given up for it.
  public var example: Rect
  public var network: Rect
  /// The second network's table in a comparison, beside or under the first; nil when one
  /// table fills the room.
  public var second: Rect?
  public var loss: Rect
  public var magnitudes: Rect
  public var surface: Rect?
  public var caption: Rect
  /// The lesson's panel in presenter mode (`backstep demo`); nil otherwise.
  public var lesson: Rect?
  public var status: Rect

  /// How two compared networks' tables share the screen.
  public enum Arrangement: Sendable {
    case one, sideBySide, stacked
  }

  /// The left share of the width that two tables side by side take.
  static let comparedShare = 2.0 / 3.0
  /// The fewest columns and rows a compared network's table is drawn in beside the other: a
  /// band's label, the three maps and their headings legible.
  static let minimumTableWidth = 40
  static let minimumTableRows = 12

  /// Stacked when the screen is taller than wide (a cell is about twice as tall as it is wide)
  /// and each table keeps ``minimumTableRows``; side by side when each keeps
  /// ``minimumTableWidth`` columns of two thirds of the width; else one at a time.
  public static func arrangement(width: Int, height: Int) -> Arrangement {
    if height * 2 > width && height - 8 >= minimumTableRows * 2 { return .stacked }
    if Clamp.int(Double(width) * comparedShare) / 2 >= minimumTableWidth { return .sideBySide }
    return .one
  }

  /// The layout of a `width` × `height` screen for a network of `depth` layers (in a comparison,
  /// the bars of both: the sum of their depths), with `tables` network tables to place.
  public init?(width: Int, height: Int, depth: Int, showSurface: Bool, lessonRows: Int = 0, tables: Int = 1) {
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
    let all = Rect(x: 0, y: 0, width: width, height: height)
    var rest: Rect
    (header, rest) = all.splitTop(1)
    (stages, rest) = rest.splitTop(1)
    (rest, status) = rest.splitBottom(1)
    let captionRows = height >= 40 ? 4 : (height >= 30 ? 3 : 2)
    (rest, caption) = rest.splitBottom(captionRows)
    if lessonRows > 0 {
      let (above, panel) = rest.splitBottom(lessonRows)
      rest = above
      lesson = panel
    }
    let arrangement = tables > 1 ? Self.arrangement(width: width, height: height) : .one
    let leftWidth = Clamp.int(Double(width) * (arrangement == .sideBySide ? Self.comparedShare : 0.58))
    var (left, right) = rest.splitLeft(leftWidth)
    if showSurface && Self.rightColumnWithSurface(height: right.height - 1, depth: depth) == nil {
      (example, left) = left.splitTop(1)
    } else {
      (example, rest) = rest.splitTop(1)
      (left, right) = rest.splitLeft(leftWidth)
    }
    network = left
    switch arrangement {
    case .sideBySide: (network, second) = left.splitLeft(left.width / 2)
    case .stacked: (network, second) = left.splitTop(left.height / 2)
    case .one: second = nil
    }
    // Right column: loss on top, magnitudes (bars + history) below it, then the surface.
    // Without the surface the magnitudes take half the column, or more to draw every layer's
    // bar (without its axis) while the loss keeps a plot of its own.
    let magnitudeRows = max(min(max(depth * 2 + 4, 7), right.height / 2), min(depth + 2, right.height - Self.minimumLossRowsAlone))
    let sizes = showSurface ? Self.rightColumnWithSurface(height: right.height, depth: depth) : nil
    var column = right
    if let sizes {
      (loss, column) = column.splitTop(sizes.loss)
      (magnitudes, surface) = column.splitTop(sizes.magnitudes)
    } else {
      (loss, magnitudes) = column.splitTop(max(6, right.height - magnitudeRows))
      surface = nil
    }
  }

  /// The smallest panels worth drawing beside each other: a loss plot of two braille rows, and
  /// a surface of four rows (eight half-block pixels) with its x range, which at 80×24 still
  /// shows the regions and the boundary.
  static let minimumLossRows = 6
  static let minimumSurfaceRows = 7
  /// The loss panel's fewest rows when it shares the column with the magnitudes only: its
  /// legend, four braille rows, and the step axis.
  static let minimumLossRowsAlone = 8

  /// The rows of the loss and magnitude panels when the surface is shown below them (it takes
  /// the rest); nil when the column is too short for all three. The magnitudes first get every
  /// layer's bar and their axis (depth + 3 rows with the border): the surface never hides a
  /// layer's bar. Then their history, whole, when it takes at most half of the rows to spare; what
  /// is left goes two parts to the loss plot for three to the surface.
  static func rightColumnWithSurface(height: Int, depth: Int) -> (loss: Int, magnitudes: Int)? {
    let full = max(depth * 2 + 4, 7)
    let bars = min(depth + 3, full)
    var spare = height - minimumLossRows - minimumSurfaceRows - bars
    guard spare >= 0 else { return nil }
    // The history strip has a row per layer under its title: all of it or none, so that no
    // layer's row is cut without notice.
    let history = spare / 2 >= full - bars ? full - bars : 0
    spare -= history
    return (minimumLossRows + spare * 2 / 5, bars + history)
  }
}
