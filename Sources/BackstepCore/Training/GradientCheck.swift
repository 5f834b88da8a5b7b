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
///
/// relu and leaky_relu have a kink at z = 0, where no difference quotient approximates the
/// derivative. When a nudge of ±h or ±2h moves any unit of such a layer across its kink (its
/// z changes sign against the un-nudged pass), that entry is excluded and counted, not failed.
/// Each layer's result keeps its worst counted entry and its worst excluded one, with both
/// gradients and (for the excluded one) the unit nearest its kink among those a nudge moved.
public enum GradientCheck {
  /// The worst agreement found in one layer.
  public struct LayerResult: Equatable, Sendable {
    public var layer: Int
    public var maxRelativeErrorW: Double
    public var maxRelativeErrorB: Double
    /// The parameter with the worst error, for the report, 1-based: "W[3,2]" or "b[1]".
    public var worst: String
    public var parameters: Int
    /// Entries left out because their differences straddle a relu or leaky_relu kink.
    public var excluded: Int = 0
    /// The counted entry with the largest relative error (the one ``worst`` names), with both
    /// gradients; nil for a layer with no counted entry.
    public var largest: Entry?
    /// The left-out entry whose two gradients disagree most, with the kink its differences
    /// straddle; nil when no entry of the layer was left out.
    public var largestAtKink: Entry?

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

  /// The objective alone, for the differences, and z of every unit of a relu or leaky_relu
  /// layer, layer after layer (each `[B × n]` in storage order): a unit's side of its kink is
  /// the sign of its z.
  static func objective(
    network: Network, input: Matrix, target: Matrix, regularization: Regularization
  ) -> (loss: Double, kinkZ: [Double]) {
    var a = input
    var record = LayerRecord()
    var kinkZ: [Double] = []
    for layer in network.layers {
      // Training mode: the function that backward differentiates, batch statistics included.
      layer.preActivation(a, mode: .training, into: &record)
      if layer.activation.hasKink { kinkZ += record.recurrent.map { $0.z.flatMap(\.storage) } ?? record.z.storage }
      layer.activation.apply(record.z, into: &a)
    }
    return (network.loss.value(z: record.z, a: a, target: target) + regularization.loss(of: network), kinkZ)
  }

  /// Where each z of ``objective(network:input:target:regularization:)``'s `kinkZ` sits:
  /// `[layer, example, unit]`, 1-based, and the layer's activation. A recurrent layer has one
  /// z per time step, `steps` of them, t after t.
  static func kinkSites(_ network: Network, examples: Int, steps: Int = 1) -> [(layer: Int, example: Int, unit: Int, activation: Activation)] {
    network.layers.enumerated().flatMap { i, layer in
      guard layer.activation.hasKink else { return [(layer: Int, example: Int, unit: Int, activation: Activation)]() }
      let perStep = examples * layer.units
      return (0..<perStep * (layer.recurrent != nil ? steps : 1)).map { k in
        (i + 1, k % perStep / layer.units + 1, k % layer.units + 1, layer.activation)
      }
    }
  }

  /// The analytic gradients a check compares with: normally ``analytic(network:input:target:regularization:)``.
  public typealias Gradients = (Network, Matrix, Matrix, Regularization) -> (loss: Double, dW: [Matrix], db: [[Double]])

