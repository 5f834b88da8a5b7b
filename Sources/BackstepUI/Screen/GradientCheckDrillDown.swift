import BackstepCore

/// The lines under the gradient check's table: each layer's entry that agrees worst, with both
/// gradients, then the entry left out at a kink whose two gradients disagree most, with the
/// unit whose kink its differences straddle, said not to be a failure of backprop. No line is
/// longer than 76 characters, so that the overlay shows them whole at 80 columns. `backstep
/// check` prints them under its table too.
public enum GradientCheckDrillDown {
  public static func lines(_ results: [GradientCheck.LayerResult]) -> [String] {
    var lines = results.compactMap { r in r.largest.map { "L\(r.layer) " + describe($0) } }
    let kinked = results.compactMap { r in r.largestAtKink.map { (r.layer, $0) } }
    if let (layer, e) = kinked.max(by: { !($0.1.relativeError >= $1.1.relativeError) }), let kink = e.kink {
      lines.append("L\(layer) " + describe(e))
      lines.append("   left out: straddles \(name(kink.activation))'s kink at z = \(Format.short(kink.z, digits: 2)) (L\(kink.layer) unit \(kink.unit),")
      lines.append("   example \(kink.example)): not a failure of backprop")
    }
    return lines.isEmpty ? [] : ["worst entries, backprop against the central difference:"] + lines
  }

  /// "W[2,3] #7  backprop 0.1234  numeric 0.1201  rel err 0.014": the entry's name, its
  /// 1-based position in the parameter, both gradients and their relative error.
  static func describe(_ e: GradientCheck.Entry) -> String {
    let error = e.relativeError.isNaN ? "nan" : Format.short(e.relativeError, digits: 2)
    return "\(e.name) #\(e.index)  backprop \(Format.short(e.analytic, digits: 5))  numeric \(Format.short(e.numeric, digits: 5))  rel err \(error)"
  }

  static func name(_ activation: Activation) -> String {
    activation == .leakyRelu ? "leaky ReLU" : activation == .relu ? "ReLU" : activation.rawValue
  }
}
