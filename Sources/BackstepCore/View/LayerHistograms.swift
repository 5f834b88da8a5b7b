/// Every layer's histogram of one quantity, measured when the histogram overlay opens and
/// again when the values it shows change (the screen keeps it by step and stage).
public struct LayerHistograms: Equatable, Sendable {
  /// What the histograms count.
  public enum Subject: String, CaseIterable, Sendable {
    /// W (γ for batchnorm) `[n × n_in]`, as they are now.
    case weights
    /// dW (dγ) `[n × n_in]` from the last backward stage of each layer.
    case gradients
    /// a `[B × n]` from the last forward stage of each layer.
    case activations

    /// The next subject, for the key that cycles them.
    public var next: Subject {
      switch self {
      case .weights: .gradients
      case .gradients: .activations
      case .activations: .weights
      }
    }

    /// The map whose values, and whose scale, a histogram of this subject reads.
    public var map: ShownMap {
      switch self {
      case .weights: .weights
      case .gradients: .dW
      case .activations: .a
      }
    }
  }

  /// One layer's histogram, with the shape of the tensor counted.
  public struct Entry: Equatable, Sendable {
    public var layer: Int
    public var rows: Int
    public var columns: Int
    public var histogram: Histogram
  }

  public var subject: Subject
  public var layers: [Entry]

  /// Bins every layer's values of `subject` over the range of its measured ``MapScale``; a map
  /// whose values cannot be negative (``ShownMap/range(activation:)``) is binned from 0.
  public init(_ stepper: Stepper, subject: Subject) {
    self.subject = subject
    layers = stepper.network.layers.indices.map { i in
      let layer = stepper.network.layers[i]
      let record = stepper.record.layers[i]
      let values: (storage: [Double], rows: Int)
      switch subject {
      case .weights: values = (layer.values(of: layer.parameterNames[0]), layer.units)
      case .gradients: values = (record.dW.storage, record.dW.rows)
      case .activations: values = (record.a.storage, record.a.rows)
      }
      let nonNegative = (subject.map.range(activation: layer.activation)?.lowerBound ?? -1) >= 0
      let histogram = Histogram(of: values.storage, scale: stepper.scale(of: subject.map, layer: i + 1), nonNegative: nonNegative)
      return Entry(layer: i + 1, rows: values.rows, columns: values.storage.count / max(values.rows, 1), histogram: histogram)
    }
  }
}
