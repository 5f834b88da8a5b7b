import TermGrid

/// What a piece of the screen means. Widgets name roles; the ``Theme`` picks colours.
public enum Role: Int, CaseIterable, Sendable {
  case text, dim, title, border, accent, key
  case positive, negative, zero
  case healthy, vanishing, exploding, nonFinite
  case vanishingZone, explodingZone, track
  case currentStage, doneStage, staleStage
  case trainLine, testLine, marker, axis
  case header, statusBar, caption, formula, warning, error, selection
  case classA, classB, classC
  /// The mark on the heat-map element the inspector's cursor is on, over that element's colour.
  case cursorMark
  /// The background behind the help and gradient-check boxes, set apart from the screen under them.
  case overlayBackdrop
}
