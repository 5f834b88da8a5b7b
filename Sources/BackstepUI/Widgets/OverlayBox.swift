import TermGrid

/// A box centred over the screen on the overlay backdrop, with a title in its border: what
/// the help, the gradient check, the optimizer and the histograms are drawn in.
struct OverlayBox {
  var title: String

  /// Clears a `width × height` box centred in `area` (no larger than `area` less a row above
  /// and below), draws its border, hands its inside to `content`, then lays the backdrop colour
  /// under every cell of the box the content left uncoloured. Nil when the box would be smaller
  /// than 20 × 4.
  @discardableResult
  func render(in area: Rect, width: Int, height: Int, into frame: inout Frame, context: RenderContext, content: (Rect, inout Frame) -> Void) -> Rect? {
    let width = min(area.width, width), height = min(area.height - 2, height)
    guard width >= 20, height >= 4 else { return nil }
    let box = area.centered(width: width, height: height)
    let backdrop = context.style(.overlayBackdrop).background
    frame.fill(box, with: Cell(" ", background: backdrop))
    let inner = Panel(title: title, role: .accent, titleRole: .accent).render(in: box, into: &frame, context: context)
    content(inner, &frame)
    frame.backdrop(box, backdrop)
    return box
  }

  /// The last row of a box's inside, when `hidden` rows did not fit: "… 4 more rows: enlarge the terminal".
  static func noteHidden(_ hidden: Int, in inner: Rect, into frame: inout Frame, context: RenderContext) {
    frame.put("… \(hidden) more rows: enlarge the terminal", x: inner.x + 1, y: inner.maxY - 1, style: context.style(.dim), clip: inner)
  }
}
