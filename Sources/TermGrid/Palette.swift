/// Colour scales for heat maps, readable by people with colour-blind vision.
///
/// - diverging: blue for negative, orange for positive, a dark neutral at zero, so that the
///   sign is carried by hue (blue–orange survives the common red–green deficiencies) and the
///   size by brightness;
/// - sequential: viridis, dark purple through teal to yellow, for magnitudes.
public enum Palette: Int, CaseIterable, Sendable {
  case blueOrange
  case purpleGreen
  case grey

  public var name: String {
    switch self {
    case .blueOrange: "blue-orange"
    case .purpleGreen: "purple-green"
    case .grey: "grey"
    }
  }

  /// The name of the one sequential scale, for messages and help.
  public static let sequentialName = "viridis"

  /// Anchors of the diverging scale from −1 through 0 to +1, sRGB. Each pair ±x has the same
  /// CIE lightness L* (about 51 and 69 for blue–orange, 42 and 72 for purple–green), so that
  /// the size of a value reads the same on both sides and only the hue tells the sign.
  var divergingAnchors: [(Double, Double, Double)] {
    switch self {
    case .blueOrange:
      [(0.153, 0.456, 0.962), (0.421, 0.672, 1.0), (0.16, 0.17, 0.20), (0.909, 0.592, 0.257), (0.804, 0.336, 0.039)]
    case .purpleGreen:
      [(0.591, 0.215, 0.678), (0.793, 0.625, 0.962), (0.16, 0.17, 0.20), (0.489, 0.758, 0.489), (0.081, 0.445, 0.189)]
    case .grey:
      [(0.95, 0.95, 0.95), (0.60, 0.60, 0.60), (0.12, 0.12, 0.12), (0.60, 0.60, 0.60), (0.95, 0.95, 0.95)]
    }
  }

  /// The 8-colour diverging scale: strong negative, weak negative, weak positive, strong
  /// positive (zero is black). Blue–orange becomes blue, cyan | yellow, red; purple–green
  /// magenta, blue | cyan, green; grey white, white | white, white.
  var ansi8Levels: [UInt8] {
    switch self {
    case .blueOrange: [4, 6, 3, 1]
    case .purpleGreen: [5, 4, 6, 2]
    case .grey: [7, 7, 7, 7]
    }
  }

  static let viridis: [(Double, Double, Double)] = [
    (0.267, 0.005, 0.329), (0.283, 0.141, 0.458), (0.254, 0.265, 0.530), (0.207, 0.372, 0.553),
    (0.164, 0.471, 0.558), (0.128, 0.567, 0.551), (0.135, 0.659, 0.518), (0.267, 0.749, 0.441),
    (0.478, 0.821, 0.318), (0.741, 0.873, 0.150), (0.993, 0.906, 0.144),
  ]

  /// The colour of t ∈ [−1, 1] (clamped) on the diverging scale, at a colour level.
  public func diverging(_ t: Double, level: ColorLevel, dimmed: Bool = false) -> Color {
    let u = t.isNaN ? 0 : min(max(t, -1), 1)
    switch level {
    case .none: return .default
    case .ansi8:
      // No bright colours: weak and strong values of a sign take two hues of one family, so
      // that a map keeps three levels a side (zero, weak, strong).
      if abs(u) < 0.12 { return .indexed(0) }
      return .indexed(ansi8Levels[u < 0 ? (abs(u) >= 0.5 && !dimmed ? 0 : 1) : (abs(u) >= 0.5 && !dimmed ? 3 : 2)])
    case .ansi16:
      if abs(u) < 0.12 { return .indexed(8) }
      let strong = abs(u) >= 0.5 && !dimmed
      let base: UInt8 = u < 0 ? (self == .purpleGreen ? 5 : 4) : (self == .purpleGreen ? 2 : 3)
      if self == .grey { return .indexed(strong ? 15 : 7) }
      return .indexed(strong ? base + 8 : base)
    case .xterm256:
      let table = Palette.diverging256[Palette.tableIndex(self, dimmed)]
      return .indexed(table[Clamp.int(((u + 1) / 2 * Double(Palette.tableSteps)).rounded(), in: 0...Palette.tableSteps)])
    case .truecolor:
      return divergingRGB(u, level: level, dimmed: dimmed)
    }
  }

  func divergingRGB(_ u: Double, level: ColorLevel, dimmed: Bool) -> Color {
    var rgb = Palette.interpolate(divergingAnchors, (u + 1) / 2)
    if dimmed { rgb = Palette.dim(rgb) }
    return Palette.color(rgb, level: level)
  }

  /// 256-colour lookups at 512 steps along each scale: finding the nearest xterm colour was a
  /// fifth of the time of a whole frame, and 512 steps are finer than the palette can show.
  static let tableSteps = 512
  static func tableIndex(_ palette: Palette, _ dimmed: Bool) -> Int { palette.rawValue * 2 + (dimmed ? 1 : 0) }
  static let diverging256: [[UInt8]] = Palette.allCases.flatMap { palette in
    [false, true].map { dimmed in
      (0...tableSteps).map { step -> UInt8 in
        guard
          case .indexed(let i) = palette.divergingRGB(
            -1 + 2 * Double(step) / Double(tableSteps), level: .xterm256, dimmed: dimmed)
        else { return 0 }
        return i
      }
    }
  }
  static let sequential256: [[UInt8]] = [false, true].map { dimmed in
    (0...tableSteps).map { step -> UInt8 in
      var rgb = interpolate(viridis, Double(step) / Double(tableSteps))
      if dimmed { rgb = dim(rgb) }
      guard case .indexed(let i) = color(rgb, level: .xterm256) else { return 0 }
      return i
    }
  }

