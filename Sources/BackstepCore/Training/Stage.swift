/// One step of one iteration: what a single keypress computes.
///
/// For L layers the order is forward(1) … forward(L), loss, backward(L) … backward(1), update.
/// Layers are numbered from 1, as in the maths. A recurrent first layer reading T time steps
/// runs one stage per time step instead of forward(1) and backward(1): forward(1, t) for
/// t = 1 … T, and backward(1, t) for t = T … 1 (backpropagation through time).
public enum Stage: Hashable, Sendable, CustomStringConvertible {
  case forward(Int)
  case loss
  case backward(Int)
  case update
  /// forward(l, t): time step t (1-based) of a recurrent layer l, z_t and h_t.
  case forwardStep(Int, t: Int)
  /// backward(l, t): time step t of a recurrent layer l, δ_t and its share of the gradients.
  case backwardStep(Int, t: Int)

  /// Every stage of one iteration of an L-layer network, in order.
  public static func sequence(layers: Int) -> [Stage] {
    sequence(layers: layers, steps: nil)
  }

  /// Every stage of one iteration, with the first layer recurrent over `steps` time steps when
  /// `steps` is given.
  public static func sequence(layers: Int, steps: Int?) -> [Stage] {
    func forward(_ l: Int) -> [Stage] {
      guard l == 1, let steps else { return [.forward(l)] }
      return (1...max(1, steps)).map { Stage.forwardStep(1, t: $0) }
    }
    func backward(_ l: Int) -> [Stage] {
      guard l == 1, let steps else { return [.backward(l)] }
      return (1...max(1, steps)).reversed().map { Stage.backwardStep(1, t: $0) }
    }
    return (1...layers).flatMap(forward) + [.loss] + (1...layers).reversed().flatMap(backward) + [.update]
  }

  /// The position of this stage in ``sequence(layers:)``, for a network without time steps.
  public func index(layers: Int) -> Int {
    switch self {
    case .forward(let l), .forwardStep(let l, _): l - 1
    case .loss: layers
    case .backward(let l), .backwardStep(let l, _): layers + 1 + (layers - l)
    case .update: 2 * layers + 1
    }
  }

  /// The time step of a recurrent stage; nil for every other stage.
  public var timeStep: Int? {
    switch self {
    case .forwardStep(_, let t), .backwardStep(_, let t): t
    case .forward, .backward, .loss, .update: nil
    }
  }

  /// Whether the stage runs a layer forward (one time step of it, for a recurrent layer).
  public var isForward: Bool {
    switch self {
    case .forward, .forwardStep: true
    case .loss, .backward, .backwardStep, .update: false
    }
  }

  /// A short label for the stage strip: F1, loss, B1, update; F1·t3 and B1·t3 for time steps.
  public var label: String {
    switch self {
    case .forward(let l): "F\(l)"
    case .loss: "loss"
    case .backward(let l): "B\(l)"
    case .update: "update"
    case .forwardStep(let l, let t): "F\(l)·t\(t)"
    case .backwardStep(let l, let t): "B\(l)·t\(t)"
    }
  }

  public var description: String {
    switch self {
    case .forward(let l): "forward(\(l))"
    case .loss: "loss"
    case .backward(let l): "backward(\(l))"
    case .update: "update"
    case .forwardStep(let l, let t): "forward(\(l), t=\(t))"
    case .backwardStep(let l, let t): "backward(\(l), t=\(t))"
    }
  }
}
