import TermGrid

/// What a piece of the screen means. Widgets name roles; the ``Theme`` picks colours.
public enum Role: Int, CaseIterable, Sendable {
  case text, dim, title, border, accent, key
  case positive, negative, zero
  case healthy, vanishing, exploding, nonFinite
  case vanishingZone, explodingZone, track
  case currentStage, doneStage, staleStage
  case trainLine, testLine, marker, axis
  /// An earlier run's loss curve, kept faint under the current one for comparison.
  case ghostLine
  case header, statusBar, caption, formula, warning, error, selection
  /// A training point of class 0, 1 and 2 (2 and beyond) on the decision surface.
  case classA, classB, classC
  /// Each class's region of the decision surface, near the boundary and where the output is sure.
  case regionA, regionB, regionC
  case regionSureA, regionSureB, regionSureC
  /// The decision boundary drawn over the surface.
  case boundary
  /// The mark on the heat-map element the inspector's cursor is on, over that element's colour.
  case cursorMark
  /// The background behind the help and gradient-check boxes, set apart from the screen under them.
  case overlayBackdrop
  /// A map or number the stage run last read (its operand), and one it wrote (its result): their
  /// frames in the network table and their names in the example strip.
  case operand, result
  /// What belongs to the first and the second of two compared networks: their headings, their
  /// loss curves and their letters in the magnitude panel, set apart by colour; ``NetworkTag``
  /// sets their lines and bars apart by glyph too, which is all that tells them apart without colour.
  case networkA, networkB
}
