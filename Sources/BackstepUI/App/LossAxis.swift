import BackstepCore

/// The loss plot's y axis. `auto` is linear until the losses span more than two decades, then
/// log; the other two hold one. It has a key of its own, apart from the heat maps' `l`: a
/// class may want log colours and a linear loss, or the other way round.
public enum LossAxis: String, CaseIterable, Sendable {
  case auto, log, linear

  /// Decades of range beyond which `auto` draws a log axis.
  public static let autoLogDecades = 2.0

  public var next: LossAxis {
    switch self {
    case .auto: .log
    case .log: .linear
    case .linear: .auto
    }
  }

  /// Whether a plot of losses spanning `range` draws a log y axis.
  public func isLog(_ range: ValueRange) -> Bool {
    switch self {
    case .auto: range.spans(moreThan: Self.autoLogDecades)
    case .log: true
    case .linear: false
    }
  }
}
