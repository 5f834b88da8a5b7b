import BackstepCore
import TermGrid

/// f′(z_l) as a map of its own, beside δ_l = (…) ⊙ f′(z_l): the factor by which the layer's
/// activation lets a gradient through, one value per unit and example, so that a saturated
/// unit's near-zero f′ shows where δ dies.
extension NetworkTable {
  /// Layer l's f′(z) `[B × n]`, drawn transposed like δ, over f′'s range with the core's scale;
  /// nil while backward(l) has not computed it (or never does: see ``fPrimeNote(_:layer:_:_:)``).
  func fPrimeMap(_ rec: LayerRecord, layer l: Int, cellWidth: Int, fresh: Bool) -> HeatMap? {
    guard rec.fPrime.count > 0 else { return nil }
    var h = HeatMap(rec.fPrime, transposed: true)
    h.maxCellWidth = cellWidth
    h.dimmed = !fresh
    h.scale(span(.fPrime, layer: l))
    h.logMagnitude = shown.view.logScale
    h.palette = palette
    return h
  }

  /// Why layer l has no f′ map: its δ comes straight from the logit (a fused output layer),
  /// softmax's derivative is not elementwise, or backward(l) has not run yet.
  func fPrimeNote(_ rect: Rect, layer l: Int, _ frame: inout Frame, _ context: RenderContext) {
    let s = shown.stepper
    if let note = Self.noFPrime(layer: l, network: s.network) {
      // Shorter where the reason has no room: never a cut word.
      let text = [note, note.replacingOccurrences(of: "δ from the ", with: "from "), "no f′"].first { $0.count <= rect.width } ?? "no f′"
      frame.put(text, x: rect.x, y: rect.y, style: context.style(.dim), clip: rect)
    } else {
      placeholder(rect, stage: "B\(l)", &frame, context)
    }
  }

  /// The note for a layer whose δ is never chained through an f′ map, nil for the others.
  static func noFPrime(layer l: Int, network: Network) -> String? {
    if l == network.depth && network.loss.isFusedWithOutput { return "δ from the logit" }
    if network.layers[l - 1].activation == .softmax { return "softmax: no f′ map" }
    return nil
  }
}
