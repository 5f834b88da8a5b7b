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
  public var loss: Rect
  public var magnitudes: Rect
  public var surface: Rect?
  public var caption: Rect
  /// The lesson's panel in presenter mode (`backstep demo`); nil otherwise.
  public var lesson: Rect?
  public var status: Rect

  public init?(width: Int, height: Int, depth: Int, showSurface: Bool, lessonRows: Int = 0) {
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
    let leftWidth = Clamp.int(Double(width) * 0.58)
    var (left, right) = rest.splitLeft(leftWidth)
    if showSurface && Self.rightColumnWithSurface(height: right.height - 1, depth: depth) == nil {
      (example, left) = left.splitTop(1)
    } else {
      (example, rest) = rest.splitTop(1)
      (left, right) = rest.splitLeft(leftWidth)
    }
    network = left
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
