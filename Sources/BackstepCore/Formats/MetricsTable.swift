/// The text of a metrics file: CSV with a header row and one row per optimizer step, made to be
/// read by `pandas.read_csv(path)` as it is. docs/formats.md describes every column.
///
/// Every cell is a value the stepper measured at that step (``IterationDiagnostics``,
/// ``LayerDiagnostics``); nothing is computed here. Columns, for a network of L layers:
/// `step, epoch, batch_loss, train_loss, test_loss, train_accuracy, test_accuracy`, then for each
/// layer l = 1 … L the eight columns `Ll_norm_W … Ll_verdict` of ``layerColumns``:
/// 7 + 8L in all.
///
/// Numbers print with full precision (Swift's shortest text that reads back as the same bits);
/// NaN prints as `nan` and infinities as `inf` and `-inf`, which pandas reads as floats; a value
/// that was not measured (a whole-set loss on a step without evaluation, the accuracy of a
/// regression) is an empty cell.
public enum MetricsTable {
  /// A column: its name and how a row's cell is read from the step's diagnostics.
  public struct Column<Source>: Sendable {
    public let name: String
    let cell: @Sendable (Source) -> String
  }

  /// The columns about the step as a whole, in order.
  public static let stepColumns: [Column<IterationDiagnostics>] = [
    Column(name: "step") { String($0.step) },
    Column(name: "epoch") { String($0.epoch) },
    Column(name: "batch_loss") { number($0.batchLoss) },
    Column(name: "train_loss") { number($0.trainLoss) },
    Column(name: "test_loss") { number($0.testLoss) },
    Column(name: "train_accuracy") { number($0.trainAccuracy) },
    Column(name: "test_accuracy") { number($0.testAccuracy) },
  ]

  /// The columns of each layer, in order; layer l's are named `L<l>_` and this name.
  public static let layerColumns: [Column<LayerDiagnostics>] = [
    Column(name: "norm_W") { number($0.normW) },
    Column(name: "norm_dW") { number($0.normDW) },
    Column(name: "norm_delta") { number($0.normDelta) },
    Column(name: "update_ratio") { number($0.updateRatio) },
    Column(name: "mean_abs_a") { number($0.meanAbsActivation) },
    Column(name: "dead_fraction") { number($0.deadFraction) },
    Column(name: "saturated_fraction") { number($0.saturatedFraction) },
    Column(name: "verdict") { word($0.verdict) },
  ]

  /// The header row (without its line end) of a network of `layers` layers.
  public static func header(layers: Int) -> String {
    let perLayer = (0..<max(0, layers)).flatMap { l in layerColumns.map { "L\(l + 1)_\($0.name)" } }
    return (stepColumns.map(\.name) + perLayer).joined(separator: ",")
  }

  /// The row (without its line end) of one step.
  public static func row(_ d: IterationDiagnostics) -> String {
    let perLayer = d.layers.flatMap { layer in layerColumns.map { $0.cell(layer) } }
    return (stepColumns.map { $0.cell(d) } + perLayer).joined(separator: ",")
  }

  /// A number as a cell: full precision, `nan`, `inf`, `-inf`, or empty when not measured.
  public static func number(_ x: Double?) -> String {
    guard let x else { return "" }
    if x.isNaN { return "nan" }  // never "-nan", which some readers refuse
    return x.description
  }

  /// A verdict as a cell. A non-finite gradient is `non_finite`: `nan` in a text column would
  /// read as a missing value in pandas.
  public static func word(_ v: Verdict) -> String {
    v == .nonFinite ? "non_finite" : v.rawValue
  }
}
