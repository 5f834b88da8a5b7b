import BackstepCore
import TermGrid

/// The stage run last made visible: the maps it read are framed as its operands and the maps it
/// wrote as its results (``StageFlow``), with corners in the gaps around each map, so that
/// backward(2) shows δ₃, W₃ and f′(z₂) going in and δ₂ coming out. Every band the stage
/// touches lists them in its label column ("in W₃", "out δ₂ dW₂"), drawn or not, so that a map
/// the screen does not show is still named. x, t and dL/da_L are the example strip's.
extension NetworkTable {
  /// A drawn map and the part it plays in the stage: `.operand` when the stage reads it (f′(z_l)
  /// is read as well as written by backward(l)), else `.result`.
  struct FlowFrame {
    var region: ScreenRegions.HeatMapRegion
    var role: Role
  }

  /// The drawn maps of `regions` that `flow` reads or writes.
  static func frames(_ regions: [ScreenRegions.HeatMapRegion], flow: StageFlow) -> [FlowFrame] {
    regions.compactMap { region in
      let ref = MapRef(layer: region.layer, map: region.map)
      if flow.reads.contains(ref) { return FlowFrame(region: region, role: .operand) }
      if flow.writes.contains(ref) { return FlowFrame(region: region, role: .result) }
      return nil
    }
  }

  /// The corners of each framed map: left ones in the gap column before it, right ones just
  /// after its last drawn cell, on its first and last drawn rows. Results are drawn last, so that
  /// where two frames share a gap the result's corner is the one seen.
  static func drawFrames(_ frames: [FlowFrame], into frame: inout Frame, clip: Rect, context: RenderContext) {
    let g = context.glyphs
    for f in frames.sorted(by: { $0.role == .operand && $1.role != .operand }) {
      let area = f.region.geometry.area
      let bottom = area.y + max(1, f.region.geometry.drawnHeight) - 1
      let left = area.x - 1, right = area.x + f.region.geometry.drawnWidth
      let heavy = f.role == .result
      let corners: [(Int, Int, Character)] = [
        (left, area.y, heavy ? g.heavyTopLeft : g.topLeft), (right, area.y, heavy ? g.heavyTopRight : g.topRight),
        (left, bottom, heavy ? g.heavyBottomLeft : g.bottomLeft), (right, bottom, heavy ? g.heavyBottomRight : g.bottomRight),
      ]
      for (x, y, c) in corners where clip.contains(x: x, y: y) {
        frame.put(String(c), x: x, y: y, style: context.style(f.role), clip: clip)
      }
    }
  }

  /// The label column's lines for layer l: "in …" naming what the stage reads from the band and
  /// "out …" what it writes, each wrapped by whole names to `width`.
  static func flowLines(_ flow: StageFlow, layer l: Int, width: Int, math: MathGlyphs) -> [(String, Role)] {
    let reads = flow.reads.filter { $0.layer == l && !stripMaps.contains($0.map) }
    let writes = flow.writes.filter { $0.layer == l && !stripMaps.contains($0.map) && !reads.contains($0) }
    return wrap("in", reads.map { name($0, math) }, width: width).map { ($0, Role.operand) }
      + wrap("out", writes.map { name($0, math) }, width: width).map { ($0, Role.result) }
  }

  /// The maps the example strip shows for the selected example rather than a band.
  static let stripMaps: Set<ShownMap> = [.target, .outputGradient]

  /// `word` and the names after it, as many to a line as fit `width` (the word alone on its line
  /// when the first name does not fit beside it); none when there are no names.
  static func wrap(_ word: String, _ names: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = word
    for name in names {
      if line.count + 1 + name.count > width {
        lines.append(line)
        line = " " + name
      } else {
        line += " " + name
      }
    }
    return names.isEmpty ? [] : lines + [line]
  }

  /// A map's name with its layer, as the captions write it: W₃, f′(z₂), dW₂, x̂₂.
  static func name(_ ref: MapRef, _ math: MathGlyphs) -> String {
    let base: String
    switch ref.map {
    case .z: base = "z"
    case .a: base = "a"
    case .xhat: base = math.xhat
    case .mean: base = math.mu
    case .variance: base = math.variance
    case .delta: base = math.delta
    case .dW: base = "dW"
    case .db: base = "db"
    case .weights: base = "W"
    case .beta: base = math.beta
    case .bias: base = "b"
    case .target: base = "t"
    case .outputGradient: base = "dL/da"
    case .fPrime: return "f′(\(math.name("z", ref.layer)))"
    }
    return math.name(base, ref.layer)
  }
}