  /// Checks every parameter of every layer. `gradients` is the backward pass under test.
  public static func run(
    network: Network, input: Matrix, target: Matrix, regularization: Regularization = Regularization(),
    step h: Double = 1e-4, gradients: Gradients = { analytic(network: $0, input: $1, target: $2, regularization: $3) }
  ) -> [LayerResult] {
    let grads = gradients(network, input, target, regularization)
    let kinkZ = objective(network: network, input: input, target: target, regularization: regularization).kinkZ
    let sites = kinkSites(network, examples: input.rows, steps: network.isRecurrent ? input.cols / network.inputCount : 1)
    var results = network.layers.indices.map { i in
      LayerResult(
        layer: i + 1, maxRelativeErrorW: 0, maxRelativeErrorB: 0, worst: "-", parameters: network.layers[i].parameterCount)
    }
    for p in network.parameters {
      let l = p.key.layer
      var slots = LayerRecord()
      slots.dW = grads.dW[l - 1]
      slots.db = grads.db[l - 1]
      let analyticValues = network.layers[l - 1].gradient(of: p.key.name, in: slots)
      for i in 0..<p.count {
        let (numeric, flipped) = difference(network, input, target, regularization, h, kinkZ) { net, offset in net.modify(p.key) { $0[i] += offset } }
        var entry = Entry(
          name: Self.entryName(p, i), key: p.key, index: i + 1, analytic: analyticValues[i], numeric: numeric,
          relativeError: relativeError(numeric, analyticValues[i]))
        if let k = flipped {
          let site = sites[k]
          entry.kink = Kink(layer: site.layer, example: site.example, unit: site.unit, z: kinkZ[k], activation: site.activation)
          results[l - 1].excluded += 1
          if entry.relativeError > results[l - 1].largestAtKink?.relativeError ?? -1 { results[l - 1].largestAtKink = entry }
          continue
        }
        let e = entry.relativeError
        if p.slot == .weights {
          results[l - 1].maxRelativeErrorW = max(results[l - 1].maxRelativeErrorW, e)
        } else {
          results[l - 1].maxRelativeErrorB = max(results[l - 1].maxRelativeErrorB, e)
        }
        if e > results[l - 1].largest?.relativeError ?? -1 {
          results[l - 1].largest = entry
          results[l - 1].worst = entry.name
        }
      }
    }
    return results
  }

  /// "W[3,2]", "b[1]", "γ[4]": a parameter's entry, for the report; 1-based, W as
  /// [output unit, input], as the inspector and the maths (W_l is n_l × n_{l−1}) count them.
  static func entryName(_ p: ParameterInfo, _ i: Int) -> String {
    switch p.key.name {
    case .weights: "W[\(i / p.shape[1] + 1),\(i % p.shape[1] + 1)]"
    case .biases: "b[\(i + 1)]"
    case .gamma: "γ[\(i + 1)]"
    case .beta: "β[\(i + 1)]"
    case .weightsIH: "Wih[\(i / p.shape[1] + 1),\(i % p.shape[1] + 1)]"
    case .weightsHH: "Whh[\(i / p.shape[1] + 1),\(i % p.shape[1] + 1)]"
    case .biasIH: "bih[\(i + 1)]"
    case .biasHH: "bhh[\(i + 1)]"
    }
  }

  /// |a − b| / max(|a| + |b|, 1e−10).
  public static func relativeError(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return abs(a - b) / max(abs(a) + abs(b), 1e-10)
  }

  /// The fourth-order central difference, and which kink it straddles, if any: the index (into
  /// `kinkZ`, the un-nudged network's) of the unit nearest its kink among those a nudge moved
  /// across z = 0.
  private static func difference(
    _ network: Network, _ input: Matrix, _ target: Matrix, _ reg: Regularization, _ h: Double, _ kinkZ: [Double],
    nudge: (inout Network, Double) -> Void
  ) -> (numeric: Double, flipped: Int?) {
    var flipped: Int?
    func loss(at offset: Double) -> Double {
      var nudged = network
      nudge(&nudged, offset)
      let (value, nudgedZ) = objective(network: nudged, input: input, target: target, regularization: reg)
      for k in kinkZ.indices where (nudgedZ[k] > 0) != (kinkZ[k] > 0) {
        if flipped.map({ abs(kinkZ[k]) < abs(kinkZ[$0]) }) ?? true { flipped = k }
      }
      return value
    }
    // Differences first, so that a parameter with no effect gives exactly zero.
    let numeric = (8 * (loss(at: h) - loss(at: -h)) - (loss(at: 2 * h) - loss(at: -2 * h))) / (12 * h)
    return (numeric, flipped)
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
          + pad(sci(r.maxRelativeErrorB), 13) + "  " + pad(r.worst, 9) + "  " + (r.passed ? "ok" : "FAIL")
          + (r.excluded > 0 ? "  (\(r.excluded) at a kink)" : ""))
    }
    let excluded = results.reduce(0) { $0 + $1.excluded }
    if excluded > 0 {
      lines.append(
        "\(excluded) \(excluded == 1 ? "entry was" : "entries were") left out: a nudge of ±2h moved a relu unit across its kink at z = 0, where no finite difference holds"
      )
    }
    return lines.joined(separator: "\n")
  }
}

extension GradientCheck.LayerResult {
  /// Whether every parameter of the layer agreed to ``GradientCheck/passBelow``.
  public var passed: Bool { maxRelativeError < GradientCheck.passBelow }
}
