import Foundation

/// Compares the analytic gradient with central differences over every weight and bias.
///
/// The objective is the batch loss the stepper minimises: data loss plus regularisation, with
/// no dropout. For each parameter θ, the numeric gradient is the fourth-order central difference
///
///     (8(L(θ+h) − L(θ−h)) − (L(θ+2h) − L(θ−2h))) / 12h,   h = 1e−4,
///
/// whose truncation error (about h⁴) and rounding error (about ε·L/h) both stay near 1e−12, so
/// that even gradients of size 1e−6 can be checked to a relative error of 1e−6. The relative
/// error is |numeric − analytic| / max(|numeric| + |analytic|, 1e−10).
public enum GradientCheck {
  /// The worst agreement found in one layer.
  public struct LayerResult: Equatable, Sendable {
    public var layer: Int
    public var maxRelativeErrorW: Double
    public var maxRelativeErrorB: Double
    /// The parameter with the worst error, for the report: "W[2,1]" or "b[0]".
    public var worst: String
    public var parameters: Int

    public var maxRelativeError: Double { max(maxRelativeErrorW, maxRelativeErrorB) }
  }

  /// The analytic gradients (dW, db per layer) and the loss, by one forward and backward pass.
  public static func analytic(
    network: Network, input: Matrix, target: Matrix, regularization: Regularization
  ) -> (loss: Double, dW: [Matrix], db: [[Double]]) {
    var record = IterationRecord(layers: network.depth)
    record.input = input
    record.target = target
    for l in 1...network.depth { Backprop.forward(l, network: network, record: &record, mask: nil) }
    Backprop.loss(network: network, regularization: regularization, record: &record)
    for l in (1...network.depth).reversed() {
      Backprop.backward(l, network: network, regularization: regularization, record: &record)
    }
    return (record.loss, record.layers.map(\.dW), record.layers.map(\.db))
  }

  /// The objective alone, for the differences.
  public static func objective(
    network: Network, input: Matrix, target: Matrix, regularization: Regularization
  ) -> Double {
    let (z, a) = network.forwardLogits(input)
    return network.loss.value(z: z, a: a, target: target) + regularization.loss(of: network)
  }

  /// Checks every parameter of every layer.
  public static func run(
    network: Network, input: Matrix, target: Matrix, regularization: Regularization = Regularization(),
    step h: Double = 1e-4
  ) -> [LayerResult] {
    let grads = analytic(network: network, input: input, target: target, regularization: regularization)
    var results: [LayerResult] = []
    for l in 0..<network.depth {
      var result = LayerResult(
        layer: l + 1, maxRelativeErrorW: 0, maxRelativeErrorB: 0, worst: "-",
        parameters: network.layers[l].parameterCount)
      var worst = -1.0
      let cols = network.layers[l].weights.cols
      for i in 0..<network.layers[l].weights.count {
        let numeric = difference(network, input, target, regularization, h) { $0.layers[l].weights.storage[i] += $1 }
        let e = relativeError(numeric, grads.dW[l].storage[i])
        result.maxRelativeErrorW = max(result.maxRelativeErrorW, e)
        if e > worst {
          worst = e
          result.worst = "W[\(i / cols),\(i % cols)]"
        }
      }
      for i in 0..<network.layers[l].bias.count {
        let numeric = difference(network, input, target, regularization, h) { $0.layers[l].bias[i] += $1 }
        let e = relativeError(numeric, grads.db[l][i])
        result.maxRelativeErrorB = max(result.maxRelativeErrorB, e)
        if e > worst {
          worst = e
          result.worst = "b[\(i)]"
        }
      }
      results.append(result)
    }
    return results
  }

  /// |a − b| / max(|a| + |b|, 1e−10).
  public static func relativeError(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return abs(a - b) / max(abs(a) + abs(b), 1e-10)
  }

  private static func difference(
    _ network: Network, _ input: Matrix, _ target: Matrix, _ reg: Regularization, _ h: Double,
    nudge: (inout Network, Double) -> Void
  ) -> Double {
    func loss(at offset: Double) -> Double {
      var nudged = network
      nudge(&nudged, offset)
      return objective(network: nudged, input: input, target: target, regularization: reg)
    }
    // Differences first, so that a parameter with no effect gives exactly zero.
    return (8 * (loss(at: h) - loss(at: -h)) - (loss(at: 2 * h) - loss(at: -2 * h))) / (12 * h)
  }
}

extension GradientCheck {
  /// A relative error below this passes.
  public static let passBelow = 1e-6

  /// The per-layer table that `backstep check` and the screen print.
  public static func table(_ results: [LayerResult]) -> String {
    func sci(_ x: Double) -> String { x.isNaN ? "nan" : String(format: "%.2e", x) }
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    var lines = ["layer  params  max rel err W  max rel err b  worst      result"]
    for r in results {
      lines.append(
        pad("\(r.layer)", 5) + "  " + pad("\(r.parameters)", 6) + "  " + pad(sci(r.maxRelativeErrorW), 13) + "  "
          + pad(sci(r.maxRelativeErrorB), 13) + "  " + pad(r.worst, 9) + "  " + (r.passed ? "ok" : "FAIL"))
    }
    return lines.joined(separator: "\n")
  }
}

extension GradientCheck.LayerResult {
  /// Whether every parameter of the layer agreed to ``GradientCheck/passBelow``.
  public var passed: Bool { maxRelativeError < GradientCheck.passBelow }
}
