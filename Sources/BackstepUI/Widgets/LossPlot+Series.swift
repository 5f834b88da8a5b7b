import BackstepCore
import TermGrid

extension LossPlot {
  /// A compared network's train loss: its values, one per step of the plot's axis (`firstStep`,
  /// `stride`), what sets the network apart ("sigmoid"), and its tag, which gives its role,
  /// pattern and letter.
  public struct Curve: Sendable {
    public var tag: NetworkTag
    public var label: String
    public var values: [Double?]

    public init(tag: NetworkTag, label: String, values: [Double?]) {
      self.tag = tag
      self.label = label
      self.values = values
    }
  }

  /// Where a line puts its dots along the axis.
  enum Pattern: Equatable {
    /// Every braille column.
    case solid
    /// Dashes of two dots across.
    case dashed
    /// Dashes of three dots along the line, two dots apart, so that a steep stretch is dashed
    /// as a flat one is (a pattern across leaves a steep stretch whole or out).
    case dashedAlong
    /// One dot in three, faint: an earlier run's ghost, which marks no NaN.
    case sparse

    /// Whether the line puts a dot at braille column `x`, the `walked`th dot along it.
    func draws(_ x: Int, walked: Int) -> Bool {
      switch self {
      case .solid: true
      case .dashed: (x / 2) % 2 == 0
      case .dashedAlong: walked % 5 < 3
      case .sparse: x % 3 == 0
      }
    }
  }

  /// One plotted series: its values, their steps, its role (colour), pattern and ASCII mark.
  struct Series {
    var values: [Double?]
    var firstStep: Int
    var stride: Int
    var role: Role
    var pattern: Pattern
    var mark: Character
  }

  /// Every series, in drawing order: the ghost first, under the others; then the compared
  /// networks' curves in order, or the test line and the train line over it.
  func plotted(_ glyphs: Glyphs) -> [Series] {
    let ghostSeries =
      ghost.map { [Series(values: $0.values, firstStep: $0.firstStep, stride: $0.stride, role: .ghostLine, pattern: .sparse, mark: glyphs.dottedLine)] } ?? []
    guard curves.isEmpty else {
      return ghostSeries
        + curves.map {
          Series(
            values: $0.values, firstStep: firstStep, stride: stride, role: $0.tag.role, pattern: $0.tag == .a ? .solid : .dashedAlong,
            mark: $0.tag.lineSample(glyphs))
        }
    }
    return ghostSeries + [
      Series(values: test, firstStep: firstStep, stride: stride, role: .testLine, pattern: .dashed, mark: glyphs.plainTest),
      Series(values: train, firstStep: firstStep, stride: stride, role: .trainLine, pattern: .solid, mark: glyphs.plainTrain),
    ]
  }

  /// The legend row: each line's sample and name, the ghost's, then the axis note. Compared
  /// networks are named in full ("━ A: sigmoid  ╍ B: relu") where that fits `width`, with the
  /// note where it fits too, else by letter, with the note where it fits.
  func legend(width: Int, context: RenderContext) -> Line {
    let ghostLegend: [(String, Role)] = ghost.map { [("  \(context.glyphs.dottedLine) ", .ghostLine), ($0.label, .dim)] } ?? []
    let note: [(String, Role)] = [("  " + (axisNote ?? (logY ? "log y" : "")), .dim)]
    guard !curves.isEmpty else {
      return Line(
        [
          ("\(context.glyphs.heavyLine) ", .trainLine), ("train  ", .text),
          ("\(context.glyphs.dashedLine) ", .testLine), ("test", .text),
        ] + ghostLegend + note)
    }
    func named(_ full: Bool) -> [(String, Role)] {
      curves.enumerated().flatMap { i, curve in
        [
          ((i == 0 ? "" : "  ") + "\(curve.tag.lineSample(context.glyphs)) ", curve.tag.role),
          (full ? curve.tag.heading(curve.label) : curve.tag.letter, curve.tag.role),
        ]
      } + ghostLegend
    }
    let forms = [Line(named(true) + note), Line(named(true)), Line(named(false) + note), Line(named(false))]
    return forms.first { $0.count <= width } ?? forms[forms.count - 1]
  }
}
