import TermGrid

/// Where each part of the screen goes, for a size: arithmetic on rectangles only.
///
///     header                                   (1 row)
///     stage strip                              (1 row)
///     network table      │ loss plot
///     (a|z|W, δ, dW      │ gradient magnitudes
///      per layer)        │ decision surface (two inputs, when it fits)
///     caption                                  (2–4 rows)
///     status line                              (1 row)
public struct ScreenLayout: Sendable {
  public static let minimumWidth = 80
  public static let minimumHeight = 24

  public var header: Rect
  public var stages: Rect
  public var network: Rect
  public var loss: Rect
  public var magnitudes: Rect
  public var surface: Rect?
  public var caption: Rect
  public var status: Rect

  public init?(width: Int, height: Int, depth: Int, showSurface: Bool) {
    guard width >= Self.minimumWidth, height >= Self.minimumHeight else { return nil }
    let all = Rect(x: 0, y: 0, width: width, height: height)
    var rest: Rect
    (header, rest) = all.splitTop(1)
    (stages, rest) = rest.splitTop(1)
    (rest, status) = rest.splitBottom(1)
    let captionRows = height >= 40 ? 4 : (height >= 30 ? 3 : 2)
    (rest, caption) = rest.splitBottom(captionRows)
    let leftWidth = Clamp.int(Double(width) * 0.58)
    let (left, right) = rest.splitLeft(leftWidth)
    network = left
    // Right column: loss on top, magnitudes (bars + history) below it, then the surface.
    let magnitudeRows = min(max(depth * 2 + 4, 7), right.height / 2)
    var column = right
    if showSurface && right.height >= 24 {
      let lossRows = max(7, (right.height - magnitudeRows) * 2 / 5)
      (loss, column) = column.splitTop(lossRows)
      (magnitudes, column) = column.splitTop(magnitudeRows)
      surface = column
    } else {
      (loss, magnitudes) = column.splitTop(max(6, right.height - magnitudeRows))
      surface = nil
    }
  }
}
