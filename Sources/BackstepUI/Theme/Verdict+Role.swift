import BackstepCore

extension Verdict {
  /// The colour a gradient judged so is drawn in: a magnitude bar, a time step's column.
  var role: Role {
    switch self {
    case .healthy: .healthy
    case .vanishing: .vanishing
    case .exploding: .exploding
    case .nonFinite: .nonFinite
    }
  }
}
