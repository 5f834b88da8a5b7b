import TermGrid

/// How fast run mode goes: slow levels show single stages, fast ones whole iterations.
public enum Speed: Equatable, Sendable, CaseIterable {
  case stages(Double)
  case iterations(Double)
  /// As many iterations as fit between frames.
  case unlimited

  public static let allCases: [Speed] = [
    .stages(2), .stages(8), .iterations(10), .iterations(100), .iterations(1000), .unlimited,
  ]
  public static let defaultLevel = 4

  public var label: String {
    switch self {
    case .stages(let n): "\(Clamp.int(n)) stages/s"
    case .iterations(let n): n >= 1000 ? "\(Clamp.int(n / 1000))k it/s" : "\(Clamp.int(n)) it/s"
    case .unlimited: "max"
    }
  }
}
