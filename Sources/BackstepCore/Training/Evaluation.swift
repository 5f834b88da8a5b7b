/// Loss and accuracy of a network over a whole data set, in evaluation mode (no dropout).
public enum Evaluation {
  /// The mean data loss over every row; nil for an empty set.
  public static func loss(of network: Network, on data: Dataset) -> Double? {
    guard data.count > 0 else { return nil }
    let (z, a) = network.forwardLogits(data.inputs, mode: .evaluation)
    return network.loss.value(z: z, a: a, target: data.targets)
  }

  /// The fraction of rows classified right; nil for regression or an empty set.
  ///
  /// One output column predicts class 1 when a ≥ 0.5; several columns predict the argmax.
  public static func accuracy(of network: Network, on data: Dataset) -> Double? {
    guard data.problem == .classification, data.count > 0 else { return nil }
    let a = network.predict(data.inputs)
    var right = 0
    for i in 0..<a.rows {
      if predictedClass(a, row: i) == trueClass(data, row: i) { right += 1 }
    }
    return Double(right) / Double(a.rows)
  }

  /// The class a network output row stands for.
  public static func predictedClass(_ a: Matrix, row i: Int) -> Int {
    if a.cols == 1 { return a[i, 0] >= 0.5 ? 1 : 0 }
    var best = 0
    for k in 1..<a.cols where a[i, k] > a[i, best] { best = k }
    return best
  }

  private static func trueClass(_ data: Dataset, row i: Int) -> Int {
    if let labels = data.labels { return labels[i] }
    return predictedClass(data.targets, row: i)
  }
}
