/// One step of one iteration: what a single keypress computes.
///
/// For L layers the order is forward(1) … forward(L), loss, backward(L) … backward(1), update.
/// Layers are numbered from 1, as in the maths.
public enum Stage: Hashable, Sendable, CustomStringConvertible {
  case forward(Int)
  case loss
  case backward(Int)
  case update

  /// Every stage of one iteration of an L-layer network, in order.
  public static func sequence(layers: Int) -> [Stage] {
    (1...layers).map(Stage.forward) + [.loss] + (1...layers).reversed().map(Stage.backward) + [.update]
  }

  /// The position of this stage in ``sequence(layers:)``.
  public func index(layers: Int) -> Int {
    switch self {
    case .forward(let l): l - 1
    case .loss: layers
    case .backward(let l): layers + 1 + (layers - l)
    case .update: 2 * layers + 1
    }
  }

  /// A short label for the stage strip: F1, loss, B1, update.
  public var label: String {
    switch self {
    case .forward(let l): "F\(l)"
    case .loss: "loss"
    case .backward(let l): "B\(l)"
    case .update: "update"
    }
  }

  public var description: String {
    switch self {
    case .forward(let l): "forward(\(l))"
    case .loss: "loss"
    case .backward(let l): "backward(\(l))"
    case .update: "update"
    }
  }
}
