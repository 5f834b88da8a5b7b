/// A heading over a column of heat maps that names what the maps hold and their axes, in the
/// longest wording that fits: `δ = dL/dz, units × examples`, `δ: units × examples`,
/// `δ: units × ex`, `δ = dL/dz`, `δ`.
struct ColumnHeading {
  /// What a map's rows and columns are.
  enum Axes {
    /// a, z, δ and x̂: a row per unit, a column per example of the batch (`[B × n]` shown transposed).
    case unitsByExamples
    /// W and dW: a row per output unit, a column per input (`[n × n_in]`).
    case outputsByInputs

    func words(short: Bool, times: String) -> String {
      switch self {
      case .unitsByExamples: short ? "units \(times) ex" : "units \(times) examples"
      case .outputsByInputs: short ? "out \(times) in" : "outputs \(times) inputs"
      }
    }
  }

  var name: String
  var formula: String
  var axes: Axes?

  /// The wordings, longest first.
  func wordings(times: String) -> [String] {
    guard let axes else { return [formula, name] }
    let long = axes.words(short: false, times: times), short = axes.words(short: true, times: times)
    return ["\(formula), \(long)", "\(name): \(long)", "\(name): \(short)", formula, name]
  }

  /// The longest wording of at most `width` characters once `spell` has written it in the
  /// screen's glyphs; the shortest (to be cut) when none fits.
  func text(width: Int, times: String, spell: (String) -> String) -> String {
    let all = wordings(times: times).map(spell)
    return all.first { $0.count <= width } ?? all.last ?? ""
  }
}

extension Quantity {
  /// The heading of the first column when it shows this quantity.
  var columnHeading: ColumnHeading {
    ColumnHeading(name: rawValue, formula: heading, axes: isPerExample ? .unitsByExamples : .outputsByInputs)
  }
}
