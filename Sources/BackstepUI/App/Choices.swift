import BackstepCore

/// The values the one-key live changes cycle through.
enum Choices {
  static let activations = Activation.hidden
  static let initializers = ["xavier", "xavier_normal", "he", "he_normal", "playground", "normal:1.0", "uniform:0.5", "zeros"]
  static let optimizers = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adadelta"]
  static let datasets = ["circle", "xor", "gauss", "spiral", "moons", "plane", "multigauss", "spiral3"]
  /// 0 is the full batch.
  static let batchSizes = [1, 10, 32, 0]
  /// TF Playground's learning rates.
  static let learningRates = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]

  struct Penalty: Equatable {
    var l1: Double
    var l2: Double
    var label: String { l1 == 0 && l2 == 0 ? "none" : (l1 != 0 ? "L1 \(Format.short(l1))" : "L2 \(Format.short(l2))") }
  }

  static let penalties = [
    Penalty(l1: 0, l2: 0), Penalty(l1: 0, l2: 0.001), Penalty(l1: 0, l2: 0.01), Penalty(l1: 0.001, l2: 0),
    Penalty(l1: 0.01, l2: 0),
  ]

  /// The element after `current`, wrapping; the first when `current` is not in the list.
  static func next<T: Equatable>(after current: T, in list: [T]) -> T {
    guard let i = list.firstIndex(of: current) else { return list[0] }
    return list[(i + 1) % list.count]
  }
}
