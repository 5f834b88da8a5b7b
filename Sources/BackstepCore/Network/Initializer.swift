/// How a layer's starting weights are drawn. fan_in is the layer's inputs, fan_out its outputs.
///
/// - Xavier/Glorot uniform: U(±√(6/(fan_in+fan_out)));  normal: N(0, √(2/(fan_in+fan_out)))
/// - He/Kaiming (fan_in, ReLU gain √2) uniform: U(±√(6/fan_in));  normal: N(0, √(2/fan_in))
/// - uniform(a): U(±a);  normal(σ): N(0, σ);  zeros
/// - playground: TF Playground's U(±0.5) with biases 0.1
public enum Initializer: Equatable, Sendable, CustomStringConvertible {
  case xavierUniform
  case xavierNormal
  case heUniform
  case heNormal
  case uniform(Double)
  case normal(Double)
  case zeros
  case playground

  /// Parses the command-line spelling: `xavier`, `xavier_normal`, `he`, `he_normal`,
  /// `uniform:0.5`, `normal:1.0`, `zeros`, `playground`.
  public init(parsing text: String) throws {
    let parts = text.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
    let name = parts.first ?? ""
    func scale() throws -> Double {
      guard parts.count == 2, let v = Double(parts[1]), v.isFinite, v >= 0 else {
        throw ConfigurationError("initialiser '\(text)' needs a non-negative number, as in \(name):0.5")
      }
      return v
    }
    switch name {
    case "xavier", "glorot", "xavier_uniform", "glorot_uniform": self = .xavierUniform
    case "xavier_normal", "glorot_normal": self = .xavierNormal
    case "he", "kaiming", "he_uniform", "kaiming_uniform": self = .heUniform
    case "he_normal", "kaiming_normal": self = .heNormal
    case "uniform": self = .uniform(try scale())
    case "normal": self = .normal(try scale())
    case "zeros", "zero": self = .zeros
    case "playground": self = .playground
    default:
      throw ConfigurationError(
        "unknown initialiser '\(text)'; use xavier, xavier_normal, he, he_normal, uniform:A, normal:S, zeros or playground"
      )
    }
  }

  public var description: String {
    switch self {
    case .xavierUniform: "xavier"
    case .xavierNormal: "xavier_normal"
    case .heUniform: "he"
    case .heNormal: "he_normal"
    case .uniform(let a): "uniform:\(a)"
    case .normal(let s): "normal:\(s)"
    case .zeros: "zeros"
    case .playground: "playground"
    }
  }

  /// The bias start value this initialiser implies when none is given (0.1 for Playground).
  public var defaultBias: Double { self == .playground ? 0.1 : 0 }

  /// Draws one weight for a layer with the given fans.
  public func draw(fanIn: Int, fanOut: Int, using rng: inout Xoshiro256) -> Double {
    let fi = Double(fanIn), fo = Double(fanOut)
    switch self {
    case .xavierUniform:
      let a = (6 / (fi + fo)).squareRoot()
      return rng.uniform(-a, a)
    case .xavierNormal: return rng.normal(std: (2 / (fi + fo)).squareRoot())
    case .heUniform:
      let a = (6 / fi).squareRoot()
      return rng.uniform(-a, a)
    case .heNormal: return rng.normal(std: (2 / fi).squareRoot())
    case .uniform(let a): return rng.uniform(-a, a)
    case .normal(let s): return rng.normal(std: s)
    case .zeros: return 0
    case .playground: return rng.uniform(-0.5, 0.5)
    }
  }
}
