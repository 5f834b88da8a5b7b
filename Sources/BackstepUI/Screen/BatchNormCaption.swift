import BackstepCore
import TermGrid

/// The captions of a batchnorm layer's two stages, with the live numbers of one unit j and one
/// example i (the cursor's): every number is one the stage computed and kept in its record.
enum BatchNormCaption {
  static func f(_ x: Double) -> String { Format.short(x, digits: 4) }
  /// A number that follows a minus sign: in parentheses when it is negative itself.
  static func g(_ x: Double) -> String { x < 0 ? "(\(f(x)))" : f(x) }
  /// A term added to a sum: "+ 0.1" or "− 0.1".
  static func term(_ x: Double) -> String { x < 0 ? "− \(f(-x))" : "+ \(f(x))" }

  /// "forward(2) batchnorm: μ = …, σ² = …, x̂ = (x − μ)/√(σ² + ε) = …, z = γ·x̂ + β = …".
  static func forward(
    _ l: Int, _ bn: BatchNormLayer, _ rec: LayerRecord, _ stats: BatchNormRecord, input: Matrix, focus: (unit: Int, example: Int),
    _ math: MathGlyphs
  ) -> Line {
    let (j, i) = focus
    let n = stats.mean.count
    guard j < n, i < stats.xhat.rows, input.rows == stats.xhat.rows, input.cols == n else {
      return Line([("forward(\(l)) batchnorm", .accent)])
    }
    let x = input[i, j]
    let sq = math.squareRoot
    let sigma2 = math.variance, mu = math.mu, xhat = math.xhat, gamma = math.gamma, beta = math.beta
    let dot = math.dot
    return Line([
      ("forward(\(l)) batchnorm ", .accent),
      ("\(xhat) = (x − \(mu))/\(sq)(\(sigma2) + ε), z = \(gamma)\(dot)\(xhat) + \(beta), a = \(bn.activation.rawValue)(z). ", .formula),
      (
        "Unit \(j + 1): \(mu) = \(f(stats.mean[j])), \(sigma2) = \(f(stats.variance[j])) over the batch; example \(i + 1): "
          + "\(xhat) = (\(f(x)) − \(g(stats.mean[j])))/\(sq)(\(f(stats.variance[j])) + \(Format.short(bn.eps))) = \(f(stats.xhat[i, j])), "
          + "z = \(f(bn.gamma[j]))\(dot)\(g(stats.xhat[i, j])) + \(g(bn.beta[j])) = \(f(rec.z[i, j])).", .caption
      ),
    ])
  }

  /// The three terms of dL/dx for one unit and example: directly, through μ, through σ².
  static func backward(
    _ l: Int, _ bn: BatchNormLayer, _ rec: LayerRecord, _ stats: BatchNormRecord, focus: (unit: Int, example: Int), _ math: MathGlyphs
  ) -> Line {
    let (j, i) = focus
    let delta = math.delta, gamma = math.gamma, beta = math.beta, xhat = math.xhat
    let head: [(String, Role)] = [
      ("backward(\(l)) batchnorm ", .accent),
      ("d\(gamma) = Σ \(delta)\(math.hadamard)\(xhat), d\(beta) = Σ \(delta), dL/dx = three terms. ", .formula),
    ]
    guard j < bn.units, i < stats.dxDirect.rows, stats.dxDirect.cols == bn.units, rec.dAPrev.count == stats.dxDirect.count else {
      return Line(head + [("d\(gamma)\(j + 1) = \(f(rec.dW.storage[safe: j])), d\(beta)\(j + 1) = \(f(rec.db[safe: j])).", .caption)])
    }
    return Line(
      head + [
        (
          "Unit \(j + 1): d\(gamma) = \(f(rec.dW.storage[j])), d\(beta) = \(f(rec.db[j])); example \(i + 1): dL/dx = "
            + "\(f(stats.dxDirect[i, j])) directly \(term(stats.dxThroughMean[i, j])) through the mean "
            + "\(term(stats.dxThroughVariance[i, j])) through the variance = \(f(rec.dAPrev[i, j])).", .caption
        )
      ])
  }
}

extension Array where Element == Double {
  /// The element at i, or NaN past the end: a caption says "nan" rather than trap.
  fileprivate subscript(safe i: Int) -> Double { indices.contains(i) ? self[i] : .nan }
}
