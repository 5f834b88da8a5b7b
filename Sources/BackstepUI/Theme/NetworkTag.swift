import TermGrid

/// How the screen tells two compared networks apart, the same way in every panel: a letter, a
/// colour role, and a line and a bar of their own shape, so that they stay apart without colour.
///
/// A's curve is solid and its bars full (`━`, `▆`); B's curve is dashed and its bars low
/// (`╍`, `▃`). In ASCII the curves are plotted with `*` and `+` and the bars are `#` and `=`.
public enum NetworkTag: Int, CaseIterable, Sendable {
  case a, b

  /// "A" or "B": what a heading, a legend and a bar's row call the network when narrow.
  public var letter: String { self == .a ? "A" : "B" }

  public var role: Role { self == .a ? .networkA : .networkB }

  /// The heading of a network that differs in `label`: "A: sigmoid", or the letter alone when
  /// there is no label.
  public func heading(_ label: String) -> String { label.isEmpty ? letter : "\(letter): \(label)" }

  /// The legend's sample of the network's loss curve; in ASCII, the mark the curve is plotted with.
  public func lineSample(_ glyphs: Glyphs) -> Character { self == .a ? glyphs.heavyLine : glyphs.secondLine }

  /// The glyph of the network's gradient bars.
  public func bar(_ glyphs: Glyphs) -> Character { self == .a ? glyphs.lowerBlock : glyphs.lowBlock }
}