  /// The colour of t ∈ [0, 1] (clamped) on the sequential viridis scale.
  public static func sequential(_ t: Double, level: ColorLevel, dimmed: Bool = false) -> Color {
    let u = t.isNaN ? 0 : min(max(t, 0), 1)
    switch level {
    case .none: return .default
    case .ansi8, .ansi16:
      let steps: [UInt8] = level == .ansi16 ? [0, 5, 4, 6, 2, 10, 11] : [0, 5, 4, 6, 2, 3, 3]
      return .indexed(steps[Clamp.int(u * Double(steps.count), in: 0...(steps.count - 1))])
    case .xterm256:
      return .indexed(sequential256[dimmed ? 1 : 0][Clamp.int((u * Double(tableSteps)).rounded(), in: 0...tableSteps)])
    case .truecolor:
      var rgb = interpolate(viridis, u)
      if dimmed { rgb = dim(rgb) }
      return color(rgb, level: level)
    }
  }

  static func interpolate(_ anchors: [(Double, Double, Double)], _ t: Double) -> (Double, Double, Double) {
    let x = min(max(t, 0), 1) * Double(anchors.count - 1)
    let i = Clamp.int(x, in: 0...(anchors.count - 2))
    let f = x - Double(i)
    let a = anchors[i], b = anchors[i + 1]
    return (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f)
  }

  /// Pulls a colour toward the dark background: how stale values are drawn.
  static func dim(_ c: (Double, Double, Double)) -> (Double, Double, Double) {
    let bg = (0.12, 0.12, 0.13)
    return (bg.0 + (c.0 - bg.0) * 0.35, bg.1 + (c.1 - bg.1) * 0.35, bg.2 + (c.2 - bg.2) * 0.35)
  }

  static func color(_ c: (Double, Double, Double), level: ColorLevel) -> Color {
    func byte(_ v: Double) -> UInt8 { UInt8(Clamp.int(v * 255 + 0.5, in: 0...255)) }
    let rgb = (byte(c.0), byte(c.1), byte(c.2))
    if level == .truecolor { return .rgb(rgb.0, rgb.1, rgb.2) }
    return .indexed(ColorMath.nearest256(rgb.0, rgb.1, rgb.2))
  }
}

/// Conversions between colour levels.
public enum ColorMath {
  static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// The nearest entry of the xterm 256-colour palette (the 6×6×6 cube or the grey ramp).
  public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    func cubeIndex(_ v: UInt8) -> Int {
      var best = 0
      for (i, level) in cubeLevels.enumerated() where abs(level - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
      return best
    }
    let (ri, gi, bi) = (cubeIndex(r), cubeIndex(g), cubeIndex(b))
    let cube = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
    let cubeDistance = distance((Int(r), Int(g), Int(b)), cube)
    let mean = (Int(r) + Int(g) + Int(b)) / 3
    let greyIndex = min(23, max(0, (mean - 8 + 5) / 10))
    let greyLevel = 8 + greyIndex * 10
    let greyDistance = distance((Int(r), Int(g), Int(b)), (greyLevel, greyLevel, greyLevel))
    if greyDistance < cubeDistance { return UInt8(232 + greyIndex) }
    return UInt8(16 + 36 * ri + 6 * gi + bi)
  }

  /// The rgb value of an xterm palette entry.
  public static func rgb(of index: UInt8) -> (Int, Int, Int) {
    let i = Int(index)
    if i < 16 {
      let base: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
      ]
      return base[i]
    }
    if i >= 232 {
      let v = 8 + (i - 232) * 10
      return (v, v, v)
    }
    let c = i - 16
    return (cubeLevels[c / 36], cubeLevels[(c / 6) % 6], cubeLevels[c % 6])
  }

  /// The nearest of the first `count` ANSI colours (8 or 16).
  public static func nearestANSI(_ rgb: (Int, Int, Int), count: Int) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for i in 0..<count {
      let d = distance(rgb, self.rgb(of: UInt8(i)))
      if d < bestDistance {
        bestDistance = d
        best = i
      }
    }
    return UInt8(best)
  }

  /// A colour as the given level can show it.
  public static func downgrade(_ color: Color, to level: ColorLevel) -> Color {
    switch (color, level) {
    case (_, .none): return .default
    case (.default, _): return .default
    case (.rgb, .truecolor): return color
    case (.rgb(let r, let g, let b), .xterm256): return .indexed(nearest256(r, g, b))
    case (.rgb(let r, let g, let b), _): return .indexed(nearestANSI((Int(r), Int(g), Int(b)), count: level == .ansi16 ? 16 : 8))
    case (.indexed(let i), .ansi16) where i >= 16: return .indexed(nearestANSI(rgb(of: i), count: 16))
    case (.indexed(let i), .ansi8) where i >= 8: return .indexed(i < 16 ? i - 8 : nearestANSI(rgb(of: i), count: 8))
    default: return color
    }
  }

  static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
    let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
    return 2 * dr * dr + 4 * dg * dg + 3 * db * db
  }
}
